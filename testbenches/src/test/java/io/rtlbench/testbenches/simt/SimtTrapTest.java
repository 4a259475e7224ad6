package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.simt.SimtIsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traps without a handler (mtvec 0 from reset) stop the core at once and are reported in one line
 * with mcause, mepc and the instruction, instead of spinning until the cycle limit. With a handler
 * installed, a fetch fault reaches it like any other trap.
 */
class SimtTrapTest {
    static final String START = ".section .text.init; .globl _start; _start:\n";

    /** Runs {@code body} (at _start, warp 0 thread 0 only) on 4x8; returns the trap. */
    static SimtMachine.SimtTrapException trap(String name, String body) {
        SimtMachine m = SimtMachines.get(4, 8);
        m.load(Elf.read(KernelBuild.asmText(name, START + body)));
        long start = m.simulator().cycle();
        var e = assertThrows(SimtMachine.SimtTrapException.class, () -> m.run(100_000));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(0, e.warp, e.getMessage());
        long ran = m.simulator().cycle() - start;
        assertTrue(ran < 100, "stopped at once, not at the cycle limit: " + ran + " cycles");
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "trap_illegal | nop; .word 0xffffffff             | 4 | 2  | 0xffffffff | illegal instruction 0xffffffff",
        "trap_ecall   | nop; nop; ecall                   | 8 | 11 | 0x00000073 | ecall at pc",
        "trap_ebreak  | ebreak                            | 0 | 3  | 0x00100073 | ebreak at pc",
        "trap_rvc     | nop; .half 0x4505; .half 0x0001   | 4 | 2  | 0x00014505 | compressed code?",
    })
    void trapInTheProgramIsReported(String name, String body, int offset, int mcause, String inst, String says) {
        var e = trap(name, body);
        long at = Elf.read(KernelBuild.asmText(name, START + body)).symbol("_start") + offset;
        assertEquals(mcause, e.mcause, e.getMessage());
        assertEquals(Long.decode(inst).intValue(), e.instruction, e.getMessage());
        assertEquals(at, e.mepc, e.getMessage());
        assertTrue(e.getMessage().contains(says) && e.getMessage().contains(String.format("mepc 0x%08x", at)), e.getMessage());
    }

    @Test void jumpOutsideTheInstructionMemoryIsAnAccessFault() {
        var e = trap("trap_wild", "li t0, 0x90000000; jr t0");
        assertEquals(SimtIsa.MCAUSE_FETCH_ACCESS, e.mcause, e.getMessage());
        assertEquals(0x9000_0000L, e.mepc, e.getMessage());
        assertTrue(e.getMessage().contains("outside the instruction memory 0x80000000..0x8000ffff at pc 0x90000000"), e.getMessage());
    }

    @Test void misalignedJumpTargetIsReported() {
        var e = trap("trap_misaligned", "la t0, 2f; addi t0, t0, 2; jr t0; 2: nop; nop");
        assertEquals(SimtIsa.MCAUSE_MISALIGNED_FETCH, e.mcause, e.getMessage());
        assertEquals(2, e.mepc & 3, e.getMessage());
        assertTrue(e.getMessage().contains("misaligned instruction fetch"), e.getMessage());
    }

    @Test void aHandlerSeesTheFetchFault() {
        // the handler checks mcause 1, mepc and mtval = the bad PC, then passes through tohost
        String prog = "#include \"test.h\"\nTEST_BEGIN\n"
                + "  la t0, handler; csrw mtvec, t0; csrr t0, 0xCC1; bnez t0, pass\n"
                + "  li t1, 0x90000010; jr t1\n"
                + "handler: csrr x14, mcause; CHECK(2, x14, 1)\n"
                + "  csrr x14, mepc; CHECK(3, x14, 0x90000010)\n"
                + "  csrr x14, mtval; CHECK(4, x14, 0x90000010)\n"
                + "  j pass\nTEST_END\n";
        SimtMachine m = SimtMachines.get(4, 8);
        var r = SimtMachines.run(m, KernelBuild.asmText("trap_handled", prog), 100_000);
        assertEquals(1, r.tohost(), SimtMachines.verdict(r.tohost()));
    }
}
