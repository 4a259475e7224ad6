package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-layer checks against ONNX Runtime. Accumulators: MatMulInteger(A, B, a_zero_point) on the
 * very INT8 matrices a core multiplies, against the golden sum of (a - a_zero) * b. Outputs: the
 * step's own ONNX nodes (DequantizeLinear, operator, QuantizeLinear) as a small model, run by ONNX
 * Runtime node by node (no fusions: its fused int8 QLinearSoftmax in 1.22 mis-saturates, see
 * microsoft/onnxruntime#29727) on the step's inputs, compared element by element.
 */
final class OrtChecks implements AutoCloseable {
    private final Map<String, Ort> matmuls = new HashMap<>();

    /** null when equal, else the first differing accumulator. */
    String accumulators(GemmJobs.Job job, int zeroX) {
        int m = job.a().length, k = job.b().length, n = job.b()[0].length;
        Ort ort = matmuls.computeIfAbsent(m + "x" + k + "x" + n, key -> new Ort(matmulInteger(m, k, n), false));
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("A", Tensor.ofBytes(DType.INT8, new int[] {m, k}, flat(job.a())));
        in.put("B", Tensor.ofBytes(DType.INT8, new int[] {k, n}, flat(job.b())));
        in.put("az", Tensor.ofLongs(DType.INT8, new int[0], new long[] {zeroX}));
        Tensor got = ort.run(in, List.of("Y")).get("Y");
        long[] colSum = new long[n];
        for (byte[] row : job.b()) for (int j = 0; j < n; j++) colSum[j] += row[j];
        int[][] acc = io.rtlbench.testbenches.systolic.GemmGolden.gemm(job.a(), job.b(), null);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                int want = (int) (acc[i][j] - (long) zeroX * colSum[j]);
                if (got.getLong(i * n + j) != want)
                    return "acc[" + i + "][" + j + "]: golden " + want + ", ONNX Runtime " + got.getLong(i * n + j);
            }
        return null;
    }

    static Graph matmulInteger(int m, int k, int n) {
        Node mm = Node.of("mm", "MatMulInteger", List.of("A", "B", "az"), List.of("Y"));
        return new Graph("acc", List.of(mm), Map.of(), List.of(Graph.ValueInfo.of("A", DType.INT8, m, k), Graph.ValueInfo.of("B", DType.INT8, k, n),
                Graph.ValueInfo.of("az", DType.INT8)), List.of(Graph.ValueInfo.of("Y", DType.INT32, m, n)), 13, Map.of());
    }

    static byte[] flat(byte[][] a) {
        byte[] f = new byte[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        return f;
    }

    /** ONNX Runtime's output for one step, run on the step's inputs. */
    static Tensor step(Shapes.Static s, Step step, Map<String, Tensor> values) {
        Graph g = s.graph();
        Map<String, Tensor> consts = new LinkedHashMap<>();
        Map<String, Tensor> in = new LinkedHashMap<>();
        List<Graph.ValueInfo> inputs = new ArrayList<>();
        for (Node n : step.nodes())
            for (String v : n.inputs())
                if (!v.isEmpty() && g.isConstant(v)) consts.put(v, g.constant(v));
        for (String v : step.inputs()) {
            Shapes.Info i = s.info(v);
            inputs.add(Graph.ValueInfo.of(v, i.type(), i.shape()));
            in.put(v, values.get(v));
        }
        Shapes.Info o = s.info(step.output());
        Graph mini = new Graph("step", step.nodes(), consts, inputs, List.of(Graph.ValueInfo.of(step.output(), o.type(), o.shape())),
                g.opset(), g.otherOpsets());
        try (Ort ort = new Ort(mini, false)) {
            return ort.run(in, List.of(step.output())).get(step.output());
        }
    }

    /** Element differences of two tensors of the same shape: {elements, off by 1, off by more, max |diff|}. */
    static double[] compare(Tensor want, Tensor got) {
        long off1 = 0, more = 0;
        double max = 0;
        for (int i = 0; i < want.size(); i++) {
            double d = Math.abs(want.get(i) - got.get(i));
            max = Math.max(max, d);
            if (!want.type().isFloat()) { if (d == 1) off1++; else if (d > 1) more++; }
        }
        return new double[] {want.size(), off1, more, max};
    }

    @Override public void close() { matmuls.values().forEach(Ort::close); }
}
