package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Output-stationary execute unit: a streamer and a drainer around an {@link OsMesh}. Streamer
 * (COMPUTE): once its accumulator buffer (alternating 0/1) has drained, injects T steps (A row and
 * B row per cycle), back to back with the previous COMPUTE. R + C cycles after a fold's last step
 * its products are all in; the drainer then shifts the buffer out of the bottom of the mesh, one
 * accumulator row per cycle (row R - 1 first) for R cycles, into accumulator rows ACC_ROW.. (added
 * or overwritten), while the next fold computes in the other buffer. A COMPUTE completes when
 * drained. PRELOAD is not used by this dataflow (accepted and ignored). busy = array computing.
 */
public final class OsExec extends HwModule {
    public final ExecIO io;

    static UInt f(UInt cmd, Cmd.Field fl) { return bits(cmd, fl.hi(), fl.lo); }

    public OsExec(SystolicConfig.Array cfg) {
        io = io("io", new ExecIO(cfg));
        int rows = cfg.rows(), cols = cfg.cols();
        OsMesh mesh = instance("mesh", EnergyRole.COMPUTE, () -> new OsMesh(cfg));

        // ---- streamer -------------------------------------------------------------------------
        Bool active = regInit("active", lit(false)), sel = regInit("sel", lit(true));
        UInt aRow = regInit("aRow", lit(0, 16)), bRow = regInit("bRow", lit(0, 16)), tLeft = regInit("tLeft", lit(0, 16));
        UInt accRow = regInit("accRow", lit(0, 16));
        Bool accumulate = regInit("accumulate", lit(false));
        UInt macs = regInit("macsPerRow", lit(0, 13));
        Bool drained0 = regInit("drained0", lit(true)), drained1 = regInit("drained1", lit(true));
        Bool lastRow = node("lastRow", and(active, eq(tLeft, lit(1, 16))));
        Bool streamFree = node("streamFree", or(not(active), lastRow));
        Bool nextSel = node("nextSel", not(sel));
        Bool drainedNext = node("drainedNext", mux(nextSel, drained1, drained0));
        connect(io.compReady, and(streamFree, drainedNext));
        connect(io.bufferWait, and(and(io.compValid, streamFree), not(drainedNext)));
        connect(io.preReady, lit(true));
        Bool start = node("start", and(io.compValid, and(streamFree, drainedNext)));
        when(active, () -> {
            connect(aRow, add(aRow, lit(1, 16)));
            connect(bRow, add(bRow, lit(1, 16)));
            connect(tLeft, sub(tLeft, lit(1, 16)));
            when(lastRow, () -> connect(active, lit(false)));
        });
        when(start, () -> {
            connect(active, lit(true));
            connect(sel, nextSel);
            connect(aRow, f(io.cmd, Cmd.Field.A_ROW));
            connect(bRow, f(io.cmd, Cmd.Field.B_ROW));
            connect(tLeft, f(io.cmd, Cmd.Field.T));
            connect(accRow, f(io.cmd, Cmd.Field.ACC_ROW));
            connect(accumulate, asBool(f(io.cmd, Cmd.Field.ACCUMULATE)));
            connect(macs, f(io.cmd, Cmd.Field.MACS));
            when(nextSel, () -> connect(drained1, lit(false))).otherwise(() -> connect(drained0, lit(false)));
        });
        connect(io.aRow, aRow);
        connect(io.bRow, bRow);
        Skew.lanes(mesh.io.a, io.aData, rows, active);
        Skew.lanes(mesh.io.b, io.bData, cols, active);
        connect(mesh.io.sel, sel);
        connect(io.macs, mux(active, pad(macs, 16), lit(0, 16)));

        // ---- pending drains, one slot per buffer ------------------------------------------------
        Bool[] pValid = {regInit("pendValid0", lit(false)), regInit("pendValid1", lit(false))};
        UInt[] pRow = {regInit("pendRow0", lit(0, 16)), regInit("pendRow1", lit(0, 16))};
        Bool[] pAcc = {regInit("pendAcc0", lit(false)), regInit("pendAcc1", lit(false))};
        UInt[] pWait = {regInit("pendWait0", lit(0, 8)), regInit("pendWait1", lit(0, 8))};
        Bool dActive = regInit("dActive", lit(false)), dSel = regInit("dSel", lit(false));
        Bool nextDrain = regInit("nextDrain", lit(false));
        UInt dStep = regInit("dStep", lit(0, 8)), dRow = regInit("dRow", lit(0, 16));
        Bool dAcc = regInit("dAcc", lit(false));
        for (int b = 0; b < 2; b++) {
            int bb = b;
            Bool mine = b == 1 ? sel : not(sel);
            when(and(lastRow, mine), () -> {
                connect(pValid[bb], lit(true));
                connect(pRow[bb], accRow);
                connect(pAcc[bb], accumulate);
                connect(pWait[bb], lit(rows + cols - 1, 8));
            }).elsewhen(() -> orR(pWait[bb]), () -> connect(pWait[bb], sub(pWait[bb], lit(1, 8))));
            Bool isNext = b == 1 ? nextDrain : not(nextDrain);
            when(and(and(not(dActive), isNext), and(pValid[bb], not(orR(pWait[bb])))), () -> {
                connect(pValid[bb], lit(false));
                connect(dActive, lit(true));
                connect(dSel, lit(bb == 1));
                connect(dStep, lit(0, 8));
                connect(dRow, pRow[bb]);
                connect(dAcc, pAcc[bb]);
            });
        }
        // ---- drainer ----------------------------------------------------------------------------
        connect(mesh.io.dShift, dActive);
        connect(mesh.io.dSel, dSel);
        connect(io.eValid, dActive);
        connect(io.eRow, add(dRow, sub(lit(rows - 1, 16), pad(dStep, 16))));
        connect(io.eAccumulate, dAcc);
        connect(io.eData, mesh.io.d);
        Bool dLast = node("dLast", and(dActive, eq(dStep, lit(rows - 1, 8))));
        when(dActive, () -> connect(dStep, add(dStep, lit(1, 8))));
        when(dLast, () -> {
            connect(dActive, lit(false));
            connect(nextDrain, not(nextDrain));
            when(dSel, () -> connect(drained1, lit(true))).otherwise(() -> connect(drained0, lit(true)));
        });
        connect(io.computeDone, dLast);
        connect(io.idle, and(and(not(active), not(dActive)), not(or(pValid[0], pValid[1]))));
        UInt busyCount = regInit("busyCount", lit(0, 8));
        when(active, () -> connect(busyCount, lit(rows + cols - 2, 8)))
                .elsewhen(() -> orR(busyCount), () -> connect(busyCount, sub(busyCount, lit(1, 8))));
        connect(io.busy, or(active, orR(busyCount)));
    }
}
