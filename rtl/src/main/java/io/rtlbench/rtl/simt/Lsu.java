package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtCore.pick;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.mem.OffChipPort;

/**
 * Load/store unit: one warp memory instruction at a time. Lanes whose address has top byte 0x70 go
 * to {@link SharedMemory} (all lanes in the first busy cycle); the others go off-chip through the
 * {@link OffChipPort}, coalesced: each cycle the lowest pending lane picks a bus beat and every
 * pending lane in the same beat rides along (one request per distinct beat, back to back, stores
 * merged under a byte mask). Read responses return in order; a FIFO of lane masks says which lanes
 * each beat serves. Timing: accepted at the end of execute; busy 2 cycles for shared memory only
 * (access, then write-back) or until the last off-chip response (about latency + beats); the load
 * result is written back in the last busy cycle ({@code wbValid}). Global addresses are taken modulo
 * the off-chip size (no access faults). Simplifications: no misaligned accesses; no overlap
 * between instructions; no caches.
 */
public final class Lsu extends HwModule {
    public static final class LsuIO extends HwBundle {
        public final Bool start = in(Bool());
        public final UInt warp, rd = in(UInt(5)), funct3 = in(UInt(3));
        public final Bool store = in(Bool());
        public final UInt mask;
        public final Vec<UInt> addr, data;
        public final Bool busy = out(Bool());
        public final Bool wbValid = out(Bool());
        public final UInt wbWarp, wbRd = out(UInt(5)), wbMask;
        public final Vec<UInt> wbData;
        public final OffChipPort mem;

        public LsuIO(SimtConfig cfg) {
            super(cfg);
            int t = cfg.threads();
            warp = in(UInt(cfg.warpBits()));
            mask = in(UInt(t));
            addr = in(Vec(t, UInt(32)));
            data = in(Vec(t, UInt(32)));
            wbWarp = out(UInt(cfg.warpBits()));
            wbMask = out(UInt(t));
            wbData = out(Vec(t, UInt(32)));
            mem = new OffChipPort(cfg.offchip());
        }
    }

    public final LsuIO io;

    public Lsu(SimtConfig cfg) {
        io = io("io", new LsuIO(cfg));
        int t = cfg.threads(), lb = cfg.laneBits();
        OffChipConfig oc = cfg.offchip();
        int beatShift = Integer.numberOfTrailingZeros(oc.busBytes());
        int offBits = Integer.numberOfTrailingZeros((int) oc.sizeBytes());
        Bool busy = regInit("busy", lit(false)), fresh = regInit("fresh", lit(false));
        UInt warp = reg("warpR", UInt(cfg.warpBits())), rd = reg("rdR", UInt(5)), f3 = reg("f3R", UInt(3));
        Bool store = reg("storeR", Bool());
        UInt mask = reg("maskR", UInt(t));
        Vec<UInt> addr = reg("addrR", Vec(t, UInt(32))), data = reg("dataR", Vec(t, UInt(32)));
        Vec<UInt> result = reg("result", Vec(t, UInt(32)));
        UInt pend = regInit("pendReq", lit(0, t));
        Vec<UInt> fifo = reg("beatLanes", Vec(1 << lb, UInt(t)));
        UInt head = regInit("head", lit(0, lb)), tail = regInit("tail", lit(0, lb));
        UInt outstanding = regInit("outstanding", lit(0, lb + 1));

        Bool[] shared = new Bool[t];
        Bool[] sharedIn = new Bool[t];
        UInt globalIn = lit(0, 1);
        for (int l = t - 1; l >= 0; l--) {
            shared[l] = node("shared" + l, eq(bits(addr.apply(l), 31, 24), lit(SimtConfig.SHARED_BASE >>> 24, 8)));
            sharedIn[l] = eq(bits(io.addr.apply(l), 31, 24), lit(SimtConfig.SHARED_BASE >>> 24, 8));
            globalIn = l == t - 1 ? asUInt(not(sharedIn[l])) : cat(globalIn, asUInt(not(sharedIn[l])));
        }
        when(io.start, () -> {
            connect(busy, lit(true));
            connect(fresh, lit(true));
            connect(warp, io.warp);
            connect(rd, io.rd);
            connect(f3, io.funct3);
            connect(store, io.store);
            connect(mask, io.mask);
            connect(addr, io.addr);
            connect(data, io.data);
        });
        connect(pend, mux(io.start, and(io.mask, node("globalIn", globalIn)), pend));

        // ---- shared memory: every shared lane in the first busy cycle -------------------------
        SharedMemory smem = instance("smem", () -> new SharedMemory(cfg));
        connect(smem.io.write, store);
        UInt sizeMask = mux(eq(f3, lit(0, 3)), lit(1, 4), mux(eq(bits(f3, 1, 0), lit(1, 2)), lit(3, 4), lit(15, 4)));
        for (int l = 0; l < t; l++) {
            UInt a = addr.apply(l);
            connect(smem.io.en.apply(l), and(and(fresh, bit(mask, l)), shared[l]));
            connect(smem.io.addr.apply(l), bits(a, cfg.sharedAddrBits() + 1, 2));
            connect(smem.io.wdata.apply(l), low(shl(data.apply(l), cat(bits(a, 1, 0), lit(0, 3))), 32));
            connect(smem.io.wmask.apply(l), low(shl(sizeMask, bits(a, 1, 0)), 4));
            final int ll = l;
            when(and(and(fresh, bit(mask, l)), shared[l]),
                    () -> connect(result.apply(ll), extract(shr(smem.io.rdata.apply(ll), cat(bits(a, 1, 0), lit(0, 3))), f3)));
        }
        when(fresh, () -> connect(fresh, lit(false)));

        // ---- off-chip: coalesce the pending lanes that share the lowest pending lane's beat ----
        UInt leader = lit(0, lb);
        for (int l = t - 1; l >= 0; l--) leader = mux(bit(pend, l), lit(l, lb), leader);
        UInt leaderAddr = node("leaderAddr", pick(addr, node("leader", leader)));
        UInt leaderBeat = node("leaderBeat", bits(leaderAddr, offBits - 1, beatShift));
        UInt match = lit(0, 1);
        UInt beatData = lit(0, oc.beatBits()), beatMask = lit(0, oc.busBytes());
        for (int l = 0; l < t; l++) {
            UInt a = addr.apply(l);
            Bool m = node("match" + l, and(bit(pend, l), eq(bits(a, offBits - 1, beatShift), leaderBeat)));
            match = l == 0 ? asUInt(m) : cat(asUInt(m), match);
            UInt off = bits(a, beatShift - 1, 0);
            UInt byteMask = low(shl(pad(sizeMask, oc.busBytes()), off), oc.busBytes());
            UInt bitMask = expand(byteMask, oc.busBytes());
            UInt shifted = low(shl(pad(data.apply(l), oc.beatBits()), cat(off, lit(0, 3))), oc.beatBits());
            beatData = mux(m, or(and(beatData, not(bitMask)), and(shifted, bitMask)), beatData);
            beatMask = mux(m, or(beatMask, byteMask), beatMask);
        }
        UInt matchN = node("matchMask", match);
        Bool reqValid = node("reqValid", and(busy, orR(pend)));
        connect(io.mem.reqValid, reqValid);
        connect(io.mem.reqWrite, store);
        connect(io.mem.reqAddr, pad(cat(leaderBeat, lit(0, beatShift)), 32));
        connect(io.mem.reqData, node("beatData", beatData));
        connect(io.mem.reqMask, node("beatMask", beatMask));
        Bool fire = node("fire", and(reqValid, io.mem.reqReady));
        Bool pushRead = and(fire, not(store));
        when(fire, () -> connect(pend, and(pend, not(matchN))));
        when(pushRead, () -> {
            connect(pick(fifo, tail), matchN);
            connect(tail, add(tail, lit(1, lb)));
        });
        UInt lanes = node("respLanes", pick(fifo, head));
        when(io.mem.respValid, () -> connect(head, add(head, lit(1, lb))));
        connect(outstanding, sub(add(outstanding, SimtCore.widen(pushRead, lb + 1)), SimtCore.widen(io.mem.respValid, lb + 1)));
        for (int l = 0; l < t; l++) {
            final int ll = l;
            UInt off = bits(addr.apply(l), beatShift - 1, 0);
            when(and(io.mem.respValid, bit(lanes, l)), () -> connect(result.apply(ll),
                    extract(low(shr(io.mem.respData, cat(off, lit(0, 3))), 32), f3)));
        }

        // ---- completion ---------------------------------------------------------------------------
        Bool done = node("done", and(and(busy, not(fresh)), and(not(orR(pend)), eq(outstanding, lit(0, lb + 1)))));
        when(done, () -> connect(busy, lit(false)));
        connect(io.busy, busy);
        connect(io.wbValid, and(and(done, not(store)), neq(rd, lit(0, 5))));  // loads to x0 are dropped
        connect(io.wbWarp, warp);
        connect(io.wbRd, rd);
        connect(io.wbMask, mask);
        connect(io.wbData, result);
    }

    /** Load data from a word shifted so the addressed byte is byte 0: lb/lh sign-, lbu/lhu zero-extend. */
    static UInt extract(UInt w, UInt f3) {
        UInt b = cat(fill(24, asUInt(and(bit(w, 7), not(bit(f3, 2))))), bits(w, 7, 0));
        UInt h = cat(fill(16, asUInt(and(bit(w, 15), not(bit(f3, 2))))), bits(w, 15, 0));
        UInt sz = bits(f3, 1, 0);
        return mux(eq(sz, lit(0, 2)), b, mux(eq(sz, lit(1, 2)), h, low(w, 32)));
    }

    /** One enable bit per byte -> one per bit. */
    static UInt expand(UInt byteMask, int bytes) {
        UInt[] parts = new UInt[bytes];
        for (int i = 0; i < bytes; i++) parts[bytes - 1 - i] = fill(8, asUInt(bit(byteMask, i)));
        return cat(parts);
    }
}
