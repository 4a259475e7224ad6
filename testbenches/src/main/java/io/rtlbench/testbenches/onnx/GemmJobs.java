package io.rtlbench.testbenches.onnx;

import io.rtlbench.testbenches.systolic.GemmGolden;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GEMM step's input tensor as core jobs and the jobs' outputs back as the step's output tensor.
 * Conv: one job per (batch, group): A = im2col of the group's input channels (rows: output pixels;
 * columns: (ci, ky, kx); padding takes the input zero point, i.e. real 0), B = the group's weights.
 * MatMul / Gemm by constant weights: one job, A = the input with its leading dimensions flattened.
 * MatMul of two activations: one job per batch matrix. Values are in the INT8 domain (UINT8 - 128).
 */
public final class GemmJobs {
    private GemmJobs() {}

    /** One GEMM for a core: C = requant(A x B + bias), or raw INT32 when rq is null; columns n0.. of the step's output channels. */
    public record Job(byte[][] a, byte[][] b, int[] bias, IntRequant rq, int n0, int batch) {
        public long macs() { return (long) a.length * b.length * b[0].length; }

        /** The golden INT32 accumulators (bias included) and the golden output (INT8 values, or the accumulators when raw). */
        public int[][] golden() {
            int[][] acc = GemmGolden.gemm(a, b, bias);
            if (rq == null) return acc;
            int[][] out = new int[acc.length][acc[0].length];
            for (int i = 0; i < acc.length; i++)
                for (int j = 0; j < acc[0].length; j++) out[i][j] = rq.channel(j).apply(acc[i][j]);
            return out;
        }
    }

    public static List<Job> jobs(GemmSpec sp, Tensor x, Tensor bInput) {
        byte[] x8 = x.toInt8Shifted();
        int zx = sp.x().zero8();
        List<Job> jobs = new ArrayList<>();
        if (sp.conv()) {
            ConvGeometry g = ConvGeometry.of(sp.node(), x.shape(), sp.weightShape());
            int cpg = g.cin() / sp.groups(), opg = sp.outChannels() / sp.groups(), k = cpg * g.kh() * g.kw();
            for (int b = 0; b < g.n(); b++)
                for (int gi = 0; gi < sp.groups(); gi++) {
                    byte[][] a = new byte[g.pixels()][k];
                    for (int oy = 0; oy < g.oh(); oy++)
                        for (int ox = 0; ox < g.ow(); ox++) {
                            byte[] row = a[oy * g.ow() + ox];
                            for (int ci = 0, col = 0; ci < cpg; ci++)
                                for (int ky = 0; ky < g.kh(); ky++)
                                    for (int kx = 0; kx < g.kw(); kx++, col++) {
                                        int iy = g.iy(oy, ky), ix = g.ix(ox, kx);
                                        row[col] = iy < 0 || ix < 0 || iy >= g.h() || ix >= g.w() ? (byte) zx
                                                : x8[((b * g.cin() + gi * cpg + ci) * g.h() + iy) * g.w() + ix];
                                    }
                        }
                    byte[][] w = sp.weights()[gi];
                    jobs.add(new Job(a, w, sp.hardwareBias(w, gi * opg), sp.rq() == null ? null : sp.rq().slice(gi * opg, opg), gi * opg, b));
                }
            return jobs;
        }
        if (!sp.dynamicB()) {
            byte[][] w = sp.weights()[0];
            int k = w.length, rows = x8.length / k;
            if (x.shape()[x.rank() - 1] != k) throw OnnxException.at(sp.node(), "input " + x.shapeString() + " does not match K = " + k);
            jobs.add(new Job(rows(x8, 0, rows, k), w, sp.hardwareBias(w, 0), sp.rq(), 0, 0));
            return jobs;
        }
        byte[] b8 = bInput.toInt8Shifted();
        int m = x.shape()[x.rank() - 2], k = x.shape()[x.rank() - 1], n = bInput.shape()[bInput.rank() - 1];
        int[] batch = Broadcast.shape(sp.node(), Arrays.copyOf(x.shape(), x.rank() - 2), Arrays.copyOf(bInput.shape(), bInput.rank() - 2));
        int[] ia = Broadcast.index(Arrays.copyOf(x.shape(), x.rank() - 2), batch), ib = Broadcast.index(Arrays.copyOf(bInput.shape(), bInput.rank() - 2), batch);
        for (int t = 0; t < ia.length; t++) {
            byte[][] bm = rows(b8, ib[t] * k * n, k, n);
            jobs.add(new Job(rows(x8, ia[t] * m * k, m, k), bm, sp.hardwareBias(bm, 0), sp.rq(), 0, t));
        }
        return jobs;
    }

    static byte[][] rows(byte[] flat, int offset, int rows, int cols) {
        byte[][] r = new byte[rows][];
        for (int i = 0; i < rows; i++) r[i] = Arrays.copyOfRange(flat, offset + i * cols, offset + (i + 1) * cols);
        return r;
    }

    /** The step's output tensor from the jobs' outputs (INT8-domain values or INT32), in job order. */
    public static Tensor assemble(GemmSpec sp, Tensor x, Tensor bInput, List<Job> jobs, List<int[][]> outs) {
        int[] shape;
        int n = sp.outChannels();
        if (sp.conv()) {
            ConvGeometry g = ConvGeometry.of(sp.node(), x.shape(), sp.weightShape());
            shape = HostNn.convShape(g, x.rank(), n);
        } else if (!sp.dynamicB()) {
            shape = x.shape().clone();
            shape[shape.length - 1] = n;
        } else {
            shape = HostNn.matmulShape(sp.node(), x.shape(), bInput.shape());
            n = bInput.shape()[bInput.rank() - 1];
        }
        long[] out = new long[Tensor.size(shape)];
        boolean uint8 = sp.y() != null && sp.y().type() == DType.UINT8;
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            int[][] c = outs.get(j);
            for (int r = 0; r < c.length; r++)
                for (int col = 0; col < c[r].length; col++) {
                    int idx = sp.conv() ? (job.batch() * n + job.n0() + col) * c.length + r
                            : sp.dynamicB() ? (job.batch() * c.length + r) * n + col : r * n + col;
                    out[idx] = c[r][col] + (uint8 ? 128 : 0);
                }
        }
        return Tensor.ofLongs(sp.y() == null ? DType.INT32 : sp.y().type(), shape, out);
    }
}
