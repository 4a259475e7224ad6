package io.rtlbench.testbenches.simt;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.systolic.GemmJob;

/**
 * GEMMs of the floating-point formats on the SIMT core, in software (kernels gemm_fp8.c and
 * gemm_mxfp4.c with softfp.h: the core has no FPU and no FP8/MX instructions): C = A x B (+ bias)
 * as FP32 bits, bit-exact with {@code job.expected(tile)}. Off-chip layouts: FP8 codes one a byte,
 * row-major; MXFP4 elements two a byte along K, low nibble first (A row-major, B column-major) with
 * E8M0 scales block-major: A ceil(K/32) x M and B ceil(K/32) x N. {@code tile} is the K tile of exact accumulation
 * (1..32; pass the systolic core's row count R to get the systolic core's bits).
 */
public final class SimtFormatKernels {
    /** Shared memory the format kernels use below the stacks (the FP8 kernel: 6.5 KiB). */
    public static final int SHARED_BYTES = 8192;

    private SimtFormatKernels() {}

    public static SimtKernels.Run<int[][]> gemm(SimtMachine m, GemmJob job, int tile, long maxCycles) {
        NumberFormat f = job.format();
        if (!f.isFloat()) throw new IllegalArgumentException("SimtFormatKernels runs fp8e4m3, fp8e5m2 and mxfp4; int8 uses SimtKernels.gemm");
        if (tile < 1 || tile > 32) throw new IllegalArgumentException("the K tile must be 1..32, got " + tile);
        SimtConfig cfg = m.config();
        long stacks = (long) SimtKernels.STACK_BYTES * cfg.warps() * cfg.threads();
        if (stacks + SHARED_BYTES > cfg.sharedBytes())
            throw new IllegalArgumentException(String.format("%d threads need %d bytes of shared memory for stacks plus %d for the "
                    + "format kernels; the core has %d", cfg.warps() * cfg.threads(), stacks, SHARED_BYTES, cfg.sharedBytes()));
        int mm = job.m(), k = job.k(), n = job.n();
        SimtKernels.Session s = new SimtKernels.Session(m, f == NumberFormat.MXFP4 ? "gemm_mxfp4" : "gemm_fp8");
        long pc = s.alloc(4L * mm * n), pbias = job.bias() == null ? 0 : s.put(SimtKernels.ints(job.bias()));
        SimtMachine.Result r;
        if (f == NumberFormat.MXFP4) {
            long pa = s.put(packed(job.a(), k)), pas = s.put(flat(transpose(job.aScales())));
            long pb = s.put(packed(transpose(job.b()), k)), pbs = s.put(flat(job.bScales()));
            r = s.run(maxCycles, pa, pas, pb, pbs, pc, mm, k, n, tile, pbias);
        } else {
            long pa = s.put(flat(job.a())), pb = s.put(flat(job.b()));
            r = s.run(maxCycles, pa, pb, pc, mm, k, n, tile, f == NumberFormat.FP8_E5M2 ? 1 : 0, pbias);
        }
        int[] out = SimtKernels.toInts(m.readGlobal(pc, 4 * mm * n));
        int[][] c = new int[mm][n];
        for (int i = 0; i < mm; i++) System.arraycopy(out, i * n, c[i], 0, n);
        return new SimtKernels.Run<>(c, r);
    }

    /** softfp.h element-wise on the core (its unit test): sums a[i] + b[i] of FP32 bits. */
    public static SimtKernels.Run<int[]> softAdd(SimtMachine m, int[] a, int[] b, long maxCycles) {
        int[] x = new int[2 * a.length];
        for (int i = 0; i < a.length; i++) { x[2 * i] = a[i]; x[2 * i + 1] = b[i]; }
        return softOp(m, 0, x, a.length, maxCycles);
    }

    /** softfp.h's rounding on the core: each record {neg, hi, lo, exp} of the 64-bit magnitude hi:lo. */
    public static SimtKernels.Run<int[]> softRound(SimtMachine m, int[][] records, long maxCycles) {
        int[] x = new int[4 * records.length];
        for (int i = 0; i < records.length; i++) System.arraycopy(records[i], 0, x, 4 * i, 4);
        return softOp(m, 1, x, records.length, maxCycles);
    }

    private static SimtKernels.Run<int[]> softOp(SimtMachine m, int op, int[] x, int n, long maxCycles) {
        SimtKernels.Session s = new SimtKernels.Session(m, "softfp_ops");
        long px = s.put(SimtKernels.ints(x)), pout = s.alloc(4L * n);
        var r = s.run(maxCycles, op, px, pout, n);
        return new SimtKernels.Run<>(SimtKernels.toInts(m.readGlobal(pout, 4 * n)), r);
    }

    static byte[][] transpose(byte[][] x) {
        byte[][] t = new byte[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) t[j][i] = x[i][j];
        return t;
    }

    static byte[] flat(byte[][] rows) {
        int cols = rows[0].length;
        byte[] out = new byte[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * cols, cols);
        return out;
    }

    /** Rows of 4-bit codes, two a byte (low nibble first), each row ceil(cols / 2) bytes. */
    static byte[] packed(byte[][] rows, int cols) {
        int stride = (cols + 1) / 2;
        byte[] out = new byte[rows.length * stride];
        for (int i = 0; i < rows.length; i++)
            for (int j = 0; j < cols; j++) out[i * stride + j / 2] |= (byte) ((rows[i][j] & 0xF) << (4 * (j & 1)));
        return out;
    }
}
