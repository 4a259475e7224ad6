package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.simt.SimtIsa;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bare-metal self-checking programs (tests/*.S) on 1 warp x 1 thread and 4 warps x 8 threads:
 * every RV32IM instruction with its edge cases, CSRs and traps, the SIMT instructions, misaligned
 * loads and stores across bus beats and shared-memory words, fence.i after code stores. A failure
 * names the program, the configuration and the failing test number (its line in the .S file has
 * that number as the first macro argument). Every branch must have been uniform across lanes.
 */
class SimtIsaTest {
    @ParameterizedTest(name = "{0} on {1}x{2}")
    @CsvSource({
        "isa_alu, 1, 1", "isa_mem, 1, 1", "isa_muldiv, 1, 1", "isa_system, 1, 1", "simt_ops, 1, 1",
        "isa_alu, 4, 8", "isa_mem, 4, 8", "isa_muldiv, 4, 8", "isa_system, 4, 8", "simt_ops, 4, 8",
        "isa_misaligned, 1, 1", "isa_misaligned, 4, 8", "fence_i, 1, 1", "fence_i, 4, 8",
    })
    void programPasses(String program, int warps, int threads) {
        SimtMachine m = SimtMachines.get(warps, threads);
        SimtMachine.Result r = SimtMachines.run(m, KernelBuild.asmTest(program), 200_000);
        assertEquals(1, r.tohost(), () -> program + " on " + warps + "x" + threads + ": " + SimtMachines.verdict(r.tohost())
                + " (tohost=" + r.tohost() + ")\n" + m.warpReport());
        assertEquals(0, r.divergentBranches(), program + ": branches whose lanes disagreed");
        assertTrue(r.warpInstrs() > 50 && r.threadInstrs() >= r.warpInstrs(), "counters look wrong: " + r);
    }

    @Test void isaTestsContainEveryInstruction() {
        EnumSet<SimtIsa.Op> seen = EnumSet.noneOf(SimtIsa.Op.class);
        for (String p : new String[] {"isa_alu", "isa_mem", "isa_muldiv", "isa_system", "simt_ops"}) {
            Elf elf = Elf.read(KernelBuild.asmTest(p));
            long from = elf.symbol("_start"), to = elf.symbol("_etext");
            for (Elf.Segment s : elf.segments())
                for (long a = Math.max(from, s.address()); a + 4 <= Math.min(to, s.address() + s.data().length); a += 4) {
                    SimtIsa.Op op = SimtIsa.decode((int) SimtMachine.le32(s.data(), (int) (a - s.address())));
                    if (op != null) seen.add(op);
                }
        }
        EnumSet<SimtIsa.Op> missing = EnumSet.complementOf(seen);
        missing.removeIf(op -> op.datapath != io.rtlbench.rtl.simt.SimtConfig.Datapath.SCALAR);  // dp4a, mma: SimtDatapathTest
        assertEquals(EnumSet.noneOf(SimtIsa.Op.class), missing, "instructions that no ISA test contains");
    }

    @Test void hangReportsEveryWarp() {
        SimtMachine m = SimtMachines.get(4, 8);
        m.load(Elf.read(KernelBuild.asmTest("hang")));
        var e = assertThrows(SimtMachine.SimtHangException.class, () -> m.run(3000));
        String msg = e.getMessage();
        assertTrue(msg.contains("3000 cycles"), msg);
        assertTrue(msg.contains("warp 0: active  pc=0x8"), msg);
        assertTrue(msg.contains("jal x0"), msg);
        for (int w = 1; w < 4; w++) assertTrue(msg.contains("warp " + w + ": active") && msg.contains("waiting at a barrier"), msg);
        assertTrue(msg.contains("mask=0xff"), msg);
    }

    @Test void joinWithoutSplitStopsTheCore() {
        SimtMachine m = SimtMachines.get(4, 8);
        m.load(Elf.read(KernelBuild.asmTest("join_without_split")));
        var e = assertThrows(SimtMachine.SimtHangException.class, () -> m.run(100_000));
        assertTrue(e.getMessage().contains("divergence stack error"), e.getMessage());
    }

    @Test void disassemblerAndDecoderTableAgree() {
        assertEquals(SimtIsa.Op.ADDI, SimtIsa.decode(0x00100093));     // addi x1, x0, 1
        assertEquals(SimtIsa.Op.SPLIT, SimtIsa.decode(0x0005a60b));    // .insn r 0x0b, 2, 0, x12, x11, x0
        assertEquals(SimtIsa.Op.MULHSU, SimtIsa.decode(0x02c5a733));   // mulhsu x14, x11, x12
        assertEquals(null, SimtIsa.decode(0xffffffff));
        for (SimtIsa.Op a : SimtIsa.Op.values())
            for (SimtIsa.Op b : SimtIsa.Op.values())
                if (a != b) assertTrue(!a.matches(b.match), a + " also matches the encoding of " + b);
    }
}
