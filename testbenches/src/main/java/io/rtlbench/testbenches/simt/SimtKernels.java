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

    /** C = A x B for INT8 A (M x K) and B (K x N), INT32 result (M x N). */
    public static Run<int[][]> gemm(SimtMachine m, byte[][] a, byte[][] b, long maxCycles) {
        int mm = a.length, k = b.length, n = k == 0 ? 0 : b[0].length;
        if (mm == 0 || k == 0 || n == 0) throw new IllegalArgumentException("GEMM dimensions must be positive");
        byte[] fa = new byte[mm * k], fb = new byte[k * n];
        for (int i = 0; i < mm; i++) {
            if (a[i].length != k) throw new IllegalArgumentException("A is " + mm + "x" + a[i].length + " but B has " + k + " rows");
            System.arraycopy(a[i], 0, fa, i * k, k);
        }
        for (int i = 0; i < k; i++) System.arraycopy(b[i], 0, fb, i * n, n);
        Session s = new Session(m, "gemm");
        long pa = s.put(fa), pb = s.put(fb), pc = s.alloc(4L * mm * n);
        var r = s.run(maxCycles, pa, pb, pc, mm, k, n);
        int[] flat = toInts(m.readGlobal(pc, 4 * mm * n));
        int[][] c = new int[mm][n];
        for (int i = 0; i < mm; i++) System.arraycopy(flat, i * n, c[i], 0, n);
        return new Run<>(c, r);
    }

    /** One kernel launch: load, allocate, set arguments, run. */
    static final class Session {
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
