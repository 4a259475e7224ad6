package io.rtlbench.testbenches.onnx;

import java.util.List;

/**
 * The typed results of {@link ModelRun} (and, without cycles and checks, of an inspection): per
 * layer where it ran on each core, its shape, MACs, cycles, verification against the golden model
 * and ONNX Runtime; per core the totals and the flexibility figures; the model's output against
 * ONNX Runtime (and, for an FP32 model, the quantization error against the FP32 output).
 */
public record ModelReport(String model, boolean fp32Model, List<Layer> layers, CoreTotals systolic, CoreTotals simt,
                          List<OutputCheck> outputs, List<Fp32Check> fp32, boolean verified, double wallSeconds) {

    /** One layer (step). */
    public record Layer(int index, String name, String ops, Step.Kind kind, String shape, long macs, long elements,
                        CoreLayer systolic, CoreLayer simt, OrtCheck ort, String note) {}

    /**
     * One core's part of a layer. placement: where the step ran on this core's system;
     * hostRequant: the core computed the accumulators but the host requantized them;
     * hostElements: output elements the host produced or requantized; verified: bit-exact against
     * the golden model (null: not run).
     */
    public record CoreLayer(ModelPlan.Placement placement, boolean hostRequant, long cycles, long offchipBytes, long hostElements,
                            Boolean verified, String mismatch) {}

    /**
     * ONNX Runtime on the same layer and inputs: accumulatorsEqual compares the INT32 accumulators
     * (MatMulInteger on the same INT8 matrices) with the golden ones (null: not a GEMM); off1 and
     * offMore count INT8 outputs differing by exactly 1 and by more than 1 from ONNX Runtime's.
     */
    public record OrtCheck(Boolean accumulatorsEqual, String accumulatorMismatch, long elements, long off1, long offMore, double maxAbsDiff) {}

    /**
     * Totals and flexibility of one core: MACs and ONNX compute operators it ran natively vs all
     * of the model's, and the host work left over (output elements the host produced or
     * requantized, MACs the host computed).
     */
    public record CoreTotals(String config, long cycles, long offchipBytes, long macsNative, long macsTotal, int opsNative, int opsTotal,
                             long hostElements, long hostMacs) {
        public double macFraction() { return macsTotal == 0 ? 0 : (double) macsNative / macsTotal; }
        public double opFraction() { return opsTotal == 0 ? 0 : (double) opsNative / opsTotal; }
    }

    /**
     * A graph output against ONNX Runtime running the whole quantized model on the same input (INT8
     * outputs compared in LSB). Informational: 1-LSB differences of earlier layers propagate, so a deep
     * model's output may differ by more; the per-layer checks are the criterion.
     */
    public record OutputCheck(String output, long elements, long off1, long offMore, double maxAbsDiff) {}

    /** An FP32 model's output: the cores' (dequantized) result against ONNX Runtime's FP32 result. */
    public record Fp32Check(String output, double maxAbsError, double relRmsError, Boolean argmaxEqual) {}

    /** The per-layer table as text (placement per core, shape, MACs, and after a run: cycles and checks), then the totals. */
    public String table() {
        boolean ran = layers.stream().anyMatch(l -> l.systolic().verified() != null);
        StringBuilder b = new StringBuilder(ran
                ? String.format("%-3s %-30s %-22s %-28s %11s %-11s %11s %-6s %12s %s%n", "#", "layer", "ops", "shape", "MACs", "systolic", "cycles", "simt", "cycles", "checks")
                : String.format("%-3s %-30s %-22s %-28s %11s %-11s %-6s %s%n", "#", "layer", "ops", "shape", "MACs", "systolic", "simt", "why"));
        for (Layer l : layers) {
            String sys = place(l.systolic()), simt = place(l.simt());
            if (!ran) {
                b.append(String.format("%-3d %-30s %-22s %-28s %,11d %-11s %-6s %s%n", l.index(), cut(l.name(), 30), cut(l.ops(), 22), cut(l.shape(), 28),
                        l.macs(), sys, simt, l.note()));
                continue;
            }
            String checks = l.ort() == null ? "" : (l.ort().accumulatorsEqual() == null ? "" : l.ort().accumulatorsEqual() ? "acc= " : "acc!= ")
                    + (l.ort().elements() > 0 ? "ort " + l.ort().off1() + "x1LSB" + (l.ort().offMore() > 0 ? " " + l.ort().offMore() + "x>1LSB" : "") : "");
            if (Boolean.FALSE.equals(l.systolic().verified()) || Boolean.FALSE.equals(l.simt().verified())) checks += " MISMATCH";
            b.append(String.format("%-3d %-30s %-22s %-28s %,11d %-11s %,11d %-6s %,12d %s%n", l.index(), cut(l.name(), 30), cut(l.ops(), 22),
                    cut(l.shape(), 28), l.macs(), sys, l.systolic().cycles(), simt, l.simt().cycles(), checks.trim()));
        }
        for (CoreTotals t : List.of(systolic, simt))
            b.append(String.format("%-9s %s: %snative %.1f%% of MACs (%,d of %,d), %d of %d operators (%.1f%%); host work %,d elements, %,d MACs%n",
                    t == systolic ? "systolic" : "simt", t.config(), ran ? String.format("%,d cycles, %,d off-chip bytes; ", t.cycles(), t.offchipBytes()) : "",
                    100 * t.macFraction(), t.macsNative(), t.macsTotal(), t.opsNative(), t.opsTotal(), 100 * t.opFraction(), t.hostElements(), t.hostMacs()));
        if (ran && systolic.cycles() > 0)
            b.append(String.format("speed-up of the systolic core: %.1fx (cycles on the cores; host work not timed)%n", (double) simt.cycles() / systolic.cycles()));
        for (OutputCheck o : outputs)
            b.append(String.format("output %s vs ONNX Runtime on the whole quantized model: %,d elements, %d off by 1 LSB, %d by more (max %s)%n",
                    o.output(), o.elements(), o.off1(), o.offMore(), o.maxAbsDiff()));
        for (Fp32Check f : fp32)
            b.append(String.format("output %s vs the FP32 model: max |error| %.4g, relative RMS error %.2f%%%s%n", f.output(), f.maxAbsError(),
                    100 * f.relRmsError(), f.argmaxEqual() == null ? "" : f.argmaxEqual() ? ", same arg-max" : ", DIFFERENT arg-max"));
        if (ran) b.append(String.format("verified: %s; wall time %.1f s%n", verified ? "yes" : "NO", wallSeconds));
        return b.toString();
    }

    static String place(CoreLayer c) {
        return c.placement().name().toLowerCase(java.util.Locale.ROOT) + (c.hostRequant() ? "+hq" : "");
    }

    static String cut(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "~"; }
}
