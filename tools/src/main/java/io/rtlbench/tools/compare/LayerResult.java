package io.rtlbench.tools.compare;

import io.rtlbench.tools.results.CoreRun;
import io.rtlbench.tools.results.Ratios;

/**
 * One layer of a comparison: its spec and the GEMM it lowers to, its repeat (identical copies run
 * once and counted repeat times), its MACs (repeats included), its compulsory arithmetic intensity
 * (MACs per off-chip byte), both cores' runs (counts times repeat) and the ratios.
 */
public record LayerResult(String name, String spec, String gemm, int repeat, long macs, double arithmeticIntensity, CoreRun systolic,
                          CoreRun simt, Ratios ratios) {}
