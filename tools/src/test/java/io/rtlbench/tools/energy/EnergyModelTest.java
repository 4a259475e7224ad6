package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.ActivityClass;
import io.rtlbench.emulator.Counter;
import io.rtlbench.emulator.Design;
import io.rtlbench.emulator.Signal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The energy model on a hand-made activity record: a small design (SV text with instances, energy
 * roles as tags), counters with known counts, memories, gate counts and a technology table whose
 * constants are all different, so every term (count x the table's constant) and every category
 * is pinned: a constant used in the wrong term, a term in the wrong category, a factor of two
 * anywhere moves a category by a known amount and fails.
 */
class EnergyModelTest {
    static final String SV = String.join("\n",
            "module Pe(input clock);", "endmodule",
            "module Ctl(input clock);", "endmodule",
            "module Fetch(input clock);", "endmodule",
            "module Mem(input R0_en);", "endmodule",
            "module Ext(input clock);", "  Mem store_ext (", "    .R0_en(clock)", "  );", "endmodule",
            "module Top(input clock);",
            "  Pe pe (", "    .clock(clock)", "  );",
            "  Ctl ctl (", "    .clock(clock)", "  );",
            "  Fetch fetch (", "    .clock(clock)", "  );",
            "  Mem buf_ext (", "    .R0_en(clock)", "  );",
            "  Mem rf_ext (", "    .R0_en(clock)", "  );",
            "  Mem tiny_ext (", "    .R0_en(clock)", "  );",
            "  Ext offchip (", "    .clock(clock)", "  );",
            "endmodule", "");
    static final Design DESIGN = new Design("Top", SV, Map.of("pe", "compute", "fetch", "instruction", "rf", "regfile", "offchip", "external"));
    /** Every constant different (and none a multiple of another), so each term is identifiable. */
    static final TechTable TECH = new TechTable("test", 2.0, 0.5, 0.07, 0.011, 0.0013, 0.0017, 0.00019, 0.000023, 0.29, 0.031, 3.7);
    static final long CYCLES = 1000, OFFCHIP_BYTES = 4096, MACS = 200;

    static Counter counter(int i, String name, int width, ActivityClass... cls) { return new Counter(name, i, width, EnumSet.of(cls[0], cls)); }

    static EnergyReport estimate(long... counts) {
        List<Counter> counters = List.of(
                counter(0, "pe.acc", 32, ActivityClass.REG, ActivityClass.ADD_IN),
                counter(1, "pe.io_a", 8, ActivityClass.MUL_IN),
                counter(2, "pe.io_w", 16, ActivityClass.MUL_IN),
                counter(3, "pe.sum", 32, ActivityClass.ADD_IN),
                counter(4, "ctl.state", 4, ActivityClass.REG),
                counter(5, "fetch.pc", 32, ActivityClass.REG),
                counter(6, "buf_ext.R0_en", 1, ActivityClass.MEM_READ),
                counter(7, "buf_ext.W0_en", 1, ActivityClass.MEM_WRITE),
                counter(8, "buf_ext.R0_data", 64, ActivityClass.MEM_RDATA),
                counter(9, "rf_ext.W0_en", 1, ActivityClass.MEM_WRITE),
                counter(10, "tiny_ext.R0_en", 1, ActivityClass.MEM_READ),
                counter(11, "offchip.count", 64, ActivityClass.REG),
                counter(12, "offchip.store_ext.R0_en", 1, ActivityClass.MEM_READ));
        List<Signal> memories = List.of(new Signal("buf", 0, 64, 1024, false), new Signal("rf", 1, 32, 32, false),
                new Signal("tiny", 2, 8, 4, false), new Signal("offchip.store", 3, 128, 1024, false));
        Map<String, GateCounts.ModuleGates> gates = Map.of("Top", new GateCounts.ModuleGates(5, 0), "Pe", new GateCounts.ModuleGates(100, 10),
                "Ctl", new GateCounts.ModuleGates(20, 4), "Fetch", new GateCounts.ModuleGates(30, 32), "Ext", new GateCounts.ModuleGates(1000, 64));
        return new EnergyModel(TECH).estimate(new EnergyModel.Activity(DESIGN, counters, counts, memories, CYCLES, OFFCHIP_BYTES, MACS), gates);
    }

    static final long[] COUNTS = {1000, 400, 300, 500, 60, 70, 10, 5, 99, 7, 3, 12345, 77};

    @Test void everyTermIsCountTimesItsConstantInItsCategory() {
        EnergyReport r = estimate(COUNTS);
        EnumMap<Category, Double> exp = new EnumMap<>(Category.class);
        // PE: register toggles, adder and multiplier operand toggles (multiplier by width / 8), logic
        // = gates x activity (toggles 1000+400+300+500 over 32+8+16+32 bits per cycle) x constant.
        exp.put(Category.COMPUTE, 1000 * 0.011 + 1000 * 0.07 + 400 * 0.5 * 8 / 8 + 300 * 0.5 * 16 / 8 + 500 * 0.07
                + 100 * (2200.0 / 88 / CYCLES) * CYCLES * 0.0017);
        exp.put(Category.CONTROL, 60 * 0.011 + 20 * (60.0 / 4 / CYCLES) * CYCLES * 0.0017);   // untagged ctl; Top has no activity
        exp.put(Category.INSTRUCTION, 70 * 0.011 + 30 * (70.0 / 32 / CYCLES) * CYCLES * 0.0017);
        // SRAM per accessed bit: 0.29 x sqrt(capacity / 8 KB), at least 0.031: buf is 8 KB, tiny (4 B) takes the floor.
        exp.put(Category.SRAM, 10 * 64 * 0.29 + 5 * 64 * 0.29 + 3 * 8 * 0.031);
        exp.put(Category.REGFILE, 7 * 32 * (0.29 * Math.sqrt(128 / 8192.0)));                  // rf: 128 B
        exp.put(Category.CLOCK, (32 + 4 + 32) * CYCLES * 0.0013);                              // register bits x cycles
        exp.put(Category.LEAKAGE, (5 + 110 + 24 + 62) * CYCLES * 0.00019 + (1024 * 64 + 32 * 32 + 4 * 8) * CYCLES * 0.000023);
        exp.put(Category.OFFCHIP, OFFCHIP_BYTES * 3.7);
        for (Category c : Category.values())
            assertEquals(exp.get(c), r.breakdown().getOrDefault(c, 0.0), 1e-9 * Math.max(1, exp.get(c)), c + ": " + r.table(10));
        double total = exp.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(total, r.totalPj(), 1e-9 * total);
        assertEquals(total - exp.get(Category.LEAKAGE), r.dynamicPj(), 1e-9 * total);
        assertEquals(total / MACS, r.pjPerMac(), 1e-9 * total);
        assertEquals(total * 2.0 / CYCLES, r.averagePowerMw(), 1e-9 * total, "pJ per ns at 2 GHz");
        assertEquals(exp.get(Category.COMPUTE) + 32 * CYCLES * 0.0013 + 110 * CYCLES * 0.00019, r.modules().get("pe"), 1e-9 * total,
                "the PE instance's own energy: " + r.modules());
        assertEquals(false, r.modules().containsKey("offchip"), "external instances are not charged: " + r.modules());
    }

    @Test void eachCountMovesOnlyItsOwnTerm() {
        EnergyReport base = estimate(COUNTS);
        // one more toggle of the control register: its register energy, its logic activity; nothing else
        long[] c = COUNTS.clone();
        c[4]++;
        EnergyReport more = estimate(c);
        for (Category cat : Category.values()) {
            double d = more.breakdown().getOrDefault(cat, 0.0) - base.breakdown().getOrDefault(cat, 0.0);
            double want = cat == Category.CONTROL ? 0.011 + 20 * (1.0 / 4) * 0.0017 : 0;
            assertEquals(want, d, 1e-9, cat.toString());
        }
        // the external counters and the memory read-data toggles cost nothing
        c = COUNTS.clone();
        c[11] *= 7;
        c[12] *= 7;
        assertEquals(base.totalPj(), estimate(c).totalPj(), 1e-9);
    }

    @Test void zeroActivityLeavesOnlyClockLeakageAndOffchip() {
        EnergyReport r = estimate(new long[COUNTS.length]);
        for (Category c : List.of(Category.COMPUTE, Category.CONTROL, Category.INSTRUCTION, Category.SRAM, Category.REGFILE))
            assertEquals(0.0, r.breakdown().getOrDefault(c, 0.0), 1e-12, c.toString());
        assertTrue(r.breakdown().get(Category.CLOCK) > 0 && r.breakdown().get(Category.LEAKAGE) > 0);
    }

    @Test void noCountersIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EnergyModel(TECH).estimate(
                new EnergyModel.Activity(DESIGN, List.of(), new long[0], List.of(), 1, 0, 0), Map.of()));
        assertTrue(e.getMessage().contains("no activity counters"), e.getMessage());
    }

    @Test void techTableScalingAndLookups() {
        TechTable s = TECH.scaledTo7nm();
        double logic = 7.0 / 45.0 * 0.49;
        double[] got = {s.mulPjPerBitToggle8b(), s.addPjPerBitToggle(), s.regPjPerBitToggle(), s.clockPjPerRegBitPerCycle(),
            s.logicPjPerGateToggle(), s.leakPjPerGatePerCycle(), s.leakPjPerSramBitPerCycle(), s.sramPjPerBit8kb(), s.sramMinPjPerBit(),
            s.offchipPjPerByte(), s.clockGhz()};
        double[] want = {0.5 * logic, 0.07 * logic, 0.011 * logic, 0.0013 * logic, 0.0017 * logic, 0.00019 * 0.5, 0.000023 * 0.5,
            0.29 * 0.25, 0.031 * 0.25, 3.7 * 0.2, 2.0};
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-12, "7 nm field " + i);
        assertEquals(0.5 * 3, TECH.mulPerToggle(24), 1e-12);
        assertEquals(0.5 / 8, TECH.mulPerToggle(0), 1e-12, "width below 1 counts as 1");
        assertEquals(0.29 * 2, TECH.sramPerBit(32768), 1e-12, "32 KB: twice 8 KB (sqrt)");
        assertEquals(0.031, TECH.sramPerBit(8), 1e-12, "the floor");
        TechTable t45 = TechTable.of("45nm");
        assertEquals(0.025, t45.mulPjPerBitToggle8b(), 1e-12);
        assertEquals(160, t45.offchipPjPerByte(), 1e-12);
        assertEquals("45nm", TechTable.of(null).name());
    }
}
