package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.pick;
import static io.rtlbench.rtl.simt.SimtIsa.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import io.rtlbench.rtl.simt.SimtIsa.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-warp control state and the execute-stage control flow: PC, thread mask, active and busy bits,
 * the divergence stack ({@code stack}, {@code stackDepth} entries per warp), barriers, machine CSRs
 * and traps. Next PC: JAL/JALR/branches (condition of the lowest active lane), ecall/ebreak/illegal
 * (and fetch faults, which arrive as illegal) trap to mtvec with mepc = pc and the mcause/mtval that
 * {@link TrapUnit} computed; mret returns to mepc. SIMT ops (Vortex semantics):
 * TMC sets the mask (0 stops the warp); WSPAWN starts each inactive warp i in 1..rs1-1 at rs2 with
 * thread 0; SPLIT: if the active lanes disagree on rs1 != 0, pushes (mask, reconverge) and
 * (else lanes, pc + 4, else), runs the then lanes and returns token 1, else returns 0; JOIN with a
 * non-zero token pops: an else entry re-runs pc+4 (the branch after SPLIT) with the else lanes, a
 * reconverge entry restores the mask; BAR holds the warp until rs2 warps reached barrier rs1;
 * PRED masks to the lanes with rs1 != 0, or sets the mask to rs2 when there are none. CSRs: the
 * machine ones per warp, and read-only ids (thread, warp, core, counts; mhartid = the thread's id within
 * its core). A full stack at
 * a divergent SPLIT (or a JOIN with a token on an empty one) sets the sticky {@code stackError},
 * which stops the core (the driver reports it). Operands of
 * control ops come from the lowest active lane. State updates at the end of the execute cycle.
 */
public final class WarpControl extends HwModule {
    public final WarpControlIO io;
    private Bool stackFull;

    public WarpControl(SimtConfig cfg, int coreId) {
        io = io("io", new WarpControlIO(cfg));
        int w = cfg.warps(), t = cfg.threads(), wb = cfg.warpBits(), lb = cfg.laneBits(), bb = cfg.barrierBits();
        // At reset only warp 0, thread 0 runs.
        List<Bool> act0 = new ArrayList<>();
        List<UInt> mask0 = new ArrayList<>();
        for (int i = 0; i < w; i++) {
            act0.add(lit(i == 0));
            mask0.add(lit(i == 0 ? 1 : 0, t));
        }
        Vec<Bool> active = regInit("active", vecOf(act0));
        Vec<UInt> pc = regInit("pc", vecOf(SimtUtil.repeat(w, () -> lit(SimtConfig.GLOBAL_BASE, 32))));
        Vec<UInt> mask = regInit("mask", vecOf(mask0));
        Vec<Bool> busy = regInit("busy", vecOf(SimtUtil.repeat(w, () -> lit(false))));
        Vec<Bool> atBar = regInit("atBarrier", vecOf(SimtUtil.repeat(w, () -> lit(false))));
        Vec<UInt> barOf = regInit("barrierOf", vecOf(SimtUtil.repeat(w, () -> lit(0, bb))));
        Vec<UInt> barCount = regInit("barrierCount", vecOf(SimtUtil.repeat(cfg.barriers(), () -> lit(0, 6))));
        Vec<UInt> sp = regInit("sp", vecOf(SimtUtil.repeat(w, () -> lit(0, cfg.stackBits()))));
        Mem<UInt> stack = mem("stack", w * cfg.stackDepth(), UInt(t + 33));
        List<Vec<UInt>> csrs = new ArrayList<>();
        for (int c : PLAIN_CSRS) csrs.add(regInit(String.format("csr%03x", c), vecOf(SimtUtil.repeat(w, () -> lit(0, 32)))));
        UInt cycle = regInit("cycle", lit(0, 64));
        connect(cycle, add(cycle, lit(1, 64)));

        UInt ew = io.exWarp;
        UInt leader = lit(0, lb);
        for (int l = t - 1; l >= 0; l--) leader = mux(bit(io.exMask, l), lit(l, lb), leader);
        UInt ld = node("leader", leader);
        UInt la = node("leaderA", pick(io.a, ld)), lbv = node("leaderB", pick(io.b, ld));
        Bool lcond = node("leaderCond", pick(io.cond, ld));
        UInt kind = io.kind, f3 = io.funct3;
        Bool isSimt = isKind(kind, Kind.SIMT);
        Bool disagree = lit(false);
        UInt pred = lit(0, 1);
        for (int l = 0; l < t; l++) {
            disagree = or(disagree, and(bit(io.exMask, l), xor(io.cond.apply(l), lcond)));
            Bool p = neq(io.a.apply(l), lit(0, 32));
            pred = l == 0 ? asUInt(p) : cat(asUInt(p), pred);
        }
        connect(io.divergentBranch, and(and(io.exValid, isKind(kind, Kind.BRANCH)), disagree));
        UInt taken = node("predTaken", and(io.exMask, pred));
        UInt notTaken = node("predNotTaken", and(io.exMask, not(pred)));
        Bool diverges = node("diverges", and(orR(taken), orR(notTaken)));
        UInt pc4 = add(io.exPc, lit(4, 32));
        UInt target = add(io.exPc, io.imm);
        Vec<UInt> mtvec = csr(csrs, CSR_MTVEC), mepc = csr(csrs, CSR_MEPC), mcause = csr(csrs, CSR_MCAUSE);

        UInt next = pc4;
        next = mux(isKind(kind, Kind.JAL), target, next);
        next = mux(isKind(kind, Kind.JALR), and(add(la, io.imm), lit(0xFFFF_FFFEL, 32)), next);
        next = mux(and(isKind(kind, Kind.BRANCH), lcond), target, next);
        Bool trap = or(or(isKind(kind, Kind.ECALL), isKind(kind, Kind.EBREAK)), isKind(kind, Kind.ILLEGAL));
        UInt handler = node("trapHandler", and(pick(mtvec, ew), lit(0xFFFF_FFFCL, 32)));  // direct mode: BASE
        connect(io.trapHandler, handler);
        next = mux(trap, handler, next);
        next = mux(isKind(kind, Kind.MRET), pick(mepc, ew), next);
        UInt spW = node("spW", pick(sp, ew));
        UInt base = cfg.warps() == 1 ? lit(0, 1) : ew;
        UInt top = node("stackTop", read(stack, cat(base, low(sub(spW, lit(1, cfg.stackBits())), cfg.stackIndexBits()))));
        Bool isJoin = and(isSimt, eq(f3, lit(Op.JOIN.simtFunct3(), 3)));
        Bool joinToken = and(isJoin, neq(la, lit(0, 32)));
        Bool popping = node("popping", and(joinToken, neq(spW, lit(0, cfg.stackBits()))));
        Bool isSplit = and(isSimt, eq(f3, lit(Op.SPLIT.simtFunct3(), 3)));
        Bool full = stackFull = gt(add(pad(spW, cfg.stackBits() + 1), lit(2, cfg.stackBits() + 1)), lit(cfg.stackDepth(), cfg.stackBits() + 1));
        Bool stackError = regInit("stackError", lit(false));
        when(and(io.exValid, or(and(and(isSplit, diverges), full), and(joinToken, not(popping)))),
                () -> connect(stackError, lit(true)));
        connect(io.stackError, stackError);
        next = mux(and(popping, bit(top, t + 32)), bits(top, t + 31, t), next);
        UInt nextPc = node("nextPc", next);
        // fence.i also refetches (its instruction buffer may hold a word fetched before the stores landed)
        Bool fenceI = and(isKind(kind, Kind.FENCE), eq(f3, lit(1, 3)));
        connect(io.redirect, and(io.exValid, or(or(neq(nextPc, pc4), isSimt), fenceI)));

        when(io.exValid, () -> {
            connect(pick(busy, ew), lit(false));
            connect(pick(pc, ew), nextPc);
            when(trap, () -> {
                connect(pick(mepc, ew), io.exPc);
                connect(pick(mcause, ew), io.trapCause);
                connect(pick(csr(csrs, CSR_MTVAL), ew), io.trapValue);
            });
            when(io.stopWarp, () -> connect(pick(active, ew), lit(false)));
            when(isKind(kind, Kind.CSR), () -> writeCsr(csrs, ew, f3, io.csr, io.rs1Field, la));
            when(isSimt, () -> simt(cfg, active, pc, mask, atBar, barOf, barCount, sp, stack, spW, top, la, lbv,
                    taken, notTaken, diverges, popping, pc4));
        });
        when(io.issue, () -> connect(pick(busy, io.issueWarp), lit(true)));

        // ---- outputs: state, CSR reads / split tokens per lane ----------------------------------------
        UInt act = lit(0, 1), bars = lit(0, 1), busys = lit(0, 1);
        for (int i = 0; i < w; i++) {
            act = i == 0 ? asUInt(active.apply(i)) : cat(asUInt(active.apply(i)), act);
            bars = i == 0 ? asUInt(atBar.apply(i)) : cat(asUInt(atBar.apply(i)), bars);
            busys = i == 0 ? asUInt(busy.apply(i)) : cat(asUInt(busy.apply(i)), busys);
            connect(io.ready.apply(i), and(active.apply(i), not(or(busy.apply(i), atBar.apply(i)))));
        }
        connect(io.activeBits, act);
        connect(io.barrierBits, bars);
        connect(io.busyBits, busys);
        connect(io.pc, pc);
        connect(io.mask, mask);
        connect(io.reportMepc, pick(mepc, io.reportWarp));
        connect(io.reportMcause, pick(mcause, io.reportWarp));
        connect(io.reportMtval, pick(csr(csrs, CSR_MTVAL), io.reportWarp));
        UInt warpVal = lit(0, 32);
        for (int k = 0; k < PLAIN_CSRS.length; k++) warpVal = csrCase(io.csr, PLAIN_CSRS[k], pick(csrs.get(k), ew), warpVal);
        warpVal = csrCase(io.csr, CSR_WARP_ID, pad(ew, 32), warpVal);
        warpVal = csrCase(io.csr, CSR_THREAD_MASK, pad(io.exMask, 32), warpVal);
        warpVal = csrCase(io.csr, CSR_NUM_THREADS, lit(t, 32), warpVal);
        warpVal = csrCase(io.csr, CSR_NUM_WARPS, lit(w, 32), warpVal);
        warpVal = csrCase(io.csr, CSR_CORE_ID, lit(coreId, 32), warpVal);
        warpVal = csrCase(io.csr, CSR_NUM_CORES, lit(cfg.cores(), 32), warpVal);
        warpVal = csrCase(io.csr, CSR_SHARED_BYTES, lit(cfg.sharedBytes(), 32), warpVal);
        for (int c : new int[] {CSR_CYCLE, CSR_MCYCLE}) warpVal = csrCase(io.csr, c, bits(cycle, 31, 0), warpVal);
        for (int c : new int[] {CSR_CYCLEH, CSR_MCYCLEH}) warpVal = csrCase(io.csr, c, bits(cycle, 63, 32), warpVal);
        for (int c : new int[] {CSR_INSTRET, CSR_MINSTRET}) warpVal = csrCase(io.csr, c, bits(io.instret, 31, 0), warpVal);
        for (int c : new int[] {CSR_INSTRETH, CSR_MINSTRETH}) warpVal = csrCase(io.csr, c, bits(io.instret, 63, 32), warpVal);
        UInt warpValue = node("csrWarpValue", warpVal);
        UInt token = SimtUtil.widen(diverges, 32);
        for (int l = 0; l < t; l++) {
            UInt v = csrCase(io.csr, CSR_THREAD_ID, lit(l, 32), warpValue);
            v = csrCase(io.csr, CSR_MHARTID, low(add(pad(mul(ew, lit(t, 6)), 32), lit(l, 32)), 32), v);
            connect(io.laneValue.apply(l), mux(isSimt, token, v));
        }
    }

    private void simt(SimtConfig cfg, Vec<Bool> active, Vec<UInt> pc, Vec<UInt> mask, Vec<Bool> atBar, Vec<UInt> barOf,
                      Vec<UInt> barCount, Vec<UInt> sp, Mem<UInt> stack, UInt spW, UInt top, UInt la, UInt lbv,
                      UInt taken, UInt notTaken, Bool diverges, Bool popping, UInt pc4) {
        int t = cfg.threads(), w = cfg.warps(), bb = cfg.barrierBits(), sb = cfg.stackBits();
        UInt ew = io.exWarp, f3 = io.funct3;
        UInt base = w == 1 ? lit(0, 1) : ew;
        when(eq(f3, lit(Op.TMC.simtFunct3(), 3)), () -> {
            connect(pick(mask, ew), low(la, t));
            connect(pick(active, ew), orR(low(la, t)));
        }).elsewhen(() -> eq(f3, lit(Op.WSPAWN.simtFunct3(), 3)), () -> {
            for (int i = 1; i < w; i++) {
                final int ii = i;
                when(and(and(neq(ew, lit(i, cfg.warpBits())), not(active.apply(i))), gt(la, lit(i, 32))), () -> {
                    connect(active.apply(ii), lit(true));
                    connect(pc.apply(ii), lbv);
                    connect(mask.apply(ii), lit(1, t));
                });
            }
        }).elsewhen(() -> eq(f3, lit(Op.SPLIT.simtFunct3(), 3)), () -> when(and(diverges, not(stackFull)), () -> {
            UInt idx = low(spW, cfg.stackIndexBits());
            write(stack, cat(base, idx), cat(lit(0, 33), io.exMask));
            write(stack, cat(base, low(add(idx, lit(1, cfg.stackIndexBits())), cfg.stackIndexBits())),
                    cat(lit(1, 1), pc4, notTaken));
            connect(pick(sp, ew), add(spW, lit(2, sb)));
            connect(pick(mask, ew), taken);
        })).elsewhen(() -> eq(f3, lit(Op.JOIN.simtFunct3(), 3)), () -> when(popping, () -> {
            connect(pick(sp, ew), sub(spW, lit(1, sb)));
            connect(pick(mask, ew), low(top, t));
        })).elsewhen(() -> eq(f3, lit(Op.BAR.simtFunct3(), 3)), () -> {
            UInt id = low(la, bb);
            UInt arrived = add(pick(barCount, id), lit(1, 6));
            when(ge(pad(arrived, 32), lbv), () -> {
                for (int i = 0; i < w; i++) {
                    final int ii = i;
                    when(eq(barOf.apply(i), id), () -> connect(atBar.apply(ii), lit(false)));
                }
                connect(pick(barCount, id), lit(0, 6));
            }).otherwise(() -> {
                connect(pick(atBar, ew), lit(true));
                connect(pick(barOf, ew), id);
                connect(pick(barCount, id), arrived);
            });
        }).elsewhen(() -> eq(f3, lit(Op.PRED.simtFunct3(), 3)), () ->
                connect(pick(mask, ew), mux(orR(taken), taken, low(lbv, t))));
    }

    private static void writeCsr(List<Vec<UInt>> csrs, UInt ew, UInt f3, UInt csr, UInt rs1Field, UInt la) {
        UInt src = mux(bit(f3, 2), pad(rs1Field, 32), la);
        Bool doWrite = or(eq(bits(f3, 1, 0), lit(1, 2)), neq(rs1Field, lit(0, 5)));
        for (int k = 0; k < PLAIN_CSRS.length; k++) {
            Vec<UInt> reg = csrs.get(k);
            UInt old = pick(reg, ew);
            UInt nv = mux(eq(bits(f3, 1, 0), lit(1, 2)), src, mux(eq(bits(f3, 1, 0), lit(2, 2)), or(old, src), and(old, not(src))));
            when(and(doWrite, eq(csr, lit(PLAIN_CSRS[k], 12))), () -> connect(pick(reg, ew), nv));
        }
    }

    private static Vec<UInt> csr(List<Vec<UInt>> csrs, int number) {
        for (int k = 0; k < PLAIN_CSRS.length; k++) if (PLAIN_CSRS[k] == number) return csrs.get(k);
        throw new IllegalArgumentException("not a plain CSR: " + number);
    }

    private static UInt csrCase(UInt csr, int number, UInt value, UInt otherwise) {
        return mux(eq(csr, lit(number, 12)), value, otherwise);
    }

    static Bool isKind(UInt kind, Kind k) { return SimtUtil.isKind(kind, k); }
}
