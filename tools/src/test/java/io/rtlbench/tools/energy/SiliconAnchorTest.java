package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The anchors load with their conditions and sources, and the comparison divides the right pairs. */
class SiliconAnchorTest {
    @Test void anchorsAreDataWithConditionsAndSources() {
        var all = SiliconAnchor.all();
        assertEquals(1.55, all.get("h200_int8_tensor_pj_per_mac").value());
        assertEquals(30, all.get("tpu_v1_over_k80_tops_per_w").value(), "a range keeps its low end");
        assertEquals("30-80", all.get("tpu_v1_over_k80_tops_per_w").valueText());
        assertEquals(13.8 / 1.55, all.get("h200_simt_over_tensor").value(), 0.01);
        assertEquals(1979.0 / 700, all.get("h100_int8_tops_per_w").value(), 0.01);
        for (SiliconAnchor a : all.values())
            assertTrue(!a.conditions().isBlank() && !a.source().isBlank() && !a.checked().isBlank(), a.id());
    }

    @Test void rowsPairEmulatedFiguresWithTheirAnchors() {
        List<SiliconComparison.Row> rows = SiliconComparison.rows(new SiliconComparison.Emulated(3.1, 27.6, 0.6, 0.07, Double.NaN));
        SiliconComparison.Row first = rows.get(0);
        assertEquals("h200_int8_tensor_pj_per_mac", first.anchorId());
        assertEquals(2.0, first.ratio(), 1e-9);
        SiliconComparison.Row ratio = rows.stream().filter(r -> r.anchorId().equals("h200_simt_over_tensor")).findFirst().orElseThrow();
        assertEquals(27.6 / 3.1, ratio.emulated(), 1e-9);
        assertEquals(27.6 / 3.1 / 8.9, ratio.ratio(), 1e-9);
        assertTrue(rows.stream().noneMatch(r -> r.anchorId().startsWith("dally")), "no overhead figure given");
        assertTrue(SiliconComparison.table(rows).contains("held against silicon"));
    }
}
