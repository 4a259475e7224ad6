package io.rtlbench.tools.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small MLP runs end to end on both cores, requantized to INT8 between layers, bit-exact per layer. */
class ModelRunTest {
    @Test @SuppressWarnings("unchecked")
    void smallMlpEndToEndOnBothCores() {
        var mlp = WorkloadLibrary.load("small_mlp", 0.25);
        Map<String, Object> r = ModelRun.run(mlp, new int[] {4, 4}, SystolicConfig.Dataflow.WS, 1, 4, OffChipConfig.defaults(), 3, 20_000_000);
        List<Map<String, Object>> layers = (List<Map<String, Object>>) r.get("layers");
        assertEquals(3, layers.size());
        for (Map<String, Object> l : layers)
            assertTrue(Boolean.TRUE.equals(l.get("systolic_verified")) && Boolean.TRUE.equals(l.get("simt_verified")), l.toString());
        assertEquals(true, r.get("verified"));
        assertTrue((double) r.get("speedup") > 1, "the systolic core is faster: " + r);
    }
}
