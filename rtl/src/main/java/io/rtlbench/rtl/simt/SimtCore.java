package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIMT core: W warps of T threads in lock-step, RV32IM + Zicsr + the custom-0 SIMT ops. This
 * file wires the stages; each stage is its own file:
 * FETCH ({@link FetchUnit}: one imem read per cycle into per-warp instruction buffers) -> ISSUE
 * ({@link IssueStage}: {@link Scoreboard}, LSU/divider availability, round-robin {@link Scheduler},
 * register-file read) -> EXECUTE ({@link ExecuteStage}: {@link Decoder}, T {@link Lane}s,
 * {@link WarpControl} for branches, CSRs and SIMT ops) -> WRITEBACK ({@link Writeback}), or, for
 * loads/stores and divisions, the {@link Lsu} and the iterative {@link Divider}, which write back
 * later through their own register-file ports (their destination registers wait on the scoreboard
 * meanwhile). {@link TohostMonitor} and {@link PerfCounters} watch. Register files: {@code regFile<lane>},
 * one memory per lane. A warp has at most one instruction in ISSUE/EXECUTE, so one warp issues
 * every other cycle and two or more warps can fill every cycle. The core is done when tohost was
 * written (and the LSU drained), when every warp stopped, on a divergence-stack error, or on a trap
 * without a handler ({@link TrapUnit}).
 * Simplifications: a branch whose active lanes disagree follows the lowest active lane (kernels use
 * SPLIT/JOIN or PRED; such branches are counted in {@code divergentBranches}); no caches; CSRs are
 * per warp, written from the lowest active lane; up to {@link SimtConfig#LSU_SLOTS} memory
 * instructions and one division in flight per core.
 */
public final class SimtCore extends HwModule {
    public final SimtCoreIO io;

    public SimtCore(SimtConfig cfg) { this(cfg, 0); }

    /** Core {@code coreId} of a GPU of {@code cfg.cores()} cores (the core-id CSR reads it). */
    public SimtCore(SimtConfig cfg, int coreId) {
        io = io("io", new SimtCoreIO(cfg));
        int w = cfg.warps(), t = cfg.threads();
        List<Mem<UInt>> rf = new ArrayList<>();
        for (int l = 0; l < t; l++) rf.add(mem("regFile" + l, cfg.regWords(), UInt(32), EnergyRole.REGFILE));

        WarpControl ctl = instance("warpControl", () -> new WarpControl(cfg, coreId));
        Lsu lsu = instance("lsu", () -> new Lsu(cfg));
        connectByName(io.mem, lsu.io.mem);
        Scheduler sched = instance("issueScheduler", () -> new Scheduler(cfg));
        FetchUnit fetch = instance("fetchUnit", EnergyRole.INSTRUCTION, () -> new FetchUnit(cfg));
        connect(fetch.io.loadWrite, io.imemWrite);
        connect(fetch.io.loadAddr, io.imemWriteAddr);
        connect(fetch.io.loadData, io.imemWriteData);
        connect(fetch.io.snoopValid, io.snoopValid);
        connect(fetch.io.snoopAddr, io.snoopAddr);
        connect(fetch.io.snoopData, io.snoopData);
        connect(fetch.io.snoopMask, io.snoopMask);
        connect(fetch.io.active, ctl.io.activeBits);
        connect(fetch.io.busy, ctl.io.busyBits);
        connect(fetch.io.pc, ctl.io.pc);
        connect(fetch.io.redirect, ctl.io.redirect);
        connect(fetch.io.redirectWarp, ctl.io.exWarp);
        PerfCounters perf = instance("perfCounters", EnergyRole.EXTERNAL, () -> new PerfCounters(cfg));
        Divider divider = instance("divider", EnergyRole.COMPUTE, () -> new Divider(cfg));

        TensorUnit tensor = cfg.datapath().hasTensor() ? instance("tensorUnit", EnergyRole.COMPUTE, () -> new TensorUnit(cfg)) : null;

        IssueStage issue = new IssueStage(cfg, rf, ctl, lsu, sched, fetch, divider, tensor);
        IssueStage.Latch ex = issue.ex;
        ExecuteStage exec = new ExecuteStage(cfg, ex, ctl, perf);
        Writeback.build(cfg, rf, ex, issue.exIsDiv, issue.exIsMma, exec, ctl, lsu, divider, tensor);
        exec.handOff(ex, issue.exIsDiv, issue.exIsMma, lsu, divider, tensor);
        var lsuWb = new Scoreboard.Writeback(lsu.io.wbValid, lsu.io.wbWarp, lsu.io.wbRd);
        var divWb = new Scoreboard.Writeback(divider.io.wbValid, divider.io.wbWarp, divider.io.wbRd);
        if (tensor == null)
            issue.scoreboard.update(ex.warp(), exec.memStart, exec.isLoad, issue.exIsDiv, exec.dec.io.writesRd, exec.dec.io.rd, lsuWb, divWb);
        else
            issue.scoreboard.update(ex.warp(), exec.memStart, exec.isLoad, issue.exIsDiv, exec.dec.io.writesRd, exec.dec.io.rd, lsuWb, divWb,
                    issue.exIsMma, new Scoreboard.Writeback(tensor.io.wbValid, tensor.io.wbWarp, tensor.io.wbRd));
        TohostMonitor tohost = new TohostMonitor(cfg, ex, exec, io.tohostAddr);
        connect(io.tohostValid, tohost.valid);
        connect(io.tohostValue, tohost.value);
        TrapUnit traps = new TrapUnit(cfg, ex, exec.kind, ctl);
        connect(io.trapped, traps.trapped);
        connect(io.trapWarp, traps.warp);
        connect(io.trapMcause, ctl.io.reportMcause);
        connect(io.trapMepc, ctl.io.reportMepc);
        connect(io.trapMtval, ctl.io.reportMtval);
        Bool unitsBusy = or(lsu.io.busy, divider.io.busy);
        if (tensor != null) unitsBusy = or(unitsBusy, not(tensor.io.ready));
        Bool idle = and(not(orR(ctl.io.activeBits)), and(not(ex.valid()), not(unitsBusy)));
        connect(io.done, or(or(or(and(tohost.valid, not(lsu.io.busy)), idle), ctl.io.stackError), traps.trapped));
        connect(io.stackError, ctl.io.stackError);

        connect(perf.io.issue, issue.issue);
        connect(perf.io.exValid, ex.valid());
        connect(perf.io.exMask, ex.mask());
        Bool isMul = and(isKind(exec.kind, Kind.ALU), and(bit(ex.inst(), 25), eq(bits(ex.inst(), 6, 0), lit(0x33, 7))));
        if (cfg.datapath().hasDp4a()) isMul = or(isMul, and(isKind(exec.kind, Kind.ALU), eq(bits(ex.inst(), 6, 0), lit(0x2B, 7))));
        connect(perf.io.isMul, isMul);
        if (tensor != null) connect(perf.io.tensorComputing, tensor.io.computing);
        connect(perf.io.sbStall, orR(issue.scoreboardWait));
        connect(perf.io.memStall, orR(issue.memoryWait));
        connect(perf.io.barStall, orR(ctl.io.barrierBits));
        connect(perf.io.divergentBranch, ctl.io.divergentBranch);
        connectByName(io, perf.io);  // the counters
        connect(io.warpPc, ctl.io.pc);
        connect(io.warpMask, ctl.io.mask);
        for (int i = 0; i < w; i++) {
            connect(io.warpActive.apply(i), bit(ctl.io.activeBits, i));
            connect(io.warpAtBarrier.apply(i), bit(ctl.io.barrierBits, i));
        }
    }
}
