package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.hw.PortGroup;
import io.rtlbench.rtl.mem.OffChipPort;

/**
 * The systolic inference core. A dispatcher reads the command memory {@code cmds} (128-bit
 * {@link Cmd} words, written by the host through {@code cmdWrite} or through the emulator backdoor)
 * from address 0 after reset and hands each command, in order, to the queue of its unit once its
 * WAIT_DMA / WAIT_COMPUTE completion counts are reached and the queue has room: {@value #DMA_QUEUE}
 * commands for the DMA engine (CONFIG, MVIN, MVOUT), {@value #EXEC_QUEUE} for the execute unit
 * (PRELOAD, COMPUTE; WS or OS by config). So a busy unit does not hold up the other's commands, and
 * loads, compute and stores overlap as far as the compiler's waits allow. END raises {@code done}
 * once both queues are empty and both units idle. Counters ({@link SystolicCounter}, 64-bit) run from reset to done: cycles, array-busy cycles, real MACs, commands,
 * array-idle cycles by the cause the head command waits for, and cycles the DMA is held off by the
 * off-chip bandwidth limit. Dispatch: one command per cycle at most. Completions are counted in 32
 * bits; waits compare the low 16 bits modulo 2^16 ({@link Cmd}), so programs may be of any length up to
 * the command memory. {@code stopHit} is high once {@code stopAfterComputes} (non-zero) COMPUTE
 * commands have completed: a breakpoint the host can run to (sampled emulation measures a tile
 * between two of them); it does not affect execution.
 */
public final class SystolicCore extends HwModule {
    /** Depths of the per-unit command queues. */
    public static final int DMA_QUEUE = 4, EXEC_QUEUE = 4;

    public static final class CoreIO extends HwBundle {
        public final OffChipPort port;
        public final Bool cmdWrite = in(Bool());
        public final UInt cmdAddr = in(UInt(32));
        public final UInt cmdData = in(UInt(Cmd.BITS));
        public final Bool done = out(Bool());
        public final PortGroup<SystolicCounter> counters = PortGroup.outputs(SystolicCounter.CORE);
        public final UInt stopAfterComputes = in(UInt(32));
        public final Bool stopHit = out(Bool());

        public CoreIO(SystolicConfig cfg) {
            super(cfg);
            port = new OffChipPort(cfg.offchip());
        }
    }

    public final CoreIO io;

    static UInt f(UInt cmd, Cmd.Field fl) { return bits(cmd, fl.hi(), fl.lo); }

    public SystolicCore(SystolicConfig cfg) {
        io = io("io", new CoreIO(cfg));
        boolean mx = cfg.format() == NumberFormat.MXFP4;
        Scratchpad spadA = instance("spadA", () -> new Scratchpad(cfg.memories().spadRows(), cfg.rows(), cfg.busBytes(), cfg.packA(), mx));
        Scratchpad spadB = instance("spadB", () -> new Scratchpad(cfg.memories().spadRows(), cfg.cols(), cfg.busBytes(), cfg.packB()));
        Accumulator acc = instance("accumulator", () -> new Accumulator(cfg.memories().accRows(), cfg.cols(), cfg.busBytes(), cfg.packOut(),
                cfg.format().isFloat()));
        DmaEngine dma = instance("dma", () -> new DmaEngine(cfg));
        ExecIO ex = cfg.array().dataflow() == SystolicConfig.Dataflow.WS
                ? instance("executeUnit", () -> new WsExec(cfg.array())).io
                : instance("executeUnit", () -> new OsExec(cfg.array())).io;

        // ---- dispatcher -------------------------------------------------------------------------
        Mem<UInt> cmds = mem("cmds", cfg.cmdDepth(), UInt(Cmd.BITS), EnergyRole.INSTRUCTION);
        when(io.cmdWrite, () -> write(cmds, low(io.cmdAddr, SystolicConfig.log2(cfg.cmdDepth())), io.cmdData));
        UInt pc = regInit("pc", lit(0, 32));
        Bool done = regInit("doneReg", lit(false));
        UInt head = node("head", read(cmds, low(pc, SystolicConfig.log2(cfg.cmdDepth()))));
        UInt op = node("op", f(head, Cmd.Field.OP));
        UInt dmaDone = regInit("dmaDone", lit(0, 32)), computeDone = regInit("computeDone", lit(0, 32));
        // a wait is met when (done - wait) mod 2^16 < 2^15
        Bool dmaOk = node("dmaOk", not(bit(sub(low(dmaDone, 16), f(head, Cmd.Field.WAIT_DMA)), 15)));
        Bool computeOk = node("computeOk", not(bit(sub(low(computeDone, 16), f(head, Cmd.Field.WAIT_COMPUTE)), 15)));
        Bool ready = node("ready", and(and(dmaOk, computeOk), not(done)));
        Bool isDma = node("isDma", or(eq(op, lit(Cmd.Op.CONFIG.ordinal(), 4)),
                or(eq(op, lit(Cmd.Op.MVIN.ordinal(), 4)), eq(op, lit(Cmd.Op.MVOUT.ordinal(), 4)))));
        Bool isPre = node("isPre", eq(op, lit(Cmd.Op.PRELOAD.ordinal(), 4)));
        Bool isComp = node("isComp", eq(op, lit(Cmd.Op.COMPUTE.ordinal(), 4)));
        Bool isEnd = node("isEnd", eq(op, lit(Cmd.Op.END.ordinal(), 4)));
        CmdQueue dmaQ = instance("dmaQueue", EnergyRole.INSTRUCTION, () -> new CmdQueue(DMA_QUEUE));
        CmdQueue exQ = instance("executeQueue", EnergyRole.INSTRUCTION, () -> new CmdQueue(EXEC_QUEUE));
        Bool fire = node("fire", or(and(isDma, not(dmaQ.io.full)), and(or(isPre, isComp), not(exQ.io.full))));
        Bool dispatch = node("dispatch", and(ready, fire));
        connect(dmaQ.io.enq, and(dispatch, isDma));
        connect(dmaQ.io.enqData, head);
        connect(exQ.io.enq, and(dispatch, or(isPre, isComp)));
        connect(exQ.io.enqData, head);
        connect(dma.io.cmd, dmaQ.io.head);
        connect(dma.io.cmdValid, dmaQ.io.valid);
        connect(dmaQ.io.deq, dma.io.cmdReady);
        UInt exOp = node("exOp", f(exQ.io.head, Cmd.Field.OP));
        connect(ex.cmd, exQ.io.head);
        connect(ex.preValid, and(exQ.io.valid, eq(exOp, lit(Cmd.Op.PRELOAD.ordinal(), 4))));
        connect(ex.compValid, and(exQ.io.valid, eq(exOp, lit(Cmd.Op.COMPUTE.ordinal(), 4))));
        connect(exQ.io.deq, or(and(ex.preValid, ex.preReady), and(ex.compValid, ex.compReady)));
        Bool queuesEmpty = node("queuesEmpty", and(not(dmaQ.io.valid), not(exQ.io.valid)));
        Bool finish = node("finish", and(and(and(ready, isEnd), queuesEmpty), and(ex.idle, not(dma.io.busy))));
        when(dispatch, () -> connect(pc, add(pc, lit(1, 32))));
        when(finish, () -> connect(done, lit(true)));
        connect(dmaDone, add(dmaDone, pad(dma.io.completed, 32)));
        when(ex.computeDone, () -> connect(computeDone, add(computeDone, lit(1, 32))));
        connect(io.done, done);
        connect(io.stopHit, and(orR(io.stopAfterComputes), ge(computeDone, io.stopAfterComputes)));

        // ---- memories ---------------------------------------------------------------------------
        // off-chip port: requests out, responses in
        connectByName(io.port, dma.io.port);
        for (int t = 0; t < 2; t++) {
            Scratchpad s = t == 0 ? spadA : spadB;
            connect(s.io.wValid, and(dma.io.wValid, eq(dma.io.wTarget, lit(t, 2))));
            connect(s.io.wRow, dma.io.wRow);
            connect(s.io.wBank, dma.io.wBank);
            connect(s.io.wCount, dma.io.wCount);
            connect(s.io.wData, dma.io.wData);
        }
        connect(acc.io.dValid, and(dma.io.wValid, eq(dma.io.wTarget, lit(Cmd.Target.ACC.ordinal(), 2))));
        connect(acc.io.dRow, dma.io.wRow);
        connect(acc.io.dBank, dma.io.wBank);
        connect(acc.io.dData, dma.io.wData);
        connect(acc.io.rRow, dma.io.accRow);
        connect(dma.io.accData, acc.io.rData);
        connect(spadA.io.rRow, ex.aRow);
        connect(ex.aData, spadA.io.rData);
        if (mx) {
            connect(spadA.io.rRow2, ex.sRow);
            connect(ex.sData, spadA.io.rData2);
        }
        connect(spadB.io.rRow, ex.bRow);
        connect(ex.bData, spadB.io.rData);
        connect(acc.io.eValid, ex.eValid);
        connect(acc.io.eRow, ex.eRow);
        connect(acc.io.eAccumulate, ex.eAccumulate);
        connect(acc.io.eData, ex.eData);

        // ---- counters ---------------------------------------------------------------------------
        Bool running = node("running", not(done));
        counter("totalCycles", io.counters.get(SystolicCounter.TOTAL_CYCLES), running);
        counter("computeCycles", io.counters.get(SystolicCounter.COMPUTE_CYCLES), and(running, ex.busy));
        counter("commandCount", io.counters.get(SystolicCounter.COMMANDS), dispatch);
        // Stalls: cycles the array sits idle (not computing, not loading weights), by what holds it: a
        // queued COMPUTE waiting for its weight/output buffer, or, with nothing queued for the array,
        // what the dispatcher's head command waits for: the DMA (its data, or room in the DMA queue:
        // the memory side) or COMPUTE completion. Everything else idle (final stores after END was
        // reached, dispatch) is "other", so total = compute + the four stall counters.
        Bool idle = node("arrayIdle", and(running, not(ex.busy)));
        Bool headWaits = node("headWaits", and(and(idle, not(isEnd)), not(exQ.io.valid)));
        Bool waitDma = node("idleWaitDma", and(headWaits, or(not(dmaOk), and(isDma, dmaQ.io.full))));
        Bool waitCompute = node("idleWaitCompute", and(and(headWaits, not(waitDma)), not(computeOk)));
        Bool waitBuffer = node("idleWaitBuffer", and(idle, ex.bufferWait));
        counter("stallDmaWaitCount", io.counters.get(SystolicCounter.STALL_DMA_WAIT), waitDma);
        counter("stallComputeWaitCount", io.counters.get(SystolicCounter.STALL_COMPUTE_WAIT), waitCompute);
        counter("stallBufferCount", io.counters.get(SystolicCounter.STALL_BUFFER), waitBuffer);
        counter("stallOtherCount", io.counters.get(SystolicCounter.STALL_OTHER), and(idle, not(or(or(waitDma, waitCompute), waitBuffer))));
        counter("stallOffchipCount", io.counters.get(SystolicCounter.STALL_OFFCHIP), dma.io.offchipStall);
        UInt macs = regInit("macCount", lit(0, 64));
        connect(macs, add(macs, pad(ex.macs, 64)));
        connect(io.counters.get(SystolicCounter.MACS), macs);
    }

    private static void counter(String name, UInt out, Bool inc) {
        UInt c = regInit(name, lit(0, 64));
        when(inc, () -> connect(c, add(c, lit(1, 64))));
        connect(out, c);
    }
}
