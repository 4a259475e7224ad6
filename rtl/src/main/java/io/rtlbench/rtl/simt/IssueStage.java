package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * ISSUE stage of {@link SimtCore}: each warp's buffered instruction ({@link FetchUnit}) is eligible
 * when its warp is ready ({@link WarpControl}: active, not busy, not at a barrier), the
 * {@link Scoreboard} clears its registers, the divider is free for a division and the LSU has a
 * slot for a memory instruction (counting one that may be in execute); fence.i waits for the LSU to
 * drain. The {@link Scheduler} picks
 * one eligible warp round-robin; its T register files ({@code regFile<lane>}) are read (x0 reads 0) into
 * the issue/execute pipeline register ({@link Latch}): rs1 and rs2, and with the dp4a/tensor
 * datapath rd too (the accumulator of dp4a and mma; a third read port) and for an mma rd+1 (a fourth);
 * those ports' addresses move only for the instructions that use them. An mma waits for the
 * {@link TensorUnit} like a division waits for the divider. Timing: combinational pick and register read,
 * latched at the edge; one instruction per cycle. Simplification: no operand forwarding (a warp has
 * at most one instruction in issue/execute, so it never needs one).
 */
final class IssueStage {
    /** The issue/execute pipeline register: valid, warp, PC, instruction, thread mask, rs1/rs2 per lane. */
    record Latch(Bool valid, UInt warp, UInt pc, UInt inst, UInt mask, Vec<UInt> a, Vec<UInt> b, Vec<UInt> c, Vec<UInt> c1) {}

    final Latch ex;
    final Scoreboard scoreboard;
    /** A warp instruction issues this cycle (the scheduler's pick is valid). */
    final Bool issue;
    /** The executing instruction is a load/store (resp. a division, an mma: null without the tensor datapath). */
    final Bool exIsMem, exIsDiv, exIsMma;
    /** Per warp: ready but held by the scoreboard or the divider (resp. by the LSU); for the stall counters. */
    final UInt scoreboardWait, memoryWait;

    IssueStage(SimtConfig cfg, List<Mem<UInt>> rf, WarpControl ctl, Lsu lsu, Scheduler sched, FetchUnit fetch, Divider divider,
               TensorUnit tensor) {
        int w = cfg.warps(), t = cfg.threads(), wb = cfg.warpBits();
        Bool exValid = regInit("exValid", lit(false));
        UInt exWarp = reg("exWarp", UInt(wb)), exPc = reg("exPc", UInt(32)), exInst = reg("exInst", UInt(32));
        UInt exMask = reg("exMask", UInt(t));
        Vec<UInt> exA = reg("exA", Vec(t, UInt(32))), exB = reg("exB", Vec(t, UInt(32)));
        Vec<UInt> exC = cfg.datapath().hasDp4a() ? reg("exC", Vec(t, UInt(32))) : null;
        Vec<UInt> exC1 = cfg.datapath().hasTensor() ? reg("exC1", Vec(t, UInt(32))) : null;
        ex = new Latch(exValid, exWarp, exPc, exInst, exMask, exA, exB, exC, exC1);
        scoreboard = new Scoreboard(cfg);
        exIsMem = node("exIsMem", and(exValid, isMem(exInst)));
        // a memory instruction may issue while the LSU has a free slot for it (one may be in execute)
        Bool lsuBlocked = node("lsuBlocked", or(eq(lsu.io.slotsFree, lit(0, 8)), and(exIsMem, eq(lsu.io.slotsFree, lit(1, 8)))));
        exIsDiv = node("exIsDiv", and(exValid, isDiv(exInst)));
        Bool divBlocked = node("divBlocked", or(divider.io.busy, exIsDiv));
        exIsMma = tensor == null ? null : node("exIsMma", and(exValid, isMma(exInst)));
        Bool mmaBlocked = tensor == null ? null : node("mmaBlocked", or(not(tensor.io.ready), exIsMma));
        List<UInt> insts = new ArrayList<>();
        UInt elig = lit(0, 1), sbAny = lit(0, 1), memAny = lit(0, 1);
        for (int i = 0; i < w; i++) {
            UInt inst = node("ibuf" + i, fetch.io.inst.apply(i));
            insts.add(inst);
            Bool sb = scoreboard.blocks(i, inst);
            Bool ready = node("ready" + i, and(ctl.io.ready.apply(i), bit(fetch.io.valid, i)));
            // fence.i waits until every earlier store has reached memory (and so the imem): the LSU is empty
            Bool memWait = or(and(isMem(inst), lsuBlocked), and(isFenceI(inst), or(lsu.io.busy, exIsMem)));
            sb = or(sb, and(isDiv(inst), divBlocked));  // waiting for the divider counts as a scoreboard stall
            if (tensor != null) sb = or(sb, and(isMma(inst), mmaBlocked));  // so does waiting for the matrix unit
            Bool e = node("eligible" + i, and(ready, not(or(sb, memWait))));
            elig = i == 0 ? asUInt(e) : cat(asUInt(e), elig);
            sbAny = i == 0 ? asUInt(and(ready, sb)) : cat(asUInt(and(ready, sb)), sbAny);
            memAny = i == 0 ? asUInt(and(ready, memWait)) : cat(asUInt(and(ready, memWait)), memAny);
        }
        scoreboardWait = sbAny;
        memoryWait = memAny;
        connect(sched.io.eligible, elig);
        issue = node("issue", sched.io.valid);
        UInt sel = node("sel", sched.io.sel);
        UInt selInst = node("selInst", pick(vecOf(insts), sel));
        connect(exValid, issue);
        connect(ctl.io.issue, issue);
        connect(ctl.io.issueWarp, sel);
        connect(fetch.io.issue, issue);
        connect(fetch.io.issueWarp, sel);
        when(issue, () -> {
            connect(exWarp, sel);
            connect(exPc, pick(ctl.io.pc, sel));
            connect(exInst, selInst);
            connect(exMask, pick(ctl.io.mask, sel));
            for (int l = 0; l < t; l++) {
                connect(exA.apply(l), regRead(rf.get(l), sel, bits(selInst, 19, 15)));
                connect(exB.apply(l), regRead(rf.get(l), sel, bits(selInst, 24, 20)));
            }
        });
        if (exC != null) readAccumulators(cfg, rf, sel, selInst, exC, exC1);
    }

    /** rd (and rd+1 for an mma) of the issuing instruction, through ports whose address moves only when used. */
    private void readAccumulators(SimtConfig cfg, List<Mem<UInt>> rf, UInt sel, UInt selInst, Vec<UInt> exC, Vec<UInt> exC1) {
        int ab = cfg.warpBits() + 5;
        Bool usesC = node("readsRd", and(issue, readsRd(selInst)));
        UInt rd = bits(selInst, 11, 7);
        UInt cAddr = node("accAddr", mux(usesC, cat(sel, rd), lit(0, ab)));
        Bool usesC1 = exC1 == null ? null : node("readsRd1", and(usesC, isMma(selInst)));
        UInt c1Addr = exC1 == null ? null : node("accAddr1", mux(usesC1, cat(sel, bits(rd, 4, 1), lit(1, 1)), lit(0, ab)));
        for (int l = 0; l < cfg.threads(); l++) {
            final int ll = l;
            UInt c = mux(eq(rd, lit(0, 5)), lit(0, 32), read(rf.get(l), cAddr));
            when(usesC, () -> connect(exC.apply(ll), c));
            if (exC1 != null) {
                UInt c1 = read(rf.get(l), c1Addr);
                when(usesC1, () -> connect(exC1.apply(ll), c1));
            }
        }
    }
}
