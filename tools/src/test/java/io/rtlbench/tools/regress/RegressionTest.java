package io.rtlbench.tools.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cycle counts (exact) and energy (1%) of the fixed regression set against the committed
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
        Map<String, Object> base = Map.of("w", Map.of("total_cycles", 100, "compute_cycles", 50, "offchip_bytes", 10, "macs", 8,
                "energy_pj", 1000.0, "pj_per_mac", 125.0));
        Map<String, Map<String, Object>> now = Map.of("w", Map.of("total_cycles", 101, "compute_cycles", 50, "offchip_bytes", 10,
                "macs", 8, "energy_pj", 1005.0, "pj_per_mac", 140.0));
        List<String> d = RegressionSuite.compare(base, now);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).equals("w: total_cycles changed from 100 to 101 (exact metric)"), d.get(0));
        assertTrue(d.get(1).startsWith("w: pj_per_mac changed from 125.0000 to 140.0000"), d.get(1));
    }
}
