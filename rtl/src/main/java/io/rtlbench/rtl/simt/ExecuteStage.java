package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * EXECUTE stage of {@link SimtCore}: the {@link Decoder} decodes the latched instruction, T
 * {@link Lane}s compute (operands: rs1 or the PC, rs2 or the immediate or 4 for a link address),
 * {@link WarpControl} resolves control flow, CSRs and SIMT ops, and every lane's load/store address
 * is formed (rs1 + imm). Loads and stores are handed to the {@link Lsu}, divisions to the
 * {@link Divider}, mma to the {@link TensorUnit} ({@link #handOff}); everything else is written back
 * by {@link Writeback} at the end of this cycle. Timing: one cycle, combinational. Simplification: one warp instruction per cycle,
 * a single-cycle multiplier in every lane.
 */
final class ExecuteStage {
    final Decoder dec;
    final UInt kind;
    final Bool isLoad, isStore;
    /** Per lane: ALU result and load/store address. */
    final List<UInt> results = new ArrayList<>(), addrs = new ArrayList<>();
    /** A load or store leaves execute for the LSU this cycle. */
    Bool memStart;

    ExecuteStage(SimtConfig cfg, IssueStage.Latch ex, WarpControl ctl, PerfCounters perf) {
        int t = cfg.threads();
        dec = instance("decoder", EnergyRole.INSTRUCTION, () -> new Decoder(cfg));
        connect(dec.io.inst, ex.inst());
        kind = dec.io.kind;
        Bool isJump = or(isKind(kind, Kind.JAL), isKind(kind, Kind.JALR));
        Bool pcOperand = or(isJump, isKind(kind, Kind.AUIPC));
        Bool immOperand = and(dec.io.useImm, not(or(isKind(kind, Kind.BRANCH), isKind(kind, Kind.STORE))));
        List<Bool> conds = new ArrayList<>();
        for (int l = 0; l < t; l++) {
            Lane lane = instance("lane" + l, EnergyRole.COMPUTE, () -> new Lane(cfg));
            if (ex.c() != null) connect(lane.io.c, ex.c().apply(l));
            connect(lane.io.fn, dec.io.alu);
            connect(lane.io.funct3, dec.io.funct3);
            connect(lane.io.a, mux(pcOperand, ex.pc(), ex.a().apply(l)));
            connect(lane.io.b, mux(isJump, lit(4, 32), mux(immOperand, dec.io.imm, ex.b().apply(l))));
            conds.add(lane.io.cond);
            addrs.add(node("addr" + l, add(ex.a().apply(l), dec.io.imm)));
            results.add(lane.io.result);
        }
        connect(ctl.io.exValid, ex.valid());
        connect(ctl.io.exWarp, ex.warp());
        connect(ctl.io.exPc, ex.pc());
        connect(ctl.io.exMask, ex.mask());
        connect(ctl.io.kind, kind);
        connect(ctl.io.funct3, dec.io.funct3);
        connect(ctl.io.csr, dec.io.csr);
        connect(ctl.io.rs1Field, dec.io.rs1);
        connect(ctl.io.imm, dec.io.imm);
        connect(ctl.io.a, ex.a());
        connect(ctl.io.b, ex.b());
        connect(ctl.io.cond, vecOf(conds));
        connect(ctl.io.instret, perf.io.counters.get(SimtCounter.WARP_INSTRS));
        isLoad = isKind(kind, Kind.LOAD);
        isStore = isKind(kind, Kind.STORE);
    }

    /** Starts the long-latency units: a load/store in the LSU, a division in the divider, an mma in the matrix unit. */
    void handOff(IssueStage.Latch ex, Bool exIsDiv, Bool exIsMma, Lsu lsu, Divider divider, TensorUnit tensor) {
        if (tensor != null) {
            connect(tensor.io.start, exIsMma);
            connect(tensor.io.warp, ex.warp());
            connect(tensor.io.rd, dec.io.rd);
            connect(tensor.io.mask, ex.mask());
            connect(tensor.io.a, ex.a());
            connect(tensor.io.b, ex.b());
            connect(tensor.io.c0, ex.c());
            connect(tensor.io.c1, ex.c1());
        }
        memStart = node("memStart", and(ex.valid(), or(isLoad, isStore)));
        connect(lsu.io.start, memStart);
        connect(lsu.io.warp, ex.warp());
        connect(lsu.io.rd, dec.io.rd);
        connect(lsu.io.funct3, dec.io.funct3);
        connect(lsu.io.store, isStore);
        connect(lsu.io.mask, ex.mask());
        connect(lsu.io.addr, vecOf(addrs));
        connect(lsu.io.data, ex.b());
        connect(divider.io.start, exIsDiv);
        connect(divider.io.warp, ex.warp());
        connect(divider.io.rd, dec.io.rd);
        connect(divider.io.funct3, dec.io.funct3);
        connect(divider.io.mask, ex.mask());
        connect(divider.io.a, ex.a());
        connect(divider.io.b, ex.b());
    }
}
