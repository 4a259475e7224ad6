package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Instruction fetch: the on-chip instruction memory ({@code imem}, one read port) and a one-entry
 * instruction buffer per warp. Each cycle one active warp with an empty buffer is picked
 * round-robin and its next instruction is read (combinational read, buffered at the edge): at its
 * PC, or at PC + 4 while its current instruction is in execute (sequential prefetch). The execute
 * stage flushes a warp's buffer when that warp does not continue at PC + 4 ({@code redirect}).
 * Issue consumes the buffer. Latency: a straight-line warp can issue every other cycle; a taken
 * branch costs one more cycle. A PC outside the imem or not word-aligned fetches the illegal word 0,
 * which traps ({@link TrapUnit}: instruction access fault or misaligned fetch). Simplification: the
 * imem is not banked; a misaligned jump target traps at the target, not at the jump.
 * Self-modifying code: every store beat accepted by off-chip memory whose offset lies in the code
 * region (below imemBytes, where the loader put the same bytes) is also written into the imem, by
 * byte (write-through, one read-modify-write port per word of the beat), so after fence.i (which waits for the
 * LSU to drain and refetches) the new code runs.
 */
public final class FetchUnit extends HwModule {
    public static final class FetchUnitIO extends HwBundle {
        public final UInt active, busy;
        public final Vec<UInt> pc;
        public final Bool issue = in(Bool());
        public final UInt issueWarp;
        public final Bool redirect = in(Bool());
        public final UInt redirectWarp;
        public final Bool loadWrite = in(Bool());
        public final UInt loadAddr = in(UInt(32)), loadData = in(UInt(32));
        /** A store beat accepted by off-chip memory (offset address, data, byte mask): written through when it hits the code. */
        public final Bool snoopValid = in(Bool());
        public final UInt snoopAddr = in(UInt(32)), snoopData, snoopMask;
        public final Vec<UInt> inst;
        public final UInt valid;

        public FetchUnitIO(SimtConfig cfg) {
            super(cfg);
            int w = cfg.warps();
            active = in(UInt(w));
            busy = in(UInt(w));
            pc = in(Vec(w, UInt(32)));
            issueWarp = in(UInt(cfg.warpBits()));
            redirectWarp = in(UInt(cfg.warpBits()));
            snoopData = in(UInt(cfg.offchip().beatBits()));
            snoopMask = in(UInt(cfg.offchip().busBytes()));
            inst = out(Vec(w, UInt(32)));
            valid = out(UInt(w));
        }
    }

    public final FetchUnitIO io;

    public FetchUnit(SimtConfig cfg) {
        io = io("io", new FetchUnitIO(cfg));
        int w = cfg.warps(), wb = cfg.warpBits();
        Mem<UInt> imem = mem("imem", cfg.imemWords(), UInt(32));
        when(io.loadWrite, () -> write(imem, bits(io.loadAddr, cfg.imemAddrBits() + 1, 2), io.loadData));
        writeThrough(cfg, imem);
        Vec<Bool> valid = regInit("ibValid", vecOf(SimtUtil.repeat(w, () -> lit(false))));
        Vec<UInt> buf = reg("ibInst", Vec(w, UInt(32)));
        UInt cand = lit(0, 1);
        for (int i = 0; i < w; i++) {
            Bool c = and(bit(io.active, i), not(valid.apply(i)));
            cand = i == 0 ? asUInt(c) : cat(asUInt(c), cand);
        }
        Scheduler pickOne = instance("scheduler", () -> new Scheduler(cfg));
        connect(pickOne.io.eligible, node("candidates", cand));
        Bool fetch = node("fetch", pickOne.io.valid);
        UInt fw = node("fetchWarp", pickOne.io.sel);
        UInt pc = SimtUtil.pick(io.pc, fw);
        UInt addr = node("fetchPc", mux(SimtUtil.bitAt(io.busy, fw), add(pc, lit(4, 32)), pc));
        // outside the imem or misaligned: the illegal word 0 (TrapUnit reports a fetch fault)
        UInt word = node("fetchInst", mux(SimtUtil.inImem(cfg, addr), read(imem, bits(addr, cfg.imemAddrBits() + 1, 2)), lit(0, 32)));
        when(fetch, () -> {
            connect(SimtUtil.pick(buf, fw), word);
            connect(SimtUtil.pick(valid, fw), lit(true));
        });
        when(io.issue, () -> connect(SimtUtil.pick(valid, io.issueWarp), lit(false)));
        when(io.redirect, () -> connect(SimtUtil.pick(valid, io.redirectWarp), lit(false)));  // last: wins over a fetch
        UInt v = lit(0, 1);
        for (int i = 0; i < w; i++) v = i == 0 ? asUInt(valid.apply(i)) : cat(asUInt(valid.apply(i)), v);
        connect(io.valid, v);
        connect(io.inst, buf);
    }

    /**
     * Stores to the code region (off-chip offsets below imemBytes) are written into the imem too: per
     * word of the beat a read-modify-write under the byte mask (a read port whose address moves only
     * for such stores, so ordinary stores cost no imem access).
     */
    private void writeThrough(SimtConfig cfg, Mem<UInt> imem) {
        int ab = cfg.imemAddrBits();
        Bool inCode = node("storeToCode", and(io.snoopValid, eq(shr(io.snoopAddr, ab + 2), lit(0, 32 - ab - 2))));
        for (int k = 0; k < cfg.offchip().busBytes() / 4; k++) {
            UInt wordMask = bits(io.snoopMask, 4 * k + 3, 4 * k);
            Bool hit = node("codeStore" + k, and(inCode, orR(wordMask)));
            UInt word = node("codeWord" + k, mux(hit, low(add(bits(io.snoopAddr, ab + 1, 2), lit(k, ab)), ab), lit(0, ab)));
            UInt merged = AccessGeometry.merge(read(imem, word), bits(io.snoopData, 32 * k + 31, 32 * k), wordMask);
            when(hit, () -> write(imem, word, merged));
        }
    }
}
