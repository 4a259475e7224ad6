package io.rtlbench.testbenches.onnx;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.simt.Elf;
import io.rtlbench.testbenches.simt.KernelBuild;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The SIMT core running ONNX layers: a GEMM job is the tiled INT8 GEMM kernel
 * ({@link SimtKernels#gemm}) followed by the per-column requantization kernel
 * ({@code requant_cols.c}: bias, scale, shift, ReLU per output channel); a lookup-table step is
 * {@code lut8.c}; a max pool {@code maxpool8.c}. A raw (INT32) job gets its bias added on the host. Cycles and off-chip bytes are
 * the kernels' counters summed.
 */
public final class SimtBackend implements AutoCloseable {
    private final SimtMachine machine;

    public SimtBackend(SimtConfig cfg, BuildOptions options) { machine = new SimtMachine(cfg, options); }

    public SimtMachine machine() { return machine; }

    public CoreRun gemm(GemmJobs.Job job, long maxCycles) {
        var mm = SimtKernels.gemm(machine, job.a(), job.b(), maxCycles);
        int[][] c = mm.output();
        long cycles = mm.counters().cycles(), bytes = mm.counters().bytesRead() + mm.counters().bytesWritten();
        int rows = c.length, cols = c[0].length;
        if (job.rq() == null) {
            for (int[] row : c) for (int j = 0; j < cols; j++) row[j] += job.bias()[j];
            return new CoreRun(c, cycles, bytes, (long) rows * cols);
        }
        int[] flat = new int[rows * cols];
        for (int i = 0; i < rows; i++) System.arraycopy(c[i], 0, flat, i * cols, cols);
        Session s = new Session("requant_cols");
        long px = s.put(ints(flat)), pb = s.put(ints(job.bias())), ps = s.put(ints(job.rq().scale())), psh = s.put(ints(job.rq().shift()));
        long py = s.alloc(flat.length);
        SimtMachine.Result r = s.run(maxCycles, px, pb, ps, psh, py, rows, cols, job.rq().relu() ? 1 : 0);
        byte[] y = machine.readGlobal(py, flat.length);
        int[][] out = new int[rows][cols];
        for (int i = 0; i < flat.length; i++) out[i / cols][i % cols] = y[i];
        return new CoreRun(out, cycles + r.cycles(), bytes + r.bytesRead() + r.bytesWritten(), 0);
    }

    public CoreRun lut(byte[] x, byte[] table, long maxCycles) {
        Session s = new Session("lut8");
        long px = s.put(x), pt = s.put(table), py = s.alloc(x.length);
        SimtMachine.Result r = s.run(maxCycles, px, pt, py, x.length);
        byte[] y = machine.readGlobal(py, x.length);
        int[][] out = new int[1][x.length];
        for (int i = 0; i < y.length; i++) out[0][i] = y[i];
        return new CoreRun(out, r.cycles(), r.bytesRead() + r.bytesWritten(), 0);
    }

    /** Max pooling of INT8 planes followed by the table ({@code maxpool8.c}); out is one row of the pooled elements. */
    public CoreRun maxPool(byte[] x, ConvGeometry g, byte[] table, long maxCycles) {
        Session s = new Session("maxpool8");
        int planes = g.n() * g.cin(), n = planes * g.oh() * g.ow();
        long px = s.put(x), pt = s.put(table), py = s.alloc(n);
        SimtMachine.Result r = s.run(maxCycles, px, pt, py, planes, g.h(), g.w(), g.kh(), g.kw(), g.sh(), g.sw(), g.dh(), g.dw(),
                g.padTop(), g.padLeft(), g.oh(), g.ow());
        byte[] y = machine.readGlobal(py, n);
        int[][] out = new int[1][n];
        for (int i = 0; i < n; i++) out[0][i] = y[i];
        return new CoreRun(out, r.cycles(), r.bytesRead() + r.bytesWritten(), 0);
    }

    /** One kernel launch: load, allocate after _end (64-byte aligned), write kargs, run. */
    private final class Session {
        final Elf elf;
        long heap;

        Session(String kernel) {
            SimtKernels.checkFits(machine.config());
            elf = Elf.read(KernelBuild.kernel(kernel));
            machine.load(elf);
            heap = align(elf.symbol("_end"));
        }

        long alloc(long bytes) {
            long at = heap;
            heap = align(heap + bytes);
            if (heap > SimtConfig.GLOBAL_BASE + machine.config().offchip().sizeBytes())
                throw new IllegalArgumentException("a layer's tensors do not fit the SIMT core's global memory");
            return at;
        }

        long put(byte[] data) {
            long at = alloc(data.length);
            machine.writeGlobal(at, data);
            return at;
        }

        SimtMachine.Result run(long maxCycles, long... args) {
            long kargs = elf.symbol("kargs");
            for (int i = 0; i < args.length; i++) machine.writeWord(kargs + 4L * i, (int) args[i]);
            return machine.run(maxCycles);
        }

        static long align(long v) { return (v + 63) & ~63L; }
    }

    static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    @Override public void close() { machine.close(); }
}
