package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.hw.HwBundle;

/**
 * IO of an execute unit ({@link WsExec} or {@link OsExec}): PRELOAD/COMPUTE commands in, reads of
 * both scratchpads, the accumulator's array-side write port, and status for the dispatcher and the
 * counters. {@code bufferWait}: a COMPUTE is offered and the streamer is free, but its weight buffer
 * is not loaded yet (WS) or its output buffer has not drained yet (OS). {@code eData} lanes are INT32
 * (INT8 arrays) or FP32 bits (floating-point formats).
 */
public final class ExecIO extends HwBundle {
    public final UInt cmd = in(UInt(Cmd.BITS));
    public final Bool preValid = in(Bool());
    public final Bool preReady = out(Bool());
    public final Bool compValid = in(Bool());
    public final Bool compReady = out(Bool());
    public final Bool bufferWait = out(Bool());
    public final UInt aRow = out(UInt(16));
    public final UInt aData;
    public final UInt bRow = out(UInt(16));
    public final UInt bData;
    public final Bool eValid = out(Bool());
    public final UInt eRow = out(UInt(16));
    public final Bool eAccumulate = out(Bool());
    public final Vec<SInt> eData;
    public final Bool computeDone = out(Bool());
    public final Bool idle = out(Bool());
    public final Bool busy = out(Bool());
    public final UInt macs = out(UInt(16));
    /** MXFP4: the second read port of scratchpad A (activation scales). */
    public final UInt sRow;
    public final UInt sData;

    public ExecIO(SystolicConfig.Array cfg) {
        super(cfg);
        aData = in(UInt(cfg.rows() * 8));
        bData = in(UInt(cfg.cols() * 8));
        eData = out(Vec(cfg.cols(), SInt(32)));
        boolean mx = cfg.format() == NumberFormat.MXFP4;
        sRow = mx ? out(UInt(16)) : null;
        sData = mx ? in(UInt(cfg.rows() * 8)) : null;
    }
}
