package io.rtlbench.rtl.simt;

import circt.stage.ChiselStage$;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIMT SoC elaborates without a single Chisel warning (they are turned into errors here), 1 warp and 1 thread included. */
class SimtElaborationTest {
    @ParameterizedTest(name = "{0}x{1} elaborates without warnings")
    @CsvSource({"1, 8", "1, 1", "4, 8"})
    void noWarnings(int warps, int threads) {
        ChiselStage$.MODULE$.emitCHIRRTL(() -> new SimtSoc(SimtConfig.of(warps, threads)), new String[] {"--warnings-as-errors"});
    }
}
