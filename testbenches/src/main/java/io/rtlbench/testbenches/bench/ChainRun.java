package io.rtlbench.testbenches.bench;

import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Requant;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A chained workload (e.g. {@code small_mlp}) end to end on both cores: layer i's INT8 output,
 * requantized on the core (systolic: fused into move-out; SIMT: the requant kernel after the GEMM
 * kernel), is layer i+1's input A. Every layer's output is checked against the golden model; each
 * core's cycles are reported per layer and in total. Requantization: scale 1,
 * shift = round(log2(sqrt(K))) + 7, ReLU on hidden layers.
 */
public final class ChainRun {
    private ChainRun() {}

    /** One layer on both cores; a mismatch is null when that core verified. */
    public record LayerOutcome(String name, long systolicCycles, long simtCycles, String systolicMismatch, String simtMismatch) {
        public boolean verified() { return systolicMismatch == null && simtMismatch == null; }
    }

    public record Result(String model, List<LayerOutcome> layers) {
        public boolean verified() { return layers.stream().allMatch(LayerOutcome::verified); }
        public long systolicCycles() { return layers.stream().mapToLong(LayerOutcome::systolicCycles).sum(); }
        public long simtCycles() { return layers.stream().mapToLong(LayerOutcome::simtCycles).sum(); }
        public double speedup() { return (double) simtCycles() / systolicCycles(); }
    }

    public static Result run(Workload w, SystolicSpec sys, SimtSpec simt, BenchSetup setup, long seed, long maxCycles) {
        if (!w.chained()) throw new IllegalArgumentException("workload " + w.name() + " is not a chained model");
        Random rnd = new Random(seed);
        Layer.Gemm first = (Layer.Gemm) w.layers().get(0).shape();
        byte[][] x = DataPattern.RANDOM.matrix(rnd, first.m(), first.k());
        List<byte[][]> weights = new ArrayList<>();
        List<Requant> requants = new ArrayList<>();
        List<GemmJob> shapes = new ArrayList<>();
        for (int i = 0; i < w.layers().size(); i++) {
            Layer.Gemm g = (Layer.Gemm) w.layers().get(i).shape();
            weights.add(DataPattern.RANDOM.matrix(rnd, g.k(), g.n()));
            int shift = (int) Math.round(Math.log(Math.sqrt(g.k())) / Math.log(2)) + 7;
            requants.add(new Requant(1, shift, i < w.layers().size() - 1));
            shapes.add(new GemmJob(new byte[g.m()][g.k()], weights.get(i), null, requants.get(i)));
        }
        List<LayerOutcome> out = new ArrayList<>();
        try (CoreBench s = CoreBench.open(sys, setup, shapes); CoreBench g = CoreBench.open(simt, setup, shapes)) {
            byte[][] sysIn = x, gpuIn = x;
            for (int i = 0; i < weights.size(); i++) {
                GemmRun a = s.run(new GemmJob(sysIn, weights.get(i), null, requants.get(i)), maxCycles);
                GemmRun b = g.run(new GemmJob(gpuIn, weights.get(i), null, requants.get(i)), maxCycles);
                out.add(new LayerOutcome(w.layers().get(i).name(), a.totalCycles(), b.totalCycles(), a.firstMismatch(), b.firstMismatch()));
                sysIn = toBytes(a.output());
                gpuIn = toBytes(b.output());
            }
        }
        return new Result(w.name(), out);
    }

    private static byte[][] toBytes(int[][] m) {
        byte[][] b = new byte[m.length][];
        for (int i = 0; i < m.length; i++) {
            b[i] = new byte[m[i].length];
            for (int j = 0; j < m[i].length; j++) b[i][j] = (byte) m[i][j];
        }
        return b;
    }
}
