package io.rtlbench.tools.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TOPS, TOPS/W, TOPS/mm^2 and the iso-area / iso-power restatement on hand-made figures. */
class IsoViewTest {
    // Systolic: 1e6 MACs in 10,000 cycles (100 MACs/cycle), 2e6 pJ, 0.5 mm^2, 1 GHz, 256 peak.
    static final CoreFigures SYS = new CoreFigures("systolic", 1_000_000, 10_000, 2_000_000, 0.5, 40_000, 1.0, 256);
    // SIMT: same MACs in 1e6 cycles (1 MAC/cycle), 1e7 pJ, 0.1 mm^2, 0.08 off-chip bytes per MAC.
    static final CoreFigures SIMT = new CoreFigures("simt", 1_000_000, 1_000_000, 10_000_000, 0.1, 80_000, 1.0, 8);

    @Test void ratesFollowFromTheTotals() {
        assertEquals(100, SYS.macsPerCycle(), 1e-12);
        assertEquals(0.2, SYS.tops(), 1e-12, "2 ops x 100 MACs/cycle x 1 GHz");
        assertEquals(0.512, SYS.peakTops(), 1e-12);
        assertEquals(0.2, SYS.watts(), 1e-12, "200 pJ/cycle at 1 GHz");
        assertEquals(1.0, SYS.topsPerWatt(), 1e-12, "2e6 ops / 2e6 pJ");
        assertEquals(0.4, SYS.topsPerMm2(), 1e-12);
        assertEquals(2.0, SYS.pjPerMac(), 1e-12);
    }

    @Test void isoAreaIsComputeBoundWithEnoughBandwidthAndCappedWithout() {
        IsoView wide = IsoView.of(SYS, SIMT, 16);
        assertEquals(5, wide.simtCoresInArea(), 1e-12);
        assertEquals(5, wide.isoAreaMacsPerCycle(), 1e-12, "5 cores x 1 MAC/cycle need 0.4 B/cycle of 16");
        assertEquals("compute", wide.isoAreaBoundBy());
        assertEquals(20, wide.isoAreaSpeedup(), 1e-12);
        assertEquals(0.2 / 0.01, wide.simtCoresInPower(), 1e-12, "0.2 W vs 0.01 W");
        IsoView narrow = IsoView.of(SYS, SIMT, 0.2);
        assertEquals(2.5, narrow.isoAreaMacsPerCycle(), 1e-12, "0.2 B/cycle / 0.08 B per MAC");
        assertEquals("bandwidth", narrow.isoAreaBoundBy());
        assertEquals(2.5, narrow.isoPowerMacsPerCycle(), 1e-12);
        String json = io.rtlbench.tools.json.JsonFiles.write(narrow.summary());
        assertTrue(json.contains("\"iso_area_bound_by\": \"bandwidth\"") && json.contains("\"simt_cores_in_systolic_area\": 5.0"), json);
    }

    @Test void badFiguresAreRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> new CoreFigures("x", 1, 0, 1, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> IsoView.of(SYS, SIMT, 0));
    }
}
