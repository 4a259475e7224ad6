package io.rtlbench.testbenches.systolic;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.sampling.TiledLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GEMM on the systolic core as independent output tiles for the {@link io.rtlbench.testbenches.sampling.Sampler}.
 * Tile u is measured in a program of tiles u-4 .. u+1 ({@link SystolicCompiler#compileTiles}: the
 * blocks the earlier tiles left resident are moved in first): from the completion of tile u-1's
 * last COMPUTE to that of tile u (breakpoints, {@link SystolicDriver.Breakpoints}), so its cycles
 * include the stores of tile u-1 and the loads for tile u+1 that overlap it, as in the full run. Tile
 * 0 is measured from reset, the last tile to the end of the run (its final stores). Metrics: every
 * counter of the SoC as a delta over the interval, plus the probe's. Strata: tile shape, and whether
 * the tile starts a new row (or column) of tiles (it then moves in that row's A blocks or column's
 * weights); tiles 0 .. WARMUP (still filling the pipeline: 3136x64x64 with bias, tile 2 takes 763
 * cycles where its later kind takes 748) and tile N-1 alone. Every output of every emulated tile is checked against the golden model.
 */
public final class SystolicTiledLayer implements TiledLayer {
    /**
     * Tiles emulated before the measured one. A DMA-bound layer whose tiles alternate between two kinds
     * (3136x64x64 with bias: a tile that moves in its row's A blocks, then one that does not) measured
     * 786 instead of its 858 cycles in the full run after two warm-up tiles, exactly 858 after four.
     */
    static final int WARMUP = 4;
    /**
     * Most consecutive tiles in one measurement program (the longer warm-up's 2 x WARMUP, the tile, the
     * next): size the emulator with {@code SystolicSizing.sampleRequirements(..., SPAN)}.
     */
    public static final int SPAN = 2 * WARMUP + 2;

    private final SystolicDriver driver;
    private final GemmJob job;
    private final WeightStructure structure;
    private final List<SystolicSizing.OutputTile> tiles;
    private final long maxCycles;

    public SystolicTiledLayer(SystolicDriver driver, GemmJob job, WeightStructure structure, long maxCycles) {
        this.driver = driver;
        this.job = job;
        this.structure = structure;
        this.maxCycles = maxCycles;
        tiles = SystolicSizing.tiles(driver.config(), job.m(), job.k(), job.n(), job.bias() != null, job.requant() != null, structure);
    }

    @Override public int tiles() { return tiles.size(); }

    @Override public double tilesPerMeasurement() { return WARMUP + 2; }

    @Override public String stratum(int t) {
        if (t <= WARMUP) return "start " + t;  // measured from reset, as in the full run: the pipeline is still filling
        if (t == tiles.size() - 1) return "last";
        SystolicSizing.OutputTile x = tiles.get(t), prev = tiles.get(t - 1);
        return x.rows() + "x" + x.cols() + (x.m0() != prev.m0() ? " new-m" : "") + (x.n0() != prev.n0() ? " new-n" : "");
    }

    @Override public Measurement measure(int u, MetricProbe probe) { return measure(u, probe, WARMUP); }

    @Override public Measurement measureLongWarmup(int u, MetricProbe probe) { return measure(u, probe, 2 * WARMUP); }

    private Measurement measure(int u, MetricProbe probe, int warmup) {
        int n = tiles.size();
        if (n == 1) return full(probe);
        int from = Math.max(0, u - warmup), to = Math.min(n, u + 2);
        SystolicProgram p = SystolicCompiler.compileTiles(driver.config(), job, structure, from, to);
        long[] stops = u == 0 ? new long[] {p.tileEnds().get(0)}
                : u == n - 1 ? new long[] {p.tileEnds().get(u - 1 - from)}
                : new long[] {p.tileEnds().get(u - 1 - from), p.tileEnds().get(u - from)};
        Map<String, Long> start = new LinkedHashMap<>(), end = new LinkedHashMap<>();
        Map<String, Double> probed = new LinkedHashMap<>();
        boolean fromReset = u == 0, toDone = u == n - 1;
        if (fromReset) probe.begin(driver.simulator());
        SystolicDriver.Result r = driver.run(p, maxCycles, new SystolicDriver.Breakpoints() {
            @Override public long[] computes() { return stops; }
            @Override public void reached(int i, long cycles, Simulator sim) {
                if (i == 0 && !fromReset) {
                    start.putAll(driver.counters());
                    probe.begin(sim);
                } else if (!toDone) {
                    end.putAll(driver.counters());
                    probed.putAll(probe.end(sim, end.get("total_cycles") - start.getOrDefault("total_cycles", 0L)));
                }
            }
        });
        if (toDone) {
            end.putAll(r.counters());
            probed.putAll(probe.end(driver.simulator(), end.get("total_cycles") - start.get("total_cycles")));
        }
        return measurement(start, end, probed, check(p, r.c()));
    }

    @Override public Measurement full(MetricProbe probe) {
        SystolicProgram p = SystolicCompiler.compile(driver.config(), job, structure);
        probe.begin(driver.simulator());
        SystolicDriver.Result r = driver.run(p, maxCycles);
        Map<String, Double> probed = probe.end(driver.simulator(), r.get("total_cycles"));
        return measurement(Map.of(), r.counters(), probed, check(p, r.c()));
    }

    /**
     * The full run's own per-tile cycles, from breakpoints at every tile's end (element u: tile u's
     * share as {@link #measure} defines it; the last element includes the final stores): the ground
     * truth a sampled measurement of tile u estimates.
     */
    public long[] exactTileCycles() {
        SystolicProgram p = SystolicCompiler.compile(driver.config(), job, structure);
        long[] at = p.tileEnds().stream().mapToLong(Integer::longValue).toArray(), out = new long[at.length];
        long[] last = {0};
        SystolicDriver.Result r = driver.run(p, maxCycles, new SystolicDriver.Breakpoints() {
            @Override public long[] computes() { return at; }
            @Override public void reached(int i, long cycles, Simulator sim) {
                long now = driver.counters().get("total_cycles");
                out[i] = now - last[0];
                last[0] = now;
            }
        });
        out[at.length - 1] += r.get("total_cycles") - last[0];
        return out;
    }

    private static Measurement measurement(Map<String, Long> start, Map<String, Long> end, Map<String, Double> probed, String mismatch) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (var e : end.entrySet()) m.put(e.getKey(), (double) (e.getValue() - start.getOrDefault(e.getKey(), 0L)));
        m.putAll(probed);
        return new Measurement(end.get("total_cycles") - start.getOrDefault("total_cycles", 0L), m, mismatch);
    }

    /** First wrong output among the tiles the program computed, or null. */
    private String check(SystolicProgram p, int[][] c) {
        for (SystolicProgram.OutTile o : p.outTiles()) {
            int[][] want = GemmGolden.block(job, o.m0(), o.rows(), o.n0(), o.cols());
            for (int i = 0; i < o.rows(); i++)
                for (int j = 0; j < o.cols(); j++)
                    if (want[i][j] != c[o.m0() + i][o.n0() + j])
                        return "tile " + o.tile() + ": C[" + (o.m0() + i) + "][" + (o.n0() + j) + "] expected " + want[i][j] + ", actual "
                                + c[o.m0() + i][o.n0() + j];
        }
        return null;
    }
}
