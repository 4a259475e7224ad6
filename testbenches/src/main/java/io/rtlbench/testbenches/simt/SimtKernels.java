package io.rtlbench.testbenches.simt;

import io.rtlbench.rtl.simt.SimtConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs the C kernels on a {@link SimtMachine}: builds (cached) and loads the kernel, places the
 * tensors in global memory after the ELF's {@code _end} (64-byte aligned), writes the arguments into
 * the kernel's {@code kargs} words, runs it and reads the output back. Thread stacks (260 B each)
 * sit at the top of shared memory (crt0.S); the GEMM kernel uses its first 2.2 KiB.
 */
public final class SimtKernels {
    public static final int STACK_BYTES = 260;
    /** Shared memory the kernels use below the stacks (the GEMM tiles). */
    public static final int KERNEL_SHARED_BYTES = 4096;

    private SimtKernels() {}

    /** Throws a clear error when the kernels' stacks and tiles do not fit in the core's shared memory. */
    public static void checkFits(SimtConfig cfg) {
        long stacks = (long) STACK_BYTES * cfg.warps() * cfg.threads();
        if (stacks + KERNEL_SHARED_BYTES > cfg.sharedBytes())
            throw new IllegalArgumentException(String.format("%d threads need %d bytes of shared memory for stacks plus %d for "
                    + "the kernels; the core has %d", cfg.warps() * cfg.threads(), stacks, KERNEL_SHARED_BYTES, cfg.sharedBytes()));
    }

    /** A kernel's output and the counters of its run. */
    public record Run<T>(T output, SimtMachine.Result counters) {}

    public static Run<int[]> vecadd(SimtMachine m, int[] a, int[] b, long maxCycles) {
        if (a.length != b.length) throw new IllegalArgumentException("vecadd needs equal lengths, got " + a.length + " and " + b.length);
        Session s = new Session(m, "vecadd");
        long pa = s.put(ints(a)), pb = s.put(ints(b)), pc = s.alloc(4L * a.length);
        var r = s.run(maxCycles, pa, pb, pc, a.length);
        return new Run<>(toInts(m.readGlobal(pc, 4 * a.length)), r);
    }

    public static Run<byte[]> relu(SimtMachine m, byte[] x, long maxCycles) {
        Session s = new Session(m, "relu");
        long px = s.put(x), py = s.alloc(x.length);
        var r = s.run(maxCycles, px, py, x.length);
        return new Run<>(m.readGlobal(py, x.length), r);
    }

    public static Run<byte[]> requant(SimtMachine m, int[] x, int scale, int shift, boolean relu, long maxCycles) {
        if (shift < 0 || shift > 62) throw new IllegalArgumentException("requant shift must be 0..62, got " + shift);
        Session s = new Session(m, "requant");
        long px = s.put(ints(x)), py = s.alloc(x.length);
        var r = s.run(maxCycles, px, py, x.length, scale, shift, relu ? 1 : 0);
        return new Run<>(m.readGlobal(py, x.length), r);
    }

    public static Run<int[]> divergence(SimtMachine m, int[] in, long maxCycles) {
        Session s = new Session(m, "divergence");
        long pi = s.put(ints(in)), po = s.alloc(4L * in.length);
        var r = s.run(maxCycles, pi, po, in.length);
        return new Run<>(toInts(m.readGlobal(po, 4 * in.length)), r);
    }

    /** Output tile edge of the GEMM kernels' work-groups (see the convention in kernels/gemm.c). */
    public static final int GEMM_TILE = 16;

    /** Work-groups of an M x N GEMM: one per 16 x 16 output tile, numbered row-major over the tiles. */
    public static int gemmWorkGroups(int m, int n) { return ceil(m, GEMM_TILE) * ceil(n, GEMM_TILE); }

    /** C = A x B for INT8 A (M x K) and B (K x N), INT32 result (M x N). */
    public static Run<int[][]> gemm(SimtMachine m, byte[][] a, byte[][] b, long maxCycles) {
        return gemm(m, a, b, 0, gemmWorkGroups(a.length, b.length == 0 ? 0 : b[0].length), maxCycles);
    }

    /**
     * Work-groups [first, last) of C = A x B only (first == last: the launch alone); the other outputs
     * of the returned C are 0.
     */
    public static Run<int[][]> gemm(SimtMachine m, byte[][] a, byte[][] b, int first, int last, long maxCycles) {
        int mm = a.length, k = b.length, n = k == 0 ? 0 : b[0].length;
        if (mm == 0 || k == 0 || n == 0) throw new IllegalArgumentException("GEMM dimensions must be positive");
        if (first < 0 || last < first || last > gemmWorkGroups(mm, n))
            throw new IllegalArgumentException("work-groups [" + first + ", " + last + ") outside the GEMM's " + gemmWorkGroups(mm, n));
        byte[] fa = new byte[mm * k], fb = new byte[k * n];
        for (int i = 0; i < mm; i++) {
            if (a[i].length != k) throw new IllegalArgumentException("A is " + mm + "x" + a[i].length + " but B has " + k + " rows");
            System.arraycopy(a[i], 0, fa, i * k, k);
        }
        for (int i = 0; i < k; i++) System.arraycopy(b[i], 0, fb, i * n, n);
        Session s = new Session(m, "gemm");
        long pa = s.put(fa), pb = s.put(fb), pc = s.alloc(4L * mm * n);
        var r = s.run(maxCycles, pa, pb, pc, mm, k, n, first, last);
        int[][] c = new int[mm][n];
        int tn = ceil(n, GEMM_TILE);
        if (first == 0 && last == gemmWorkGroups(mm, n)) {
            int[] flat = toInts(m.readGlobal(pc, 4 * mm * n));
            for (int i = 0; i < mm; i++) System.arraycopy(flat, i * n, c[i], 0, n);
            return new Run<>(c, r);
        }
        for (int w = first; w < last; w++) {  // read back only the rows the work-groups wrote
            int i0 = w / tn * GEMM_TILE, j0 = w % tn * GEMM_TILE, cols = Math.min(GEMM_TILE, n - j0);
            for (int i = i0; i < Math.min(mm, i0 + GEMM_TILE); i++) {
                int[] row = toInts(m.readGlobal(pc + 4L * ((long) i * n + j0), 4 * cols));
                System.arraycopy(row, 0, c[i], j0, cols);
            }
        }
        return new Run<>(c, r);
    }

    static int ceil(int a, int b) { return (a + b - 1) / b; }

    /** One kernel launch: load, allocate, set arguments, run. */
    private static final class Session {
        final SimtMachine m;
        final Elf elf;
        final long limit;
        long heap;

        Session(SimtMachine m, String kernel) {
            this.m = m;
            SimtConfig cfg = m.config();
            checkFits(cfg);
            elf = Elf.read(KernelBuild.kernel(kernel));
            m.load(elf);
            heap = align(elf.symbol("_end"));
            limit = SimtConfig.GLOBAL_BASE + cfg.offchip().sizeBytes();
        }

        long alloc(long bytes) {
            long at = heap;
            heap = align(heap + bytes);
            if (heap > limit)
                throw new IllegalArgumentException(String.format("tensors need %d bytes of global memory; only %d fit after the "
                        + "program", heap - align(elf.symbol("_end")), limit - align(elf.symbol("_end"))));
            return at;
        }

        long put(byte[] data) {
            long at = alloc(data.length);
            m.writeGlobal(at, data);
            return at;
        }

        SimtMachine.Result run(long maxCycles, long... args) {
            long kargs = elf.symbol("kargs");
            for (int i = 0; i < args.length; i++) m.writeWord(kargs + 4L * i, (int) args[i]);
            return m.run(maxCycles);
        }

        static long align(long v) { return (v + 63) & ~63L; }
    }

    static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    static int[] toInts(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }
}
