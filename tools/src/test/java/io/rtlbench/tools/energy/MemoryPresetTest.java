package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each memory preset sets bandwidth, latency and energy together, mapped onto the RTL's off-chip model. */
class MemoryPresetTest {
    @Test void everyPresetSetsAllThreeParameters() {
        assertEquals(List.of("ddr4", "lpddr5", "hbm2e", "hbm3", "hbm3e"), MemoryPreset.names());
        TechTable t7 = TechTable.of("7nm");
        Set<Double> energies = new HashSet<>();
        for (String name : MemoryPreset.names()) {
            MemoryPreset p = MemoryPreset.of(name);
            MemoryPreset.OffChip o = p.at(t7, 16);
            assertTrue(o.bytesPerCycle() >= 1 && o.bytesPerCycle() <= 16, name + ": " + o);
            assertTrue(o.latencyCycles() >= 1 && o.latencyCycles() <= 4096, name + ": " + o);
            assertTrue(o.pjPerByte() > 0, name + ": " + o);
            assertTrue(p.source() != null && !p.source().isBlank() && p.reference() != null, name);
            assertEquals(o.cappedByBus(), o.shareBytesPerCycle() > 16, name);
            energies.add(o.pjPerByte());
            assertEquals(o.pjPerByte(), t7.withOffchip(o.pjPerByte(), name).offchipPjPerByte());
        }
        assertTrue(energies.size() >= 3, "DDR4, LPDDR5 and HBM differ in energy: " + energies);
    }

    @Test void hbm3IsOneH100SmsShareAtTheTablesClock() {
        MemoryPreset.OffChip o = MemoryPreset.of("hbm3").at(1.41, 16);
        assertEquals(3350.0 / 132 / 1.41, o.shareBytesPerCycle(), 1e-9);
        assertEquals(16, o.bytesPerCycle(), "18 B/cycle is capped by the 16-byte bus");
        assertTrue(o.cappedByBus());
        assertEquals(32, o.busBytesForShare());
        assertEquals(282, o.latencyCycles(), "200 ns at 1.41 GHz");
        assertEquals(31.2, o.pjPerByte(), 1e-9);
        String json = io.rtlbench.tools.json.JsonFiles.write(o);
        assertTrue(json.contains("\"latency_cycles\": 282") && json.contains("H100"), json);
        MemoryPreset.OffChip ddr = MemoryPreset.of("ddr4").at(1.41, 16);
        assertEquals(4, ddr.bytesPerCycle(), "51.2 GB/s / 8 cores / 1.41 GHz = 4.5");
        assertEquals(160, ddr.pjPerByte(), 1e-9);
    }

    @Test void unknownPresetsListTheValidNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> MemoryPreset.of("hbm9"));
        assertTrue(e.getMessage().contains("ddr4, lpddr5, hbm2e, hbm3, hbm3e"), e.getMessage());
    }
}
