package io.rtlbench.rtl.mem;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-chip memory model (outside the cores; its energy is counted per byte, not per toggle).
 * Bandwidth: a credit counter gains bytesPerCycle each cycle up to busBytes; a request is accepted
 * only with busBytes of credit, so the sustained rate is bytesPerCycle. The rate can be changed
 * without a rebuild through the {@code bandwidth} input (bytes/cycle; 0 keeps the configured rate;
 * values above busBytes saturate at busBytes), so bandwidth sweeps reuse one emulator build. Latency: an accepted read
 * enters an in-flight queue stamped with its due cycle and leaves exactly latencyCycles later.
 * Writes are byte-masked read-modify-write in the accepting cycle. The backing store is the memory
 * {@code store} (backdoor-loaded by testbenches; byte i of a word sits in bits 8i+7..8i).
 * Counters: bytes read and written (full beats). Simplification: no banks, rows or refresh.
 */
public final class OffChipMemory extends HwModule {

    public static final class OffChipMemoryIO extends HwBundle {
        public final OffChipPort port;
        public final UInt bytesRead = out(UInt(64));
        public final UInt bytesWritten = out(UInt(64));
        /** Runtime bandwidth in bytes/cycle (values above busBytes saturate at busBytes); 0 = configured. */
        public final UInt bandwidth = in(UInt(8));

        public OffChipMemoryIO(OffChipConfig cfg) {
            super(cfg);
            port = flipped(new OffChipPort(cfg));
        }
    }

    public final OffChipMemoryIO io;

    public OffChipMemory(OffChipConfig cfg) {
        io = io("io", new OffChipMemoryIO(cfg));
        int creditBits = 32 - Integer.numberOfLeadingZeros(2 * cfg.busBytes());
        UInt credit = regInit("credit", lit(cfg.busBytes(), creditBits));
        Bool ready = node("ready", ge(credit, lit(cfg.busBytes(), creditBits)));
        Bool fire = node("fire", and(io.port.reqValid, ready));
        UInt spent = mux(fire, lit(cfg.busBytes(), creditBits), lit(0, creditBits));
        // Runtime bandwidth (the SoC's io_offchipBandwidth input): 0 means the configured rate; above the bus
        // width it saturates at busBytes (a full beat every cycle), never wraps in the credit counter's bits.
        UInt override = io.bandwidth;
        UInt clamped = mux(gt(override, lit(cfg.busBytes(), 8)), lit(cfg.busBytes(), creditBits), low(override, creditBits));
        UInt rate = node("rate", mux(orR(override), clamped, lit(cfg.bytesPerCycle(), creditBits)));
        UInt refilled = add(sub(credit, spent), rate);
        connect(credit, mux(gt(refilled, lit(cfg.busBytes(), creditBits)), lit(cfg.busBytes(), creditBits), refilled));
        connect(io.port.reqReady, ready);

        int wordBits = 64 - Long.numberOfLeadingZeros(cfg.words() - 1);
        Mem<UInt> store = mem("store", (int) cfg.words(), UInt(cfg.beatBits()));
        int shift = Integer.numberOfTrailingZeros(cfg.busBytes());
        UInt wordAddr = node("wordAddr", bits(io.port.reqAddr, shift + Math.max(wordBits, 1) - 1, shift));
        UInt old = node("old", read(store, wordAddr));
        List<UInt> byteMasks = new ArrayList<>();
        for (int i = cfg.busBytes() - 1; i >= 0; i--) byteMasks.add(fill(8, asUInt(bit(io.port.reqMask, i))));
        UInt bitMask = node("bitMask", cat(byteMasks.toArray(new UInt[0])));
        UInt merged = or(and(old, not(bitMask)), and(io.port.reqData, bitMask));
        when(and(fire, io.port.reqWrite), () -> write(store, wordAddr, merged));

        // In-flight reads: circular queue of (data, due cycle).
        int depth = cfg.inflightDepth(), ptrBits = Integer.numberOfTrailingZeros(depth);
        UInt now = regInit("now", lit(0, 32));
        connect(now, add(now, lit(1, 32)));
        Mem<UInt> inflightData = mem("inflightData", depth, UInt(cfg.beatBits()));
        Mem<UInt> inflightDue = mem("inflightDue", depth, UInt(32));
        UInt head = regInit("head", lit(0, ptrBits)), tail = regInit("tail", lit(0, ptrBits));
        UInt count = regInit("count", lit(0, ptrBits + 1));
        Bool issueRead = node("issueRead", and(fire, not(io.port.reqWrite)));
        when(issueRead, () -> {
            write(inflightData, tail, old);
            write(inflightDue, tail, add(now, lit(cfg.latencyCycles(), 32)));
            connect(tail, add(tail, lit(1, ptrBits)));
        });
        Bool due = node("due", and(orR(count), eq(read(inflightDue, head), now)));
        connect(io.port.respValid, due);
        connect(io.port.respData, read(inflightData, head));
        when(due, () -> connect(head, add(head, lit(1, ptrBits))));
        UInt plus = mux(issueRead, lit(1, ptrBits + 1), lit(0, ptrBits + 1));
        UInt minus = mux(due, lit(1, ptrBits + 1), lit(0, ptrBits + 1));
        connect(count, sub(add(count, plus), minus));

        UInt bytesRead = regInit("bytesRead", lit(0, 64)), bytesWritten = regInit("bytesWritten", lit(0, 64));
        when(issueRead, () -> connect(bytesRead, add(bytesRead, lit(cfg.busBytes(), 64))));
        when(and(fire, io.port.reqWrite), () -> connect(bytesWritten, add(bytesWritten, lit(cfg.busBytes(), 64))));
        connect(io.bytesRead, bytesRead);
        connect(io.bytesWritten, bytesWritten);
    }
}
