package io.rtlbench.testbenches.onnx;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ModelPlan} end to end on both cores, layer by layer: each core's system keeps its
 * own activations (INT8 between layers), every layer's output is compared bit-exactly with the
 * golden model's, and (optionally) each quantized layer with ONNX Runtime on the same inputs; at
 * the end the model outputs against ONNX Runtime on the quantized model and, for an FP32 model,
 * against ONNX Runtime on the FP32 model.
 */
public final class ModelRun {
    private ModelRun() {}

    /**
     * Core sizes, the off-chip model (16-byte bus, 16 B/cycle, 20 cycles latency by default), the
     * emulator build (e.g. toggle counting for energy), a cycle limit per kernel or program, and
     * whether to check layers against ONNX Runtime.
     */
    public record Config(int rows, int cols, boolean outputStationary, int warps, int threads, int offchipBytesPerCycle,
                         BuildOptions build, long maxCycles, boolean checkWithOrt, java.util.Set<ModelPlan.Core> cores) {
        public Config(int rows, int cols, boolean outputStationary, int warps, int threads, int offchipBytesPerCycle, BuildOptions build,
                      long maxCycles, boolean checkWithOrt) {
            this(rows, cols, outputStationary, warps, threads, offchipBytesPerCycle, build, maxCycles, checkWithOrt,
                    java.util.EnumSet.allOf(ModelPlan.Core.class));
        }
        public static Config defaults() { return new Config(16, 16, false, 4, 8, 16, BuildOptions.PLAIN, 2_000_000_000L, true); }
        public Config withCores(int r, int c, int w, int t) { return new Config(r, c, outputStationary, w, t, offchipBytesPerCycle, build, maxCycles, checkWithOrt, cores); }
        public Config withBuild(BuildOptions b) { return new Config(rows, cols, outputStationary, warps, threads, offchipBytesPerCycle, b, maxCycles, checkWithOrt, cores); }
        public Config withOrtChecks(boolean on) { return new Config(rows, cols, outputStationary, warps, threads, offchipBytesPerCycle, build, maxCycles, on, cores); }
        /** Runs the model on one core only (the other core's columns stay empty). */
        public Config only(ModelPlan.Core core) { return new Config(rows, cols, outputStationary, warps, threads, offchipBytesPerCycle, build, maxCycles, checkWithOrt, java.util.EnumSet.of(core)); }
        String systolicLabel() { return rows + "x" + cols + (outputStationary ? ",os" : ",ws"); }
        String simtLabel() { return warps + "x" + threads; }
    }

    /** The caller's per-layer hook on each core (e.g. to count toggles for energy between open and close). */
    public interface LayerWindow {
        void open(Step step, ModelPlan.Core core, Simulator sim);

        void close(Step step, ModelPlan.Core core, Simulator sim, long cycles, long offchipBytes, long macs);

        LayerWindow NONE = new LayerWindow() {
            @Override public void open(Step step, ModelPlan.Core core, Simulator sim) {}
            @Override public void close(Step step, ModelPlan.Core core, Simulator sim, long cycles, long offchipBytes, long macs) {}
        };
    }

    public static ModelReport run(ModelPlan plan, Map<String, Tensor> inputs, Config cfg, LayerWindow window) {
        return run(plan, inputs, cfg, window, line -> {});
    }

    /** As {@link #run(ModelPlan, Map, Config, LayerWindow)}, reporting one progress line per layer. */
    public static ModelReport run(ModelPlan plan, Map<String, Tensor> inputs, Config cfg, LayerWindow window,
                                  java.util.function.Consumer<String> progress) {
        long t0 = System.nanoTime();
        checkInputs(plan, inputs);
        OffChipConfig off = OffChipConfig.defaults().withBandwidth(cfg.offchipBytesPerCycle());
        List<ModelReport.Layer> layers = new ArrayList<>();
        boolean runSys = cfg.cores().contains(ModelPlan.Core.SYSTOLIC), runSimt = cfg.cores().contains(ModelPlan.Core.SIMT);
        Map<String, Tensor> golden = new HashMap<>(inputs);
        Map<String, Tensor> vs = runSys ? new HashMap<>(inputs) : golden, vm = runSimt ? new HashMap<>(inputs) : golden;
        boolean verified = true;
        try (SystolicBackend sys = runSys ? new SystolicBackend(Sizing.systolic(plan, cfg, off), cfg.build()) : null;
             SimtBackend simt = runSimt ? new SimtBackend(Sizing.simt(plan, cfg, off), cfg.build()) : null;
             OrtChecks ort = new OrtChecks()) {
            var gt = new StepExec.Target(null, null, null, window, cfg.maxCycles());
            var st = new StepExec.Target(ModelPlan.Core.SYSTOLIC, sys, null, window, cfg.maxCycles());
            var mt = new StepExec.Target(ModelPlan.Core.SIMT, null, simt, window, cfg.maxCycles());
            for (Step s : plan.steps()) {
                Map<String, Tensor> goldenIn = new HashMap<>(golden);
                StepExec.run(plan, s, golden, gt);
                StepExec.Cost cs = runSys ? StepExec.run(plan, s, vs, st) : null, cm = runSimt ? StepExec.run(plan, s, vm, mt) : null;
                String ds = diff(golden.get(s.output()), vs.get(s.output())), dm = diff(golden.get(s.output()), vm.get(s.output()));
                verified &= ds == null && dm == null;
                ModelReport.OrtCheck oc = cfg.checkWithOrt() && s.kind() != Step.Kind.HOST_FLOAT ? check(plan, s, goldenIn, golden, ort) : null;
                if (oc != null) verified &= !Boolean.FALSE.equals(oc.accumulatorsEqual()) && oc.offMore() == 0;
                layers.add(new ModelReport.Layer(s.index(), s.name(), s.ops(), s.kind(), plan.shape(s), plan.macs(s), plan.elements(s),
                        coreLayer(s, ModelPlan.Core.SYSTOLIC, cs, ds), coreLayer(s, ModelPlan.Core.SIMT, cm, dm), oc, ModelPlan.note(s)));
                progress.accept(String.format("[%d/%d] %s (%s): systolic %,d cycles, simt %,d cycles%s, %.0f s", s.index() + 1, plan.steps().size(),
                        s.name(), s.ops(), cs == null ? 0 : cs.cycles(), cm == null ? 0 : cm.cycles(), ds == null && dm == null ? "" : ", MISMATCH", (System.nanoTime() - t0) / 1e9));
            }
        }
        List<ModelReport.OutputCheck> outs = cfg.checkWithOrt() ? Outputs.quantized(plan, inputs, golden) : List.of();
        List<ModelReport.Fp32Check> fp32 = plan.fp32Model() ? Outputs.fp32(plan, inputs, golden) : List.of();
        return new ModelReport(plan.name(), plan.fp32Model(), layers, totals(plan, layers, ModelPlan.Core.SYSTOLIC, cfg.systolicLabel()),
                totals(plan, layers, ModelPlan.Core.SIMT, cfg.simtLabel()), outs, fp32, verified, (System.nanoTime() - t0) / 1e9);
    }

    /** The plan's layers and placements without running anything (cycles 0, checks null). */
    public static ModelReport inspect(ModelPlan plan, Config cfg) {
        List<ModelReport.Layer> layers = new ArrayList<>();
        for (Step s : plan.steps())
            layers.add(new ModelReport.Layer(s.index(), s.name(), s.ops(), s.kind(), plan.shape(s), plan.macs(s), plan.elements(s),
                    coreLayer(s, ModelPlan.Core.SYSTOLIC, null, null), coreLayer(s, ModelPlan.Core.SIMT, null, null), null, ModelPlan.note(s)));
        return new ModelReport(plan.name(), plan.fp32Model(), layers, totals(plan, layers, ModelPlan.Core.SYSTOLIC, cfg.systolicLabel()),
                totals(plan, layers, ModelPlan.Core.SIMT, cfg.simtLabel()), List.of(), List.of(), true, 0);
    }

    static void checkInputs(ModelPlan plan, Map<String, Tensor> inputs) {
        for (Graph.ValueInfo v : plan.qdq().graph().inputs()) {
            Tensor t = inputs.get(v.name());
            if (t == null) throw new OnnxException("no value given for model input '" + v.name() + "' " + v.shapeString());
            if (!java.util.Arrays.equals(t.shape(), v.shape()) || t.type() != v.type())
                throw new OnnxException("input '" + v.name() + "' must be " + v.type() + v.shapeString() + "; got " + t);
        }
    }

    static ModelReport.CoreLayer coreLayer(Step s, ModelPlan.Core core, StepExec.Cost c, String mismatch) {
        return new ModelReport.CoreLayer(ModelPlan.placement(s, core), ModelPlan.hostRequant(s, core), c == null ? 0 : c.cycles(),
                c == null ? 0 : c.offchipBytes(), c == null ? 0 : c.hostElements(), c == null ? null : mismatch == null, mismatch);
    }

    static ModelReport.OrtCheck check(ModelPlan plan, Step s, Map<String, Tensor> in, Map<String, Tensor> golden, OrtChecks ort) {
        Boolean accOk = null;
        String accMsg = null;
        if (s.kind() == Step.Kind.GEMM) {
            GemmSpec sp = s.gemm();
            for (GemmJobs.Job j : GemmJobs.jobs(sp, in.get(s.inputs().get(0)), sp.dynamicB() ? in.get(s.inputs().get(1)) : null)) {
                accMsg = ort.accumulators(j, sp.x().zero8());
                if (accMsg != null) break;
            }
            accOk = accMsg == null;
        }
        Tensor want = OrtChecks.step(plan.qdq(), s, in);
        double[] c = OrtChecks.compare(want, golden.get(s.output()));
        return new ModelReport.OrtCheck(accOk, accMsg, (long) c[0], (long) c[1], (long) c[2], c[3]);
    }

    /** null when equal, else where they first differ. */
    static String diff(Tensor want, Tensor got) {
        if (got == null) return "no output";
        if (!java.util.Arrays.equals(want.shape(), got.shape())) return "shape " + got.shapeString() + ", expected " + want.shapeString();
        for (int i = 0; i < want.size(); i++)
            if (want.get(i) != got.get(i)) return "element " + i + ": expected " + want.get(i) + ", got " + got.get(i);
        return null;
    }

    static ModelReport.CoreTotals totals(ModelPlan plan, List<ModelReport.Layer> layers, ModelPlan.Core core, String label) {
        long cycles = 0, bytes = 0, macs = 0, native_ = 0, hostEl = 0, hostMacs = 0;
        int ops = 0, opsNative = 0;
        for (int i = 0; i < layers.size(); i++) {
            ModelReport.Layer l = layers.get(i);
            ModelReport.CoreLayer c = core == ModelPlan.Core.SYSTOLIC ? l.systolic() : l.simt();
            int n = plan.steps().get(i).body().size();
            cycles += c.cycles();
            bytes += c.offchipBytes();
            macs += l.macs();
            ops += n;
            boolean onCore = c.placement() != ModelPlan.Placement.HOST;
            if (onCore) { native_ += l.macs(); opsNative += n; } else hostMacs += l.macs();
            hostEl += onCore ? (c.hostRequant() ? l.elements() : 0) : l.elements();
        }
        return new ModelReport.CoreTotals(label, cycles, bytes, native_, macs, opsNative, ops, hostEl, hostMacs);
    }
}
