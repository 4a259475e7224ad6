package io.rtlbench.testbenches.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerSpec;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Core specs and layer specs: parsed once, canonical labels, every error names its option and field. */
class CoreSpecTest {
    @Test void systolicSpecs() {
        assertEquals(new SystolicSpec(16, 16, SystolicSpec.Dataflow.WS), SystolicSpec.parse("16x16", "--systolic"));
        assertEquals("8x4,os", SystolicSpec.parse(" 8X4,OS ", "--systolic").label());
        assertEquals(256.0, SystolicSpec.parse("16x16,ws", "--systolic").peakMacsPerCycle());
        assertEquals("systolic", CoreSpec.parse("systolic", "4x4,ws", "x").core());
        assertMessage(() -> SystolicSpec.parse("16x", "--systolic"), "--systolic takes RxC");
        assertMessage(() -> SystolicSpec.parse("1x16", "--systolic"), "--systolic: rows must be 2..64, got 1");
        assertMessage(() -> SystolicSpec.parse("16x16,xs", "--systolic"), "dataflow must be ws or os, got 'xs'");
        assertMessage(() -> SystolicSpec.parse("16x16,ws,1", "--systolic"), "--systolic takes RxC");
        assertMessage(() -> SystolicSpec.parse("", "--systolic"), "empty value");
        assertMessage(() -> SystolicSpec.of(1, 4, "ws"), "--rows must be 2..64");
        assertMessage(() -> SystolicSpec.of(4, 4, "xy"), "--dataflow: dataflow must be ws or os");
    }

    @Test void simtSpecsParseTheSameInEveryLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));  // 'I'.toLowerCase() is not 'i' here
            assertEquals(new SimtSpec(4, 8), SimtSpec.parse("4X8", "--simt"));
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals("4x8", SimtSpec.parse("4x8", "--simt").label());
        assertEquals(8.0, SimtSpec.parse("4x8", "--simt").peakMacsPerCycle());
        assertMessage(() -> SimtSpec.parse("0x8", "--simt"), "--simt: warps must be 1..32, got 0");
        assertMessage(() -> SimtSpec.parse("4xq", "--simt"), "threads 'q' is not a number");
        assertMessage(() -> CoreSpec.parse("tpu", "4x4", "x"), "unknown core 'tpu'");
    }

    @Test void layerSpecsAreBoundedAndNameTheField() {
        Layer g = LayerSpec.parse("gemm:2916,576,64");
        assertEquals(new Layer.Gemm(2916, 576, 64), g.shape());
        assertMessage(() -> LayerSpec.parse("gemm:99999999999,4,4"), "M = 99999999999 is out of range 1..1048576");
        assertMessage(() -> LayerSpec.parse("gemm:4,4"), "must be gemm:M,K,N (3 numbers, got 2)");
        assertMessage(() -> LayerSpec.parse("conv:4,4,1024,1024,100,1,50"), "too large");
        assertMessage(() -> LayerSpec.parse("conv:4,4,1,1,3,0,1"), "STRIDE = 0 is out of range");
        assertMessage(() -> LayerSpec.parse("conv:4,4,1,1,3,1,-1"), "PAD = -1 is out of range 0..");
        assertMessage(() -> LayerSpec.parse("gemm:65536,65536,65536"), "too large");
        assertTrue(LayerSpec.isSpec("conv:1,1,1,1,1,1,0") && !LayerSpec.isSpec("resnet50"));
    }

    @Test void offChipSettingsAreChecked() {
        assertMessage(() -> BenchSetup.checkBandwidth(0, "--offchip-bw"), "--offchip-bw must be 1..16");
        assertMessage(() -> BenchSetup.checkBandwidth(64, "--offchip-bw"), "--offchip-bw must be 1..16");
        assertMessage(() -> new BenchSetup(0, null), "--offchip-latency must be 1..4096");
        assertMessage(() -> CoreBench.checkMaxCycles(0), "--max-cycles must be >= 1");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String piece) {
        var x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(piece), "'" + piece + "' not in: " + x.getMessage());
    }
}
