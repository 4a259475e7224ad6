package io.rtlbench.tools.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counters (exact) and energy (in total and per category, each within its tolerance) of the fixed regression set against the committed
 * baselines in regression/baselines.json. When a change moves them on purpose, run
 * {@code ./rtlbench regress --update} and say why in the commit.
 */
class RegressionTest {
    static final Path BASELINES = Path.of("..", "regression", "baselines.json");

    @Test void cyclesAndEnergyMatchTheCommittedBaselines() throws Exception {
        assertTrue(Files.exists(BASELINES), "missing " + BASELINES.toAbsolutePath());
        List<String> diffs = RegressionSuite.compare(RegressCommand.read(BASELINES), RegressionSuite.run());
        assertEquals(List.of(), diffs, "regressions (update with ./rtlbench regress --update if intended):\n" + String.join("\n", diffs));
    }

    @Test void comparisonNamesWorkloadMetricOldAndNew() {
        var bd = Map.of("compute", 100.0, "control", 200.0);
        var base = Map.of("w", new RegressionSuite.Metrics(100L, 50L, 10L, 8L, 1000.0, 125.0, Map.of("stall_buffer_cycles", 3L), bd));
        var now = Map.of("w", new RegressionSuite.Metrics(101L, 50L, 10L, 8L, 1001.0, 140.0, Map.of("stall_buffer_cycles", 0L),
                Map.of("compute", 100.01, "control", 200.5)));
        List<String> d = RegressionSuite.compare(base, now);
        assertEquals(4, d.size(), d.toString());
        assertEquals("w: total_cycles changed from 100 to 101 (exact metric)", d.get(0));
        assertEquals("w: counters.stall_buffer_cycles changed from 3 to 0 (exact metric)", d.get(1));
        assertTrue(d.get(2).startsWith("w: pj_per_mac changed from 125.0000 to 140.0000"), d.get(2));
        assertTrue(d.get(3).startsWith("w: breakdown.compute changed from 100.0000 to 100.0100"), "1e-6 on an activity-only category: " + d.get(3));
    }
}
