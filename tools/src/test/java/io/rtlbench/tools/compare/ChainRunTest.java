package io.rtlbench.tools.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.ChainRun;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import org.junit.jupiter.api.Test;

/** The small MLP runs end to end on both cores, requantized to INT8 between layers, bit-exact per layer. */
class ChainRunTest {
    @Test void smallMlpEndToEndOnBothCores() {
        var mlp = WorkloadLibrary.load("small_mlp", 0.25);
        ChainRun.Result r = ChainRun.run(mlp, new SystolicSpec(4, 4, SystolicSpec.Dataflow.WS), new SimtSpec(1, 4), BenchSetup.defaults(), 3,
                20_000_000);
        assertEquals(3, r.layers().size());
        for (ChainRun.LayerOutcome l : r.layers()) assertTrue(l.verified(), l.toString());
        assertTrue(r.verified());
        assertTrue(r.speedup() > 1, "the systolic core is faster: " + r);
    }
}
