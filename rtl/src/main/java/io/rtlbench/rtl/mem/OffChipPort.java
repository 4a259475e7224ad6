package io.rtlbench.rtl.mem;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;

/**
 * A core's port to off-chip memory, seen from the core (use {@code flipped(...)} on the memory
 * side). One beat of {@code busBytes} per accepted request ({@code reqValid && reqReady}); reads
 * return in order on {@code respValid}/{@code respData} exactly latency cycles later, and the core
 * must accept every response (no back-pressure): it may only have as many reads in flight as it can
 * absorb. Writes are posted (no response); {@code reqMask} holds one enable bit per byte.
 * {@code reqAddr} is a byte address aligned to busBytes.
 */
public final class OffChipPort extends HwBundle {
    public final Bool reqValid = out(Bool());
    public final Bool reqReady = in(Bool());
    public final Bool reqWrite = out(Bool());
    public final UInt reqAddr;
    public final UInt reqData;
    public final UInt reqMask;
    public final Bool respValid = in(Bool());
    public final UInt respData;

    public OffChipPort(OffChipConfig cfg) {
        super(cfg);
        reqAddr = out(UInt(cfg.addrBits()));
        reqData = out(UInt(cfg.beatBits()));
        reqMask = out(UInt(cfg.busBytes()));
        respData = in(UInt(cfg.beatBits()));
    }
}
