package io.rtlbench.tools.compare;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Requant;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A chained workload (e.g. {@code small_mlp}) end to end on both cores: layer i's INT8 output,
 * requantized on the core (systolic: fused into move-out; SIMT: the requant kernel after the GEMM
 * kernel), is layer i+1's input. Every layer's output is checked against the golden model
 * ({@link GemmGolden#layer}); the report gives each core's cycles per layer and in total.
 * Requantization: scale 1, shift = round(log2(sqrt(K))) + 7, ReLU on hidden layers.
 */
public final class ModelRun {
    private ModelRun() {}

    public static Map<String, Object> run(Workload w, int[] rowsCols, SystolicConfig.Dataflow df, int warps, int threads,
                                          OffChipConfig off, long seed, long maxCycles) {
        if (!w.chained()) throw new IllegalArgumentException("workload " + w.name() + " is not a chained model");
        Random rnd = new Random(seed);
        Layer.Gemm first = (Layer.Gemm) w.layers().get(0).shape();
        byte[][] x = DataPattern.RANDOM.matrix(rnd, first.m(), first.k());
        List<byte[][]> weights = new ArrayList<>();
        List<Requant> requants = new ArrayList<>();
        for (int i = 0; i < w.layers().size(); i++) {
            Layer.Gemm g = (Layer.Gemm) w.layers().get(i).shape();
            weights.add(DataPattern.RANDOM.matrix(rnd, g.k(), g.n()));
            int shift = (int) Math.round(Math.log(Math.sqrt(g.k())) / Math.log(2)) + 7;
            requants.add(new Requant(1, shift, i < w.layers().size() - 1));
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        long sysTotal = 0, simtTotal = 0;
        boolean verified = true;
        SystolicConfig scfg = SystolicConfig.of(rowsCols[0], rowsCols[1], df).withOffChip(off);
        try (SystolicDriver sys = new SystolicDriver(scfg); SimtMachine gpu = new SimtMachine(SimtConfig.of(warps, threads).withOffchip(off))) {
            byte[][] sysIn = x, gpuIn = x;
            for (int i = 0; i < weights.size(); i++) {
                Requant rq = requants.get(i);
                int[][] golden = GemmGolden.layer(sysIn, weights.get(i), null, rq);
                SystolicDriver.Result s = sys.run(new GemmJob(sysIn, weights.get(i), null, rq), maxCycles);
                var mm = SimtKernels.gemm(gpu, gpuIn, weights.get(i), maxCycles);
                int[] flat = java.util.Arrays.stream(mm.output()).flatMapToInt(java.util.Arrays::stream).toArray();
                var q = SimtKernels.requant(gpu, flat, rq.scale(), rq.shift(), rq.relu(), maxCycles);
                int n = weights.get(i).length == 0 ? 0 : weights.get(i)[0].length;
                int[][] gpuOut = new int[flat.length / n][n];
                for (int k = 0; k < flat.length; k++) gpuOut[k / n][k % n] = q.output()[k];
                String sysMismatch = GemmGolden.firstMismatch(golden, s.c()), gpuMismatch = GemmGolden.firstMismatch(golden, gpuOut);
                verified &= sysMismatch == null && gpuMismatch == null;
                long sc = s.get("total_cycles"), gc = mm.counters().cycles() + q.counters().cycles();
                sysTotal += sc;
                simtTotal += gc;
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("name", w.layers().get(i).name());
                l.put("systolic_cycles", sc);
                l.put("simt_cycles", gc);
                l.put("systolic_verified", sysMismatch == null);
                l.put("simt_verified", gpuMismatch == null);
                if (sysMismatch != null) l.put("systolic_first_mismatch", sysMismatch);
                if (gpuMismatch != null) l.put("simt_first_mismatch", gpuMismatch);
                layers.add(l);
                sysIn = toBytes(s.c());
                gpuIn = toBytes(gpuOut);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", w.name());
        out.put("verified", verified);
        out.put("layers", layers);
        out.put("systolic_cycles", sysTotal);
        out.put("simt_cycles", simtTotal);
        out.put("speedup", (double) simtTotal / sysTotal);
        return out;
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
