package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIMT core: W warps of T threads in lock-step, RV32IM + Zicsr + the custom-0 SIMT ops.
 * Pipeline: FETCH ({@link FetchUnit}: one imem read per cycle into per-warp instruction buffers);
 * ISSUE checks each buffered instruction against the per-warp register scoreboard (loads and
 * divisions in flight) and the LSU/divider, picks one eligible warp round-robin ({@link Scheduler})
 * and reads its T register files ({@code rf<lane>}, one memory per lane); EXECUTE runs T
 * {@link Lane}s, resolves branches, CSRs and SIMT ops ({@link WarpControl}) and writes back, or
 * hands loads/stores to the {@link Lsu} and divisions to the iterative {@link Divider}, which write
 * back later through their own register-file ports (their destination registers wait on the
 * scoreboard meanwhile). A warp has at most one instruction in ISSUE/EXECUTE, so one warp issues
 * every other cycle and two or more warps can fill every cycle.
 * Simplifications: a branch whose active lanes disagree follows the lowest active lane (kernels use
 * SPLIT/JOIN or PRED; such branches are counted in {@code divergentBranches}); no caches; CSRs are
 * per warp, written from the lowest active lane; up to {@link SimtConfig#LSU_SLOTS} memory
 * instructions and one division in flight per core.
 */
public final class SimtCore extends HwModule {
    public final SimtCoreIO io;

    public SimtCore(SimtConfig cfg) {
        io = io("io", new SimtCoreIO(cfg));
        int w = cfg.warps(), t = cfg.threads(), wb = cfg.warpBits();
        List<Mem<UInt>> rf = new ArrayList<>();
        for (int l = 0; l < t; l++) rf.add(mem("rf" + l, cfg.regWords(), UInt(32), EnergyRole.REGFILE));

        WarpControl ctl = instance("ctl", () -> new WarpControl(cfg));
        Lsu lsu = instance("lsu", () -> new Lsu(cfg));
        forward(lsu.io.mem, io.mem);
        Scheduler sched = instance("sched", () -> new Scheduler(cfg));
        FetchUnit fetch = instance("fetch", EnergyRole.INSTRUCTION, () -> new FetchUnit(cfg));
        connect(fetch.io.loadWrite, io.imemWrite);
        connect(fetch.io.loadAddr, io.imemWriteAddr);
        connect(fetch.io.loadData, io.imemWriteData);
        connect(fetch.io.active, ctl.io.activeBits);
        connect(fetch.io.busy, ctl.io.busyBits);
        connect(fetch.io.pc, ctl.io.pc);
        connect(fetch.io.redirect, ctl.io.redirect);
        connect(fetch.io.redirectWarp, ctl.io.exWarp);
        PerfCounters perf = instance("perf", EnergyRole.EXTERNAL, () -> new PerfCounters(cfg));
        Divider divider = instance("divider", EnergyRole.COMPUTE, () -> new Divider(cfg));

        // ---- ISSUE ----------------------------------------------------------------------------------
        Bool exValid = regInit("exValid", lit(false));
        UInt exWarp = reg("exWarp", UInt(wb)), exPc = reg("exPc", UInt(32)), exInst = reg("exInst", UInt(32));
        UInt exMask = reg("exMask", UInt(t));
        Vec<UInt> exA = reg("exA", Vec(t, UInt(32))), exB = reg("exB", Vec(t, UInt(32)));
        Vec<UInt> pending = regInit("pending", vecOf(repeat(w, () -> lit(0, 32))));
        Bool exIsMem = node("exIsMem", and(exValid, isMem(exInst)));
        // a memory instruction may issue while the LSU has a free slot for it (one may be in execute)
        Bool lsuBlocked = node("lsuBlocked", or(eq(lsu.io.slotsFree, lit(0, 8)), and(exIsMem, eq(lsu.io.slotsFree, lit(1, 8)))));
        Bool exIsDiv = node("exIsDiv", and(exValid, isDiv(exInst)));
        Bool divBlocked = node("divBlocked", or(divider.io.busy, exIsDiv));
        List<UInt> insts = new ArrayList<>();
        UInt elig = lit(0, 1), sbAny = lit(0, 1), memAny = lit(0, 1);
        for (int i = 0; i < w; i++) {
            UInt inst = node("ibuf" + i, fetch.io.inst.apply(i));
            insts.add(inst);
            UInt pend = pending.apply(i);
            Bool sb = or(or(bit(pend, bits(inst, 19, 15)), bit(pend, bits(inst, 24, 20))), bit(pend, bits(inst, 11, 7)));
            Bool ready = node("ready" + i, and(ctl.io.ready.apply(i), bit(fetch.io.valid, i)));
            Bool memWait = and(isMem(inst), lsuBlocked);
            sb = or(sb, and(isDiv(inst), divBlocked));  // waiting for the divider counts as a scoreboard stall
            Bool e = node("eligible" + i, and(ready, not(or(sb, memWait))));
            elig = i == 0 ? asUInt(e) : cat(asUInt(e), elig);
            sbAny = i == 0 ? asUInt(and(ready, sb)) : cat(asUInt(and(ready, sb)), sbAny);
            memAny = i == 0 ? asUInt(and(ready, memWait)) : cat(asUInt(and(ready, memWait)), memAny);
        }
        connect(sched.io.eligible, elig);
        Bool issue = node("issue", sched.io.valid);
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

        // ---- EXECUTE ------------------------------------------------------------------------------
        Decoder dec = instance("dec", EnergyRole.INSTRUCTION, Decoder::new);
        connect(dec.io.inst, exInst);
        UInt kind = dec.io.kind;
        Bool isJump = or(isKind(kind, Kind.JAL), isKind(kind, Kind.JALR));
        Bool pcOperand = or(isJump, isKind(kind, Kind.AUIPC));
        Bool immOperand = and(dec.io.useImm, not(or(isKind(kind, Kind.BRANCH), isKind(kind, Kind.STORE))));
        List<UInt> results = new ArrayList<>(), addrs = new ArrayList<>();
        List<Bool> conds = new ArrayList<>();
        for (int l = 0; l < t; l++) {
            final int ll = l;
            Lane lane = instance("lane" + l, EnergyRole.COMPUTE, Lane::new);
            connect(lane.io.fn, dec.io.alu);
            connect(lane.io.funct3, dec.io.funct3);
            connect(lane.io.a, mux(pcOperand, exPc, exA.apply(l)));
            connect(lane.io.b, mux(isJump, lit(4, 32), mux(immOperand, dec.io.imm, exB.apply(l))));
            conds.add(lane.io.cond);
            addrs.add(node("addr" + l, add(exA.apply(l), dec.io.imm)));
            results.add(lane.io.result);
        }
        connect(ctl.io.exValid, exValid);
        connect(ctl.io.exWarp, exWarp);
        connect(ctl.io.exPc, exPc);
        connect(ctl.io.exMask, exMask);
        connect(ctl.io.kind, kind);
        connect(ctl.io.funct3, dec.io.funct3);
        connect(ctl.io.csr, dec.io.csr);
        connect(ctl.io.rs1Field, dec.io.rs1);
        connect(ctl.io.imm, dec.io.imm);
        connect(ctl.io.a, exA);
        connect(ctl.io.b, exB);
        connect(ctl.io.cond, vecOf(conds));
        connect(ctl.io.instret, perf.io.warpInstrs);

        Bool isLoad = isKind(kind, Kind.LOAD), isStore = isKind(kind, Kind.STORE);
        Bool wbEx = node("wbEx", and(exValid, and(dec.io.writesRd, not(or(isLoad, exIsDiv)))));
        Bool useCsr = or(isKind(kind, Kind.CSR), isKind(kind, Kind.SIMT));
        for (int l = 0; l < t; l++) {
            final int ll = l;
            UInt value = mux(useCsr, ctl.io.laneValue.apply(l), results.get(l));
            when(and(wbEx, bit(exMask, l)), () -> write(rf.get(ll), cat(exWarp, dec.io.rd), value));
            when(and(lsu.io.wbValid, bit(lsu.io.wbMask, l)),
                    () -> write(rf.get(ll), cat(lsu.io.wbWarp, lsu.io.wbRd), lsu.io.wbData.apply(ll)));
            when(and(divider.io.wbValid, bit(divider.io.wbMask, l)),
                    () -> write(rf.get(ll), cat(divider.io.wbWarp, divider.io.wbRd), divider.io.wbData.apply(ll)));
        }

        // ---- memory hand-off, scoreboard, tohost --------------------------------------------------
        Bool memStart = node("memStart", and(exValid, or(isLoad, isStore)));
        connect(lsu.io.start, memStart);
        connect(lsu.io.warp, exWarp);
        connect(lsu.io.rd, dec.io.rd);
        connect(lsu.io.funct3, dec.io.funct3);
        connect(lsu.io.store, isStore);
        connect(lsu.io.mask, exMask);
        connect(lsu.io.addr, vecOf(addrs));
        connect(lsu.io.data, exB);
        connect(divider.io.start, exIsDiv);
        connect(divider.io.warp, exWarp);
        connect(divider.io.rd, dec.io.rd);
        connect(divider.io.funct3, dec.io.funct3);
        connect(divider.io.mask, exMask);
        connect(divider.io.a, exA);
        connect(divider.io.b, exB);
        UInt rdBit = low(shl(lit(1, 32), dec.io.rd), 32);
        UInt wbBit = low(shl(lit(1, 32), lsu.io.wbRd), 32);
        UInt divBit = low(shl(lit(1, 32), divider.io.wbRd), 32);
        Bool longOp = or(and(memStart, isLoad), exIsDiv);  // results that arrive later: on the scoreboard
        for (int i = 0; i < w; i++) {
            UInt set = mux(and(longOp, and(eq(exWarp, lit(i, wb)), dec.io.writesRd)), rdBit, lit(0, 32));
            UInt clr = or(mux(and(lsu.io.wbValid, eq(lsu.io.wbWarp, lit(i, wb))), wbBit, lit(0, 32)),
                    mux(and(divider.io.wbValid, eq(divider.io.wbWarp, lit(i, wb))), divBit, lit(0, 32)));
            connect(pending.apply(i), or(and(pending.apply(i), not(clr)), set));
        }
        Bool tohostHit = lit(false);
        UInt tohostData = lit(0, 32);
        for (int l = t - 1; l >= 0; l--) {
            Bool hit = and(bit(exMask, l), eq(addrs.get(l), io.tohostAddr));
            tohostData = mux(hit, exB.apply(l), tohostData);
            tohostHit = or(tohostHit, hit);
        }
        Bool tohostValid = regInit("tohostValid", lit(false));
        UInt tohostValue = regInit("tohostValue", lit(0, 32));
        UInt tohostLaneData = node("tohostData", tohostData);
        when(and(and(memStart, isStore), tohostHit), () -> {
            connect(tohostValid, lit(true));
            connect(tohostValue, tohostLaneData);
        });
        connect(io.tohostValid, tohostValid);
        connect(io.tohostValue, tohostValue);
        Bool idle = and(not(orR(ctl.io.activeBits)), and(not(exValid), not(or(lsu.io.busy, divider.io.busy))));
        connect(io.done, or(or(and(tohostValid, not(lsu.io.busy)), idle), ctl.io.stackError));
        connect(io.stackError, ctl.io.stackError);

        connect(perf.io.issue, issue);
        connect(perf.io.exValid, exValid);
        connect(perf.io.exMask, exMask);
        connect(perf.io.isMul, and(isKind(kind, Kind.ALU), and(bit(exInst, 25), eq(bits(exInst, 6, 0), lit(0x33, 7)))));
        connect(perf.io.sbStall, orR(sbAny));
        connect(perf.io.memStall, orR(memAny));
        connect(perf.io.barStall, orR(ctl.io.barrierBits));
        connect(perf.io.divergentBranch, ctl.io.divergentBranch);
        connect(io.cycles, perf.io.cycles);
        connect(io.warpInstrs, perf.io.warpInstrs);
        connect(io.threadInstrs, perf.io.threadInstrs);
        connect(io.mulCycles, perf.io.mulCycles);
        connect(io.mulLanes, perf.io.mulLanes);
        connect(io.stallScoreboard, perf.io.stallScoreboard);
        connect(io.stallMemory, perf.io.stallMemory);
        connect(io.stallBarrier, perf.io.stallBarrier);
        connect(io.stallDivergence, perf.io.stallDivergence);
        connect(io.divergentBranches, perf.io.divergentBranches);
        connect(io.warpPc, ctl.io.pc);
        connect(io.warpMask, ctl.io.mask);
        for (int i = 0; i < w; i++) {
            connect(io.warpActive.apply(i), bit(ctl.io.activeBits, i));
            connect(io.warpAtBarrier.apply(i), bit(ctl.io.barrierBits, i));
        }
    }
}
