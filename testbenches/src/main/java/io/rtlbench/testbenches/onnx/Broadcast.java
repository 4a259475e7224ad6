package io.rtlbench.testbenches.onnx;

import java.util.Arrays;

/** NumPy-style multidirectional broadcasting (ONNX's rule for elementwise operators). */
final class Broadcast {
    private Broadcast() {}

    static int[] shape(Node node, int[]... shapes) {
        int rank = Arrays.stream(shapes).mapToInt(s -> s.length).max().orElse(0);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (int[] s : shapes)
            for (int i = 0; i < s.length; i++) {
                int o = rank - s.length + i, d = s[i];
                if (out[o] == 1) out[o] = d;
                else if (d != 1 && d != out[o])
                    throw OnnxException.at(node, "shapes " + Arrays.deepToString(shapes) + " do not broadcast");
            }
        return out;
    }

    /** For each element of the output, the index of the element of {@code in} it reads. */
    static int[] index(int[] in, int[] out) {
        int n = Tensor.size(out), rank = out.length;
        int[] idx = new int[n];
        int[] stride = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; i--) {
            int j = i - (rank - in.length);
            int d = j < 0 ? 1 : in[j];
            stride[i] = d == 1 ? 0 : s;
            s *= d;
        }
        int[] pos = new int[rank];
        for (int e = 0; e < n; e++) {
            int k = 0;
            for (int i = 0; i < rank; i++) k += pos[i] * stride[i];
            idx[e] = k;
            for (int i = rank - 1; i >= 0 && ++pos[i] == out[i]; i--) pos[i] = 0;
        }
        return idx;
    }

    /** Row-major strides of a shape. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        for (int i = shape.length - 1, m = 1; i >= 0; i--) { s[i] = m; m *= shape[i]; }
        return s;
    }

    /** Normalizes a possibly negative axis for a rank. */
    static int axis(Node node, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw OnnxException.at(node, "axis " + axis + " is out of range for rank " + rank);
        return (int) a;
    }
}
