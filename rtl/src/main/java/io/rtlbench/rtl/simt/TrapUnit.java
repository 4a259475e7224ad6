package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtIsa.*;
import static io.rtlbench.rtl.simt.SimtUtil.inImem;
import static io.rtlbench.rtl.simt.SimtUtil.isKind;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.simt.SimtIsa.Kind;

/**
 * Traps of {@link SimtCore}: ecall (mcause 11), ebreak (3), an illegal instruction (2; compressed
 * code decodes as illegal), and an instruction fetched outside the instruction memory (1) or at a
 * misaligned PC (0): {@link FetchUnit} hands those on as the illegal word 0, told apart here by the
 * PC. {@link WarpControl} takes the trap: PC = mtvec, mepc = PC, mcause from here, mtval = the
 * instruction (illegal), the PC (fetch faults) or 0. A trap whose mtvec does not point into the
 * instruction memory (mtvec is 0 from reset: no handler was installed) is fatal: the warp stops,
 * the first such trap's warp is latched ({@code trapped}, {@code trapWarp}; its mepc/mcause/mtval
 * stay in that warp's CSRs) and the core stops ({@code done}), so the driver reports it at once
 * instead of the warp spinning until the cycle limit. Timing: decided in execute, latched at its
 * edge. Simplification: only the first fatal trap is reported.
 */
final class TrapUnit {
    final Bool trapped;
    final UInt warp;

    TrapUnit(SimtConfig cfg, IssueStage.Latch ex, UInt kind, WarpControl ctl) {
        Bool ecall = isKind(kind, Kind.ECALL), ebreak = isKind(kind, Kind.EBREAK), illegal = isKind(kind, Kind.ILLEGAL);
        Bool misaligned = orR(bits(ex.pc(), 1, 0));
        Bool fetchFault = or(misaligned, not(inImem(cfg, ex.pc())));
        connect(ctl.io.trapCause, mux(ecall, lit(MCAUSE_ECALL_M, 32), mux(ebreak, lit(MCAUSE_BREAKPOINT, 32), mux(misaligned,
                lit(MCAUSE_MISALIGNED_FETCH, 32), mux(fetchFault, lit(MCAUSE_FETCH_ACCESS, 32), lit(MCAUSE_ILLEGAL, 32))))));
        connect(ctl.io.trapValue, mux(or(ecall, ebreak), lit(0, 32), mux(fetchFault, ex.pc(), ex.inst())));
        Bool fatal = node("fatalTrap", and(and(ex.valid(), or(or(ecall, ebreak), illegal)), not(inImem(cfg, ctl.io.trapHandler))));
        connect(ctl.io.stopWarp, fatal);
        trapped = regInit("trapped", lit(false));
        warp = regInit("trapWarp", lit(0, cfg.warpBits()));
        when(and(fatal, not(trapped)), () -> {
            connect(trapped, lit(true));
            connect(warp, ex.warp());
        });
        connect(ctl.io.reportWarp, warp);
    }
}
