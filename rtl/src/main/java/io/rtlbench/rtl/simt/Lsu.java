package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.pick;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.mem.OffChipPort;

/**
 * Load/store unit with {@link SimtConfig#LSU_SLOTS} warp memory instructions in flight, handled in
 * order. The oldest instruction that still has requests to make owns the request side: its lanes
 * whose address has top byte 0x70 access {@link SharedMemory}, organised as 32 word-interleaved
 * banks: each cycle every bank serves one word (lanes reading the same word share it), so lanes
 * that conflict on a bank wait for later cycles; a lane whose access straddles two words is served
 * alone. The other lanes go off-chip through the {@link OffChipPort}, coalesced by the
 * {@link BeatCoalescer}: one request per distinct beat, back to back, stores merged under a byte
 * mask; an access that straddles two beats is split in two pieces, one per beat. Read responses
 * return in order; a FIFO of (slot, pieces) says whom each beat serves, so later instructions issue
 * their requests while earlier ones wait for data (latency hiding across warps). Loaded bytes are
 * assembled raw per lane ({@link AccessGeometry}) and sign- or zero-extended at write-back.
 * Completion is in order: the oldest slot writes its load result back ({@code wbValid}) once all its
 * beats are back. Timing: a shared-only access takes 1 + (worst bank conflict degree) cycles; an
 * off-chip load about latency + beats. Any alignment is handled (RV32I misaligned loads and
 * stores, in hardware). Global addresses are taken modulo the off-chip size. Simplification: no
 * caches.
 */
public final class Lsu extends HwModule {
    public static final class LsuIO extends HwBundle {
        public final Bool start = in(Bool());
        public final UInt warp, rd = in(UInt(5)), funct3 = in(UInt(3));
        public final Bool store = in(Bool());
        public final UInt mask;
        public final Vec<UInt> addr, data;
        public final Bool busy = out(Bool());
        public final UInt slotsFree = out(UInt(8));
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
        int t = cfg.threads(), s = SimtConfig.LSU_SLOTS, sb = 31 - Integer.numberOfLeadingZeros(s);
        int ob = SimtConfig.log2(2 * t) + 1;                   // outstanding beats of one slot: 0..2t
        OffChipConfig oc = cfg.offchip();
        int beatShift = Integer.numberOfTrailingZeros(oc.busBytes());
        int offBits = Integer.numberOfTrailingZeros((int) oc.sizeBytes());
        Vec<UInt> sWarp = reg("slotWarp", Vec(s, UInt(cfg.warpBits()))), sRd = reg("slotRd", Vec(s, UInt(5)));
        Vec<UInt> sF3 = reg("slotF3", Vec(s, UInt(3))), sMask = reg("slotMask", Vec(s, UInt(t)));
        Vec<Bool> sStore = reg("slotStore", Vec(s, Bool()));
        Vec<Vec<UInt>> sAddr = reg("slotAddr", Vec(s, Vec(t, UInt(32)))), sData = reg("slotData", Vec(s, Vec(t, UInt(32))));
        Vec<Vec<UInt>> sResult = reg("slotResult", Vec(s, Vec(t, UInt(32))));
        Vec<UInt> sPend = regInit("slotPend", vecOf(SimtUtil.repeat(s, () -> lit(0, 2 * t))));  // off-chip pieces left
        Vec<UInt> sOut = regInit("slotOutstanding", vecOf(SimtUtil.repeat(s, () -> lit(0, ob))));
        Vec<UInt> sShared = regInit("slotShared", vecOf(SimtUtil.repeat(s, () -> lit(0, t))));  // shared lanes left
        UInt head = regInit("head", lit(0, sb)), req = regInit("req", lit(0, sb)), tail = regInit("tail", lit(0, sb));
        UInt count = regInit("count", lit(0, sb + 1)), reqLeft = regInit("reqLeft", lit(0, sb + 1));

        // ---- accept: a new slot at the tail ---------------------------------------------------------
        UInt globalIn = lit(0, 1), straddleIn = lit(0, 1);
        for (int l = t - 1; l >= 0; l--) {
            Bool g = not(isShared(io.addr.apply(l)));
            Bool st = AccessGeometry.straddles(bits(io.addr.apply(l), beatShift - 1, 0), io.funct3, oc.busBytes());
            globalIn = l == t - 1 ? asUInt(g) : cat(globalIn, asUInt(g));
            straddleIn = l == t - 1 ? asUInt(st) : cat(straddleIn, asUInt(st));
        }
        UInt globalLanes = node("globalLanes", globalIn);
        UInt globalMask = node("globalIn", and(io.mask, globalLanes));
        UInt straddling = node("straddlingIn", and(globalMask, straddleIn));
        when(io.start, () -> {
            connect(pick(sWarp, tail), io.warp);
            connect(pick(sRd, tail), io.rd);
            connect(pick(sF3, tail), io.funct3);
            connect(pick(sStore, tail), io.store);
            connect(pick(sMask, tail), io.mask);
            connect(pick(sAddr, tail), io.addr);
            connect(pick(sData, tail), io.data);
            connect(pick(sPend, tail), cat(straddling, globalMask));
            connect(pick(sShared, tail), and(io.mask, not(globalLanes)));
            connect(tail, add(tail, lit(1, sb)));
        });

        // ---- request side: the oldest slot with requests left ----------------------------------------
        Bool reqActive = node("reqActive", neq(reqLeft, lit(0, sb + 1)));
        Vec<UInt> addr = node("reqAddr", pick(sAddr, req)), data = node("reqData", pick(sData, req));
        UInt f3 = node("reqF3", pick(sF3, req)), pend = node("reqPend", pick(sPend, req));
        Bool store = node("reqStore", pick(sStore, req));
        UInt sharedLeft = node("sharedLeft", mux(reqActive, pick(sShared, req), lit(0, t)));
        Vec<UInt> reqResult = pick(sResult, req);
        SharedMemory smem = instance("sharedMemory", () -> new SharedMemory(cfg));
        connect(smem.io.write, store);
        UInt sizeMask = AccessGeometry.sizeMask(f3);
        // 32 word-interleaved banks: a lane waits while a lower pending lane uses its bank for another word;
        // a lane whose access straddles two words goes alone (after the lower lanes, before the higher ones)
        UInt served = lit(0, 1);
        Bool lowerPending = lit(false), lowerStraddles = lit(false);
        for (int l = 0; l < t; l++) {
            UInt wl = bits(addr.apply(l), cfg.sharedAddrBits() + 1, 2);
            Bool straddle = AccessGeometry.straddles(bits(addr.apply(l), 1, 0), f3, 4);
            Bool blocked = or(lowerStraddles, and(straddle, lowerPending));
            for (int j = 0; j < l; j++) {
                UInt wj = bits(addr.apply(j), cfg.sharedAddrBits() + 1, 2);
                blocked = or(blocked, and(bit(sharedLeft, j), and(eq(low(wj, 5), low(wl, 5)), neq(wj, wl))));
            }
            Bool sv = and(bit(sharedLeft, l), not(blocked));
            served = l == 0 ? asUInt(sv) : cat(asUInt(sv), served);
            lowerPending = or(lowerPending, bit(sharedLeft, l));
            lowerStraddles = or(lowerStraddles, and(bit(sharedLeft, l), straddle));
        }
        UInt servedN = node("sharedServed", served);
        when(reqActive, () -> connect(pick(sShared, req), and(sharedLeft, not(servedN))));
        for (int l = 0; l < t; l++) {
            UInt a = addr.apply(l);
            Bool en = node("sharedEn" + l, bit(servedN, l));
            connect(smem.io.en.apply(l), en);
            connect(smem.io.addr.apply(l), bits(a, cfg.sharedAddrBits() + 1, 0));
            connect(smem.io.wdata.apply(l), data.apply(l));
            connect(smem.io.wmask.apply(l), sizeMask);
            final int ll = l;
            when(en, () -> connect(reqResult.apply(ll), smem.io.rdata.apply(ll)));
        }

        BeatCoalescer beat = new BeatCoalescer(cfg, addr, data, f3, pend);
        Bool reqValid = node("memReqValid", and(reqActive, orR(pend)));
        connect(io.mem.reqValid, reqValid);
        connect(io.mem.reqWrite, store);
        connect(io.mem.reqAddr, pad(cat(beat.beat, lit(0, beatShift)), 32));
        connect(io.mem.reqData, beat.data);
        connect(io.mem.reqMask, beat.mask);
        Bool fire = node("fire", and(reqValid, io.mem.reqReady));
        Bool pushRead = node("pushRead", and(fire, not(store)));
        when(fire, () -> connect(pick(sPend, req), and(pend, not(beat.match))));
        Bool advance = node("advance", and(and(reqActive, eq(pick(sShared, req), lit(0, t))), eq(pend, lit(0, 2 * t))));
        when(advance, () -> connect(req, add(req, lit(1, sb))));

        // ---- response side: beats return in order to the slot that asked ------------------------------
        int fb = SimtConfig.log2(s * 2 * t) == 0 ? 1 : SimtConfig.log2(s * 2 * t);
        Mem<UInt> fifo = mem("beatFifo", 1 << fb, UInt(sb + 2 * t));
        UInt fHead = regInit("beatHead", lit(0, fb)), fTail = regInit("beatTail", lit(0, fb));
        when(pushRead, () -> {
            write(fifo, fTail, cat(req, beat.match));
            connect(fTail, add(fTail, lit(1, fb)));
        });
        UInt entry = node("beatEntry", read(fifo, fHead));
        UInt rSlot = node("respSlot", bits(entry, sb + 2 * t - 1, 2 * t)), pieces = node("respPieces", bits(entry, 2 * t - 1, 0));
        when(io.mem.respValid, () -> connect(fHead, add(fHead, lit(1, fb))));
        Vec<UInt> rAddr = pick(sAddr, rSlot), rResult = pick(sResult, rSlot);
        for (int l = 0; l < t; l++) {
            final int ll = l;
            UInt off = bits(rAddr.apply(l), beatShift - 1, 0);
            UInt[] lo = AccessGeometry.take(io.mem.respData, off, false, oc.busBytes());
            UInt[] hi = AccessGeometry.take(io.mem.respData, off, true, oc.busBytes());
            Bool hiHit = bit(pieces, t + l);
            UInt value = mux(hiHit, hi[0], lo[0]), bytes = mux(hiHit, hi[1], lo[1]);
            when(and(io.mem.respValid, or(bit(pieces, l), hiHit)),
                    () -> connect(rResult.apply(ll), AccessGeometry.merge(rResult.apply(ll), value, bytes)));
        }
        for (int i = 0; i < s; i++) {
            UInt plus = SimtUtil.widen(and(pushRead, eq(req, lit(i, sb))), ob);
            UInt minus = SimtUtil.widen(and(io.mem.respValid, eq(rSlot, lit(i, sb))), ob);
            connect(sOut.apply(i), sub(add(sOut.apply(i), plus), minus));
        }

        // ---- completion: the oldest slot, once its requests are made and its beats are back -----------
        Bool headReqDone = lt(reqLeft, count);
        Bool done = node("done", and(and(neq(count, lit(0, sb + 1)), headReqDone), eq(pick(sOut, head), lit(0, ob))));
        when(done, () -> connect(head, add(head, lit(1, sb))));
        connect(count, sub(add(count, SimtUtil.widen(io.start, sb + 1)), SimtUtil.widen(done, sb + 1)));
        connect(reqLeft, sub(add(reqLeft, SimtUtil.widen(io.start, sb + 1)), SimtUtil.widen(advance, sb + 1)));
        connect(io.busy, neq(count, lit(0, sb + 1)));
        connect(io.slotsFree, pad(sub(lit(s, sb + 1), count), 8));
        UInt hRd = pick(sRd, head);
        connect(io.wbValid, and(and(done, not(pick(sStore, head))), neq(hRd, lit(0, 5))));  // loads to x0 are dropped
        connect(io.wbWarp, pick(sWarp, head));
        connect(io.wbRd, hRd);
        connect(io.wbMask, pick(sMask, head));
        UInt hF3 = pick(sF3, head);
        Vec<UInt> hResult = pick(sResult, head);
        for (int l = 0; l < t; l++) connect(io.wbData.apply(l), AccessGeometry.extract(hResult.apply(l), hF3));
    }

    static Bool isShared(UInt addr) { return eq(bits(addr, 31, 24), lit(SimtConfig.SHARED_BASE >>> 24, 8)); }
}
