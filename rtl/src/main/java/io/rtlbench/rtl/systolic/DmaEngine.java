package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The DMA engine: executes CONFIG, MVIN and MVOUT in order. MVIN issues one read beat per accepted
 * request (rows x beats-per-row, consecutive addresses, or the same source row again when REPEAT)
 * and writes each response into (row, bank) of its target; scratchpad rows narrower than a beat
 * travel packed (busBytes / rowBytes rows a beat, when that divides) and are written together. The
 * request side moves on to the next MVIN while the responses of up to {@value #QUEUE} MVINs are still
 * due (a response queue; Gemmini's default keeps 8 loads queued and 16 requests in flight), so the
 * off-chip latency overlaps the following request streams even for short (one weight tile) MVINs. MVOUT reads accumulator rows, requantizes
 * them to INT8 (packed busBytes / C rows a beat when C divides the bus; the byte mask drops rows past
 * the end) or sends raw INT32, and posts one write beat per request; it may start while earlier
 * MVINs' responses are still due (stores do not wait for scratchpad loads; they do wait for
 * accumulator loads, which may write the rows they read). Completions ({@code completed}, a
 * count per cycle) are reported in command order: MVIN at its last response, MVOUT once its last
 * write is accepted and every earlier MVIN has completed (an MVOUT finishing behind a pending MVIN is
 * counted with it), CONFIG at once (it starts only when no MVIN response is due).
 */
public final class DmaEngine extends HwModule {
    /** MVINs whose responses may be outstanding at once. */
    public static final int QUEUE = 4;

    public static final class DmaIO extends HwBundle {
        public final Bool cmdValid = in(Bool());
        public final UInt cmd = in(UInt(Cmd.BITS));
        public final Bool cmdReady = out(Bool());
        public final OffChipPort port;
        public final Bool wValid = out(Bool());
        public final UInt wTarget = out(UInt(2));
        public final UInt wRow = out(UInt(16));
        public final UInt wBank = out(UInt(8));
        public final UInt wCount = out(UInt(8));
        public final UInt wData;
        public final UInt accRow = out(UInt(16));
        public final Vec<SInt> accData;
        public final UInt completed = out(UInt(9));
        public final Bool busy = out(Bool());
        public final Bool offchipStall = out(Bool());

        public DmaIO(SystolicConfig cfg) {
            super(cfg);
            port = new OffChipPort(cfg.offchip());
            wData = out(UInt(cfg.busBytes() * 8));
            accData = in(Vec(cfg.packOut() * cfg.cols(), SInt(32)));
        }
    }

    public final DmaIO io;

    static UInt f(UInt cmd, Cmd.Field fl) { return bits(cmd, fl.hi(), fl.lo); }

    public DmaEngine(SystolicConfig cfg) {
        io = io("io", new DmaIO(cfg));
        int bus = cfg.busBytes();
        Bool active = regInit("active", lit(false));
        Bool isOut = regInit("isOut", lit(false));
        Bool repeat = regInit("repeat", lit(false));
        UInt rows = regInit("rows", lit(0, 16)), local = regInit("local", lit(0, 16));
        UInt base = regInit("base", lit(0, 32)), addr = regInit("addr", lit(0, 32));
        UInt bpr = regInit("bpr", lit(1, 8)), pack = regInit("pack", lit(1, 8));
        UInt reqRow = regInit("reqRow", lit(0, 16)), reqBeat = regInit("reqBeat", lit(0, 8));
        SInt scale = regInit("scale", slit(1, 32));
        UInt shift = regInit("shift", lit(0, 6));
        Bool relu = regInit("relu", lit(false)), raw = regInit("raw", lit(true));
        // Response queue: entry 0 receives now, entries 1.. are the following MVINs in order.
        Bool[] qValid = new Bool[QUEUE];
        UInt[] qTarget = new UInt[QUEUE], qLocal = new UInt[QUEUE], qRows = new UInt[QUEUE], qBpr = new UInt[QUEUE], qPack = new UInt[QUEUE];
        UInt[] qOuts = new UInt[QUEUE];  // MVOUTs that finished behind this MVIN, counted when it completes
        for (int e = 0; e < QUEUE; e++) {
            qValid[e] = regInit("q" + e + "Valid", lit(false));
            qTarget[e] = regInit("q" + e + "Target", lit(0, 2));
            qLocal[e] = regInit("q" + e + "Local", lit(0, 16));
            qRows[e] = regInit("q" + e + "Rows", lit(0, 16));
            qBpr[e] = regInit("q" + e + "Bpr", lit(1, 8));
            qPack[e] = regInit("q" + e + "Pack", lit(1, 8));
            qOuts[e] = regInit("q" + e + "Outs", lit(0, 8));
        }
        UInt respRow = regInit("respRow", lit(0, 16)), respBeat = regInit("respBeat", lit(0, 8));

        UInt op = node("op", f(io.cmd, Cmd.Field.OP));
        Bool opIn = node("opIn", eq(op, lit(Cmd.Op.MVIN.ordinal(), 4)));
        Bool opConfig = node("opConfig", eq(op, lit(Cmd.Op.CONFIG.ordinal(), 4)));
        Bool accLoadDue = lit(false);  // an MVIN into the accumulator still writing: a store must not read ahead of it
        for (int e = 0; e < QUEUE; e++) accLoadDue = or(accLoadDue, and(qValid[e], eq(qTarget[e], lit(Cmd.Target.ACC.ordinal(), 2))));
        Bool otherOk = node("otherOk", mux(opConfig, not(qValid[0]), not(accLoadDue)));
        Bool canTake = node("canTake", and(not(active), mux(opIn, not(qValid[QUEUE - 1]), otherOk)));
        connect(io.cmdReady, canTake);
        Bool accept = node("accept", and(io.cmdValid, canTake));
        Bool isConfig = node("isConfig", and(accept, opConfig));
        when(isConfig, () -> {
            connect(scale, asSInt(f(io.cmd, Cmd.Field.SCALE)));
            connect(shift, f(io.cmd, Cmd.Field.SHIFT));
            connect(relu, asBool(f(io.cmd, Cmd.Field.RELU)));
            connect(raw, asBool(f(io.cmd, Cmd.Field.RAW)));
        });
        UInt cmdTarget = node("cmdTarget", f(io.cmd, Cmd.Field.TARGET));
        Bool cmdOut = node("cmdOut", eq(op, lit(Cmd.Op.MVOUT.ordinal(), 4)));
        UInt inBpr = node("inBpr", mux(eq(cmdTarget, lit(0, 2)), lit(cfg.beatsA(), 8),
                mux(eq(cmdTarget, lit(1, 2)), lit(cfg.beatsB(), 8), lit(cfg.beatsAcc(), 8))));
        UInt inPack = node("inPack", mux(eq(cmdTarget, lit(0, 2)), lit(cfg.packA(), 8),
                mux(eq(cmdTarget, lit(1, 2)), lit(cfg.packB(), 8), lit(1, 8))));
        UInt outBpr = mux(raw, lit(cfg.beatsAcc(), 8), lit(cfg.beatsOut8(), 8));
        when(and(accept, or(cmdOut, opIn)), () -> {
            connect(active, lit(true));
            connect(isOut, cmdOut);
            connect(repeat, asBool(f(io.cmd, Cmd.Field.REPEAT)));
            connect(rows, f(io.cmd, Cmd.Field.ROWS));
            connect(local, f(io.cmd, Cmd.Field.LOCAL_ROW));
            connect(base, f(io.cmd, Cmd.Field.DRAM_ADDR));
            connect(addr, f(io.cmd, Cmd.Field.DRAM_ADDR));
            connect(bpr, mux(cmdOut, outBpr, inBpr));
            connect(pack, mux(cmdOut, mux(raw, lit(1, 8), lit(cfg.packOut(), 8)), inPack));
            connect(reqRow, lit(0, 16));
            connect(reqBeat, lit(0, 8));
        });

        // Request side.
        Bool reqPending = node("reqPending", and(active, lt(reqRow, rows)));
        connect(io.port.reqValid, reqPending);
        connect(io.port.reqWrite, isOut);
        connect(io.port.reqAddr, addr);
        int packOut = cfg.packOut(), cols = cfg.cols();
        if (packOut == 1) connect(io.port.reqMask, fill(bus, lit(1, 1)));
        else {  // packed INT8 rows: enable only the bytes of rows that exist
            UInt[] enables = new UInt[packOut];
            for (int j = 0; j < packOut; j++)
                enables[packOut - 1 - j] = fill(cols, asUInt(or(eq(pack, lit(1, 8)), lt(add(reqRow, lit(j, 16)), rows))));
            connect(io.port.reqMask, cat(enables));
        }
        Bool reqFire = node("reqFire", and(reqPending, io.port.reqReady));
        connect(io.offchipStall, and(reqPending, not(io.port.reqReady)));
        Bool reqRowEnd = node("reqRowEnd", eq(reqBeat, sub(bpr, lit(1, 8))));
        when(reqFire, () -> {
            connect(reqBeat, mux(reqRowEnd, lit(0, 8), add(reqBeat, lit(1, 8))));
            when(reqRowEnd, () -> connect(reqRow, add(reqRow, pad(pack, 16))));
            connect(addr, mux(and(reqRowEnd, repeat), base, add(addr, lit(bus, 32))));
        });
        // Move-out data: the accumulator row being sent, requantized or raw, cut into beats.
        connect(io.accRow, add(local, reqRow));
        Requant rq = instance("requant", () -> new Requant(packOut * cols));
        connect(rq.io.in, io.accData);
        connect(rq.io.scale, scale);
        connect(rq.io.shift, shift);
        connect(rq.io.relu, relu);
        List<UInt> rawLanes = new ArrayList<>(), q8Lanes = new ArrayList<>();
        for (int l = cols - 1; l >= 0; l--) rawLanes.add(asUInt(io.accData.apply(l)));
        for (int l = packOut * cols - 1; l >= 0; l--) q8Lanes.add(asUInt(rq.io.out.apply(l)));
        UInt rawRow = node("rawRow", pad(cat(rawLanes.toArray(new UInt[0])), cfg.beatsAcc() * bus * 8));
        UInt q8Row = node("q8Row", pad(cat(q8Lanes.toArray(new UInt[0])), cfg.beatsOut8() * bus * 8));
        List<UInt> beats = new ArrayList<>();
        for (int q = 0; q < Math.max(cfg.beatsAcc(), cfg.beatsOut8()); q++) {
            UInt r = q < cfg.beatsAcc() ? bits(rawRow, q * bus * 8 + bus * 8 - 1, q * bus * 8) : lit(0, bus * 8);
            UInt b = q < cfg.beatsOut8() ? bits(q8Row, q * bus * 8 + bus * 8 - 1, q * bus * 8) : lit(0, bus * 8);
            beats.add(node("beat_" + q, mux(raw, r, b)));
        }
        connect(io.port.reqData, beats.size() == 1 ? beats.get(0) : at(vecOf(beats), low(reqBeat, 32 - Integer.numberOfLeadingZeros(beats.size() - 1))));

        // Response side (move-in): write each beat of the queue head to its (row, bank).
        Bool respIn = node("respIn", and(qValid[0], io.port.respValid));
        connect(io.wValid, respIn);
        connect(io.wTarget, qTarget[0]);
        connect(io.wRow, add(qLocal[0], respRow));
        connect(io.wBank, respBeat);
        UInt rowsLeft = node("rowsLeft", sub(qRows[0], respRow));
        connect(io.wCount, mux(lt(rowsLeft, pad(qPack[0], 16)), low(rowsLeft, 8), qPack[0]));
        connect(io.wData, io.port.respData);
        Bool respRowEnd = node("respRowEnd", eq(respBeat, sub(qBpr[0], lit(1, 8))));
        Bool pop = node("pop", and(and(respIn, respRowEnd), le(rowsLeft, pad(qPack[0], 16))));
        when(respIn, () -> {
            connect(respBeat, mux(respRowEnd, lit(0, 8), add(respBeat, lit(1, 8))));
            when(respRowEnd, () -> connect(respRow, add(respRow, pad(qPack[0], 16))));
        });
        when(pop, () -> connect(respRow, lit(0, 16)));
        // Pop shifts the queue down one entry; a push lands in the first entry still free after that.
        Bool push = node("push", and(accept, opIn));
        Bool[] kept = new Bool[QUEUE];
        for (int e = 0; e < QUEUE; e++) kept[e] = node("qKept_" + e, mux(pop, e + 1 < QUEUE ? qValid[e + 1] : lit(false), qValid[e]));
        for (int e = 0; e < QUEUE; e++) {
            int ee = e;
            if (e + 1 < QUEUE) when(pop, () -> {
                connect(qValid[ee], qValid[ee + 1]);
                connect(qTarget[ee], qTarget[ee + 1]);
                connect(qLocal[ee], qLocal[ee + 1]);
                connect(qRows[ee], qRows[ee + 1]);
                connect(qBpr[ee], qBpr[ee + 1]);
                connect(qPack[ee], qPack[ee + 1]);
                connect(qOuts[ee], qOuts[ee + 1]);
            });
            else when(pop, () -> {
                connect(qValid[ee], lit(false));
                connect(qOuts[ee], lit(0, 8));
            });
            Bool here = node("qPush_" + e, and(and(push, not(kept[e])), e == 0 ? lit(true) : kept[e - 1]));
            when(here, () -> {
                connect(qValid[ee], lit(true));
                connect(qTarget[ee], cmdTarget);
                connect(qLocal[ee], f(io.cmd, Cmd.Field.LOCAL_ROW));
                connect(qRows[ee], f(io.cmd, Cmd.Field.ROWS));
                connect(qBpr[ee], inBpr);
                connect(qPack[ee], inPack);
                connect(qOuts[ee], lit(0, 8));
            });
        }
        Bool issued = node("issued", and(active, ge(reqRow, rows)));
        when(issued, () -> connect(active, lit(false)));
        // A finished MVOUT is counted now if no MVIN is left before it, else with the last one (the tail).
        Bool outFinished = node("outFinished", and(issued, isOut));
        Bool anyKept = lit(false);
        for (int e = 0; e < QUEUE; e++) {
            int ee = e;
            Bool tail = node("qTail_" + e, and(kept[e], e + 1 < QUEUE ? not(kept[e + 1]) : lit(true)));
            UInt outsNow = e + 1 < QUEUE ? mux(pop, qOuts[e + 1], qOuts[e]) : mux(pop, lit(0, 8), qOuts[e]);
            when(and(outFinished, tail), () -> connect(qOuts[ee], add(outsNow, lit(1, 8))));
            anyKept = or(anyKept, kept[e]);
        }
        UInt popped = mux(pop, add(pad(qOuts[0], 9), lit(1, 9)), lit(0, 9));
        UInt direct = mux(or(and(outFinished, not(anyKept)), isConfig), lit(1, 9), lit(0, 9));
        connect(io.completed, add(popped, direct));
        connect(io.busy, or(active, qValid[0]));
    }
}
