package io.rtlbench.tools.model;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.ModelReport;
import io.rtlbench.testbenches.onnx.ModelRun;
import io.rtlbench.testbenches.onnx.Tensor;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.Energy;
import io.rtlbench.tools.results.Ratios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code compare --model}: an imported ONNX model end to end on both cores with toggle counting,
 * each layer verified (golden model, ONNX Runtime), energy per layer and core, and the result as a
 * {@link ModelResult} (JSON, text table, HTML).
 */
public final class ModelComparison {
    private ModelComparison() {}

    /**
     * Both cores ({@code only} null), or one ({@code run --model}: the other core's fields are left out);
     * with energy per layer when {@code tech} is given (a toggle-counting build), else cycles only.
     */
    public static ModelResult run(Path file, ModelPlan plan, Map<String, Tensor> inputs, String inputLabel, SystolicSpec sys, SimtSpec simt,
                                  int bandwidth, TechTable tech, long seed, long maxCycles, ModelPlan.Core only, Consumer<String> progress) {
        try (var prefetch = GateCounts.prefetchWithBuilds()) {  // with energy, Yosys alongside the emulator builds and runs
            return runModel(file, plan, inputs, inputLabel, sys, simt, bandwidth, tech, seed, maxCycles, only, progress);
        }
    }

    private static ModelResult runModel(Path file, ModelPlan plan, Map<String, Tensor> inputs, String inputLabel, SystolicSpec sys,
                                        SimtSpec simt, int bandwidth, TechTable tech, long seed, long maxCycles, ModelPlan.Core only,
                                        Consumer<String> progress) {
        ModelRun.Config cfg = new ModelRun.Config(sys.rows(), sys.cols(), sys.dataflow() == SystolicSpec.Dataflow.OS, simt.warps(),
                simt.threads(), bandwidth, new BuildOptions(false, tech != null), maxCycles, true);
        if (only != null) cfg = cfg.only(only);
        boolean withSys = only != ModelPlan.Core.SIMT, withSimt = only != ModelPlan.Core.SYSTOLIC;
        ModelEnergy energy = new ModelEnergy(tech);
        ModelReport r = ModelRun.run(plan, inputs, cfg, tech != null ? energy : ModelRun.LayerWindow.NONE, progress);
        List<ModelResult.Layer> layers = new ArrayList<>();
        for (ModelReport.Layer l : r.layers())
            layers.add(new ModelResult.Layer(l.index(), l.name(), l.ops(), l.kind().name().toLowerCase(), l.shape(), l.macs(), l.note(),
                    withSys ? core(l.systolic(), energy.of(l.index(), ModelPlan.Core.SYSTOLIC), l.macs()) : null,
                    withSimt ? core(l.simt(), energy.of(l.index(), ModelPlan.Core.SIMT), l.macs()) : null, l.ort()));
        ModelResult.Totals st = withSys ? totals(r.systolic(), layers, true, sys) : null, gt = withSimt ? totals(r.simt(), layers, false, simt) : null;
        String quant = plan.fp32Model() ? "post-training (per-channel or per-tensor INT8 weights, calibrated activations)" : "as given";
        return new ModelResult(r.model(), file.toString(), r.fp32Model(), r.verified(), new ModelResult.Config(withSys ? sys.label() : null,
                withSimt ? simt.label() : null, bandwidth, tech == null ? null : tech.name(), tech == null ? 0 : tech.clockGhz(), inputLabel, seed, quant),
                layers, st, gt,
                st == null || gt == null ? null : Ratios.of(st.cycles(), gt.cycles(), st.energyPj(), gt.energyPj(), st.pjPerMac(), gt.pjPerMac()),
                r.outputs(), r.fp32(), r.wallSeconds());
    }

    static ModelResult.CoreLayer core(ModelReport.CoreLayer c, Energy e, long macs) {
        return new ModelResult.CoreLayer(c.placement().name().toLowerCase(), c.hostRequant(), c.cycles(), c.offchipBytes(), c.hostElements(),
                c.verified(), c.mismatch(), e == null ? null : e.energyPj(), e == null || macs == 0 ? null : e.energyPj() / macs,
                e == null ? null : e.breakdown());
    }

    static ModelResult.Totals totals(ModelReport.CoreTotals t, List<ModelResult.Layer> layers, boolean systolic, CoreSpec spec) {
        double energy = 0;
        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (Category c : Category.values()) breakdown.put(c.key(), 0.0);
        for (ModelResult.Layer l : layers) {
            ModelResult.CoreLayer c = systolic ? l.systolic() : l.simt();
            if (c.energyPj() == null) continue;
            energy += c.energyPj();
            c.breakdown().forEach((k, v) -> breakdown.merge(k, v, Double::sum));
        }
        if (layers.stream().allMatch(l -> (systolic ? l.systolic() : l.simt()).energyPj() == null)) energy = Double.NaN;
        return new ModelResult.Totals(t.config(), t.cycles(), t.offchipBytes(), energy, energy, t.macsNative() == 0 ? Double.NaN : energy / t.macsNative(),
                t.cycles() == 0 ? 0 : t.macsNative() / (spec.peakMacsPerCycle() * t.cycles()), t.macFraction(), t.opFraction(), t.macsNative(),
                t.macsTotal(), t.opsNative(), t.opsTotal(), t.hostElements(), t.hostMacs(), breakdown);
    }

    /** The per-layer table with energy, then the totals and flexibility figures. */
    public static String table(ModelResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n%-3s %-28s %-20s %11s %-8s %12s %12s %-8s %13s %12s%n", "#", "layer", "ops", "MACs", "systolic", "cycles", "pJ",
                "simt", "cycles", "pJ"));
        for (ModelResult.Layer l : r.layers())
            b.append(String.format("%-3d %-28s %-20s %,11d %s %s%s%n", l.index(), cut(l.name(), 28), cut(l.ops(), 20), l.macs(), cells(l.systolic(), 12),
                    cells(l.simt(), 13), bad(l.systolic()) || bad(l.simt()) ? " MISMATCH" : ""));
        for (ModelResult.Totals t : java.util.Arrays.asList(r.systolic(), r.simt()))
            if (t != null)
                b.append(String.format("%-9s %-9s %,13d cycles, %,.0f pJ per inference (%.3f pJ/MAC), utilization %.1f%%; native: %.1f%% of MACs, %d of %d"
                                + " operators; host work %,d elements%n", t == r.systolic() ? "systolic" : "simt", t.config(), t.cycles(), t.pjPerInference(),
                        t.pjPerMac(), 100 * t.utilization(), 100 * t.macFraction(), t.opsNative(), t.opsTotal(), t.hostElements()));
        if (r.ratios() != null)
            b.append(String.format("systolic core: %.1fx faster, %.1fx less energy per inference (cores only; host work not timed or charged)%n",
                    r.ratios().speedup(), r.ratios().energyRatio()));
        for (ModelReport.Fp32Check f : r.fp32())
            b.append(String.format("FP32 model output %s: quantization error %.2f%% relative RMS%s%n", f.output(), 100 * f.relRmsError(),
                    f.argmaxEqual() == null ? "" : f.argmaxEqual() ? ", same arg-max" : ", different arg-max"));
        return b.toString();
    }

    private static String cells(ModelResult.CoreLayer c, int width) {
        if (c == null) return String.format("%-8s %" + width + "s %12s", "-", "-", "-");
        return String.format("%-8s %," + width + "d %12s", c.placement() + (c.hostRequant() ? "+hq" : ""), c.cycles(), pj(c.energyPj()));
    }

    private static boolean bad(ModelResult.CoreLayer c) { return c != null && Boolean.FALSE.equals(c.verified()); }
    private static String pj(Double v) { return v == null ? "-" : String.format("%,.0f", v); }
    private static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "~"; }
}
