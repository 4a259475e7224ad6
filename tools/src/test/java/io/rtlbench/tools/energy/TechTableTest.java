package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.area.AreaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Technology tables: 45 nm unchanged, the 7 nm table from its published figures, old files still load. */
class TechTableTest {
    static final String OLD_FILE = """
            name = mine
            clock.ghz = 1.0
            mul.pj_per_bit_toggle_8b = 0.025
            add.pj_per_bit_toggle = 0.0035
            reg.pj_per_bit_toggle = 0.004
            clock.pj_per_reg_bit_per_cycle = 0.0015
            logic.pj_per_gate_toggle = 0.001
            leakage.pj_per_gate_per_cycle = 0.00001
            leakage.pj_per_sram_bit_per_cycle = 0.00000005
            sram.pj_per_bit_8kb = 0.156
            sram.min_pj_per_bit = 0.01
            offchip.pj_per_byte = 160
            """;

    @Test void aFileWithOnlyTheOriginalKeysStillLoadsWithDocumentedDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, OLD_FILE);
        TechTable t = TechTable.of(f.toString());
        assertEquals("mine", t.name());
        assertEquals(0.5, t.sramCapacityExponent());
        assertEquals(0.5, t.sramSmallCapacityExponent());
        assertEquals(AreaTable.DEFAULT_45NM.nand2Um2(), t.area().nand2Um2());
        assertEquals(0.156 * 2, t.sramPerBit(32768), 1e-12, "square root of capacity by default");
        Files.writeString(f, OLD_FILE + "area.nand2_um2 = 0.1\narea.cell.$_XOR_ = 2\n");
        TechTable custom = TechTable.of(f.toString());
        assertEquals(0.1, custom.area().nand2Um2());
        assertEquals(2.0, custom.area().cells().nand2Eq("$_XOR_"));
        Files.writeString(f, OLD_FILE + "area.sram_array_efficiency = 1.5\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TechTable.of(f.toString()));
        assertTrue(e.getMessage().contains("sram_array_efficiency"), e.getMessage());
    }

    @Test void the45nmTableIsHorowitzAndThe7nmTableIsTpuv4i() {
        TechTable t45 = TechTable.of("45nm"), t7 = TechTable.of("7nm");
        assertEquals(0.2, t45.mulPerToggle(8) * 8, 1e-12, "8-bit multiply 0.2 pJ with 8 toggled operand bits");
        assertEquals(10.0, t45.sramPerBit(8192) * 64, 0.1, "8 KB SRAM 64-bit read 10 pJ");
        assertEquals(100.0, t45.sramPerBit(1 << 20) * 64, 15.0, "1 MB 100 pJ (the square-root fit through 8 KB gives 113)");
        assertEquals(0.07, t7.mulPerToggle(8) * 8, 1e-12, "TPUv4i 7 nm 8-bit multiply");
        assertEquals(7.5, t7.sramPerBit(8192) * 64, 0.01, "TPUv4i 7 nm 8 KB read");
        assertEquals(14.0, t7.sramPerBit(1 << 20) * 64, 0.2, "TPUv4i 7 nm 1 MB read");
        assertEquals(7.5 / 64 / 4, t7.sramPerBit(512), 1e-4, "below 8 KB: square root, as at 45 nm");
        assertEquals(0.5, t45.sramSmallCapacityExponent());
        assertEquals(1.41, t7.clockGhz());
        assertEquals(0.05832, t7.area().nand2Um2(), 1e-12);
        assertTrue(TechTable.of("7nm-scaled").name().startsWith("7nm-scaled"));
        TechTable hbm = t7.withOffchip(31.2, "hbm3");
        assertEquals("7nm + hbm3", hbm.name());
        assertEquals(31.2, hbm.offchipPjPerByte());
        assertEquals(t7.mulPjPerBitToggle8b(), hbm.mulPjPerBitToggle8b());
    }
}
