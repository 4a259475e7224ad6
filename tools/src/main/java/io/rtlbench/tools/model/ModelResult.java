package io.rtlbench.tools.model;

import io.rtlbench.testbenches.onnx.ModelReport;
import io.rtlbench.tools.results.Ratios;
import java.util.List;
import java.util.Map;

/**
 * A model compared on both cores ({@code compare --model}), as JSON: per layer where it ran on each
 * core, its cycles, off-chip bytes, energy and checks; per core the totals, pJ per inference (the
 * cores' work; host work is counted in elements, not charged) and the flexibility figures (the
 * fraction of the model's MACs and operators the core ran natively); the ratios (SIMT over systolic).
 */
public record ModelResult(String model, String file, boolean fp32Model, boolean verified, Config config, List<Layer> layers,
                          Totals systolic, Totals simt, Ratios ratios, List<ModelReport.OutputCheck> outputs,
                          List<ModelReport.Fp32Check> fp32, double wallSeconds) {
    /** Settings: core specs, off-chip bandwidth (bytes/cycle), technology table and clock (GHz), input, seed. */
    public record Config(String systolic, String simt, int offchipBw, String tech, double clockGhz, String input, long seed,
                         String quantization) {}

    public record Layer(int index, String name, String ops, String kind, String shape, long macs, String note, CoreLayer systolic,
                        CoreLayer simt, ModelReport.OrtCheck ort) {}

    /** One core's part of a layer: placement (systolic, simt or host), cycles, energy (pJ) and its breakdown. */
    public record CoreLayer(String placement, boolean hostRequant, long cycles, long offchipBytes, long hostElements, Boolean verified,
                            String mismatch, Double energyPj, Double pjPerMac, Map<String, Double> breakdown) {}

    /**
     * One core's whole model. pjPerInference: all the core's energy for one inference;
     * macFraction/opFraction: the share of the model's MACs and operators the core ran natively.
     */
    public record Totals(String config, long cycles, long offchipBytes, double energyPj, double pjPerInference, double pjPerMac,
                         double utilization, double macFraction, double opFraction, long macsNative, long macsTotal, int opsNative,
                         int opsTotal, long hostElements, long hostMacs, Map<String, Double> breakdown) {}
}
