package io.rtlbench.rtl.mem;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares one {@link OffChipPort} among {@code n} requesters (the cores of a GPU). Each cycle the
 * memory is ready, the first requester after the one granted last (round-robin) gets the port; its
 * request passes through combinationally and only it sees {@code reqReady}. Reads return in order,
 * so a FIFO of granted requester ids ({@code readOwner}, as deep as the memory's in-flight queue)
 * routes each response to its requester; the data is broadcast. Also reports every write beat the
 * memory accepts ({@code writeSeen*}) so the cores' instruction memories can write code through.
 * Latency: none added. Simplification: no L2 or crossbar; one beat per cycle for the whole GPU.
 */
public final class OffChipArbiter extends HwModule {
    public static final class OffChipArbiterIO extends HwBundle {
        public final Vec<OffChipPort> in;
        public final OffChipPort out;
        public final Bool writeSeen = out(Bool());
        public final UInt writeSeenAddr = out(UInt(32)), writeSeenData, writeSeenMask;

        public OffChipArbiterIO(OffChipConfig cfg, Integer n) {
            super(cfg, n);
            in = flipped(Vec(n, new OffChipPort(cfg)));
            out = new OffChipPort(cfg);
            writeSeenData = out(UInt(cfg.beatBits()));
            writeSeenMask = out(UInt(cfg.busBytes()));
        }
    }

    public final OffChipArbiterIO io;

    public OffChipArbiter(OffChipConfig cfg, int n) {
        io = io("io", new OffChipArbiterIO(cfg, n));
        int ib = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        UInt last = regInit("lastGrant", lit(n - 1, ib));
        UInt hi = lit(0, ib), any = lit(0, ib);
        Bool anyHi = lit(false), anyReq = lit(false);
        for (int i = n - 1; i >= 0; i--) {
            Bool v = io.in.apply(i).reqValid;
            Bool h = and(v, gt(lit(i, ib), last));
            hi = mux(h, lit(i, ib), hi);
            any = mux(v, lit(i, ib), any);
            anyHi = or(anyHi, h);
            anyReq = or(anyReq, v);
        }
        UInt grant = node("grant", mux(anyHi, hi, any));
        OffChipPort out = io.out;
        List<Bool> granted = new ArrayList<>();
        for (int i = 0; i < n; i++) granted.add(node("granted" + i, and(anyReq, eq(grant, lit(i, ib)))));
        UInt addr = lit(0, 32), data = lit(0, cfg.beatBits()), mask = lit(0, cfg.busBytes());
        Bool write = lit(false);
        for (int i = 0; i < n; i++) {
            OffChipPort p = io.in.apply(i);
            addr = mux(granted.get(i), p.reqAddr, addr);
            data = mux(granted.get(i), p.reqData, data);
            mask = mux(granted.get(i), p.reqMask, mask);
            write = mux(granted.get(i), p.reqWrite, write);
            connect(p.reqReady, and(granted.get(i), out.reqReady));
        }
        connect(out.reqValid, anyReq);
        connect(out.reqAddr, addr);
        connect(out.reqData, data);
        connect(out.reqMask, mask);
        connect(out.reqWrite, write);
        Bool fire = node("fire", and(anyReq, out.reqReady));
        when(fire, () -> connect(last, grant));

        // read responses come back in order: remember whose they are
        int depth = cfg.inflightDepth(), pb = Integer.numberOfTrailingZeros(depth);
        Mem<UInt> owner = mem("readOwner", depth, UInt(ib));
        UInt head = regInit("ownerHead", lit(0, pb)), tail = regInit("ownerTail", lit(0, pb));
        when(and(fire, not(write)), () -> {
            write(owner, tail, grant);
            connect(tail, add(tail, lit(1, pb)));
        });
        when(out.respValid, () -> connect(head, add(head, lit(1, pb))));
        UInt respOwner = node("respOwner", read(owner, head));
        for (int i = 0; i < n; i++) {
            connect(io.in.apply(i).respValid, and(out.respValid, eq(respOwner, lit(i, ib))));
            connect(io.in.apply(i).respData, out.respData);
        }
        connect(io.writeSeen, and(fire, write));
        connect(io.writeSeenAddr, addr);
        connect(io.writeSeenData, data);
        connect(io.writeSeenMask, mask);
    }
}
