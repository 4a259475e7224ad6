package io.rtlbench.testbenches.simt;

import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.sampling.TiledLayer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GEMM on the SIMT core as independent work-groups for the
 * {@link io.rtlbench.testbenches.sampling.Sampler}: the kernel runs any range of work-groups
 * ({@link SimtKernels#gemm(SimtMachine, byte[][], byte[][], int, int, long)}), one after another
 * with all threads on each, so the run is the launch (measured once as an empty range: start-up,
 * argument loads, exit) plus the work-groups. Work-group w is measured as a launch of [w, w + 1)
 * minus the empty launch. Metrics: the core's counters (instructions, stalls, off-chip bytes, MUL
 * cycles) and the probe's, as differences the same way. Strata: the work-group's output tile shape
 * (edge tiles are smaller). Every emulated work-group's outputs are checked against the golden model.
 */
public final class SimtTiledLayer implements TiledLayer {
    private final SimtMachine machine;
    private final byte[][] a, b;
    private final long maxCycles;
    private final int tn;
    private Measurement launchOnly;  // the empty launch, measured once

    public SimtTiledLayer(SimtMachine machine, byte[][] a, byte[][] b, long maxCycles) {
        this.machine = machine;
        this.a = a;
        this.b = b;
        this.maxCycles = maxCycles;
        tn = SimtKernels.ceil(b[0].length, SimtKernels.GEMM_TILE);
    }

    @Override public int tiles() { return SimtKernels.gemmWorkGroups(a.length, b[0].length); }

    @Override public double tilesPerMeasurement() { return 1; }

    @Override public String stratum(int w) {
        int rows = Math.min(SimtKernels.GEMM_TILE, a.length - w / tn * SimtKernels.GEMM_TILE);
        int cols = Math.min(SimtKernels.GEMM_TILE, b[0].length - w % tn * SimtKernels.GEMM_TILE);
        return rows + "x" + cols;
    }

    @Override public Measurement fixed(MetricProbe probe) {
        if (launchOnly == null) launchOnly = launch(0, 0, probe);
        return launchOnly;
    }

    @Override public Measurement measure(int w, MetricProbe probe) { return difference(launch(w, w + 1, probe), fixed(probe)); }

    /** Work-group w as the launch of [w - 1, w + 1) minus that of [w - 1, w): measured after its predecessor. */
    @Override public Measurement measureLongWarmup(int w, MetricProbe probe) {
        if (w == 0) return measure(w, probe);
        return difference(launch(w - 1, w + 1, probe), launch(w - 1, w, probe));
    }

    private static Measurement difference(Measurement a, Measurement b) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (var e : a.metrics().entrySet()) m.put(e.getKey(), e.getValue() - b.metrics().getOrDefault(e.getKey(), 0.0));
        return new Measurement(a.cycles() - b.cycles(), m, a.mismatch() != null ? a.mismatch() : b.mismatch());
    }

    @Override public Measurement full(MetricProbe probe) { return launch(0, tiles(), probe); }

    private Measurement launch(int first, int last, MetricProbe probe) {
        probe.begin(machine.simulator());
        SimtKernels.Run<int[][]> run = SimtKernels.gemm(machine, a, b, first, last, maxCycles);
        SimtMachine.Result r = run.counters();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cycles", (double) r.cycles());
        m.put("warp_instrs", (double) r.warpInstrs());
        m.put("thread_instrs", (double) r.threadInstrs());
        m.put("mul_cycles", (double) r.mulCycles());
        m.put("offchip_bytes_read", (double) r.bytesRead());
        m.put("offchip_bytes_written", (double) r.bytesWritten());
        m.put("stall_scoreboard", (double) r.stallScoreboard());
        m.put("stall_memory", (double) r.stallMemory());
        m.put("stall_barrier", (double) r.stallBarrier());
        m.put("stall_divergence", (double) r.stallDivergence());
        m.putAll(probe.end(machine.simulator(), r.cycles()));
        return new Measurement(r.cycles(), m, check(run.output(), first, last));
    }

    /** First wrong output of work-groups [first, last), or null. */
    private String check(int[][] c, int first, int last) {
        int t = SimtKernels.GEMM_TILE;
        for (int w = first; w < last; w++) {
            int i0 = w / tn * t, j0 = w % tn * t;
            for (int i = i0; i < Math.min(a.length, i0 + t); i++)
                for (int j = j0; j < Math.min(b[0].length, j0 + t); j++) {
                    int want = 0;
                    for (int k = 0; k < b.length; k++) want += a[i][k] * b[k][j];
                    if (want != c[i][j]) return "work-group " + w + ": C[" + i + "][" + j + "] expected " + want + ", actual " + c[i][j];
                }
        }
        return null;
    }
}
