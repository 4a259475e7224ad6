package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Weight-stationary execute unit: a loader, a streamer and a writer around a {@link WsMesh}.
 * Loader (PRELOAD): shifts the R weight rows into the mesh's inactive buffer (R cycles) once that
 * buffer is free (no activation that uses it is left in the array), so the next fold's weights load
 * while the current fold computes. Streamer (COMPUTE): once its buffer is loaded, injects T
 * activation rows, one a cycle, back to back with the previous COMPUTE. Writer: R + C - 1 cycles
 * after a row is injected, its output row is written (accumulated or overwritten) to the
 * accumulator; a COMPUTE completes when its last row is written. busy = array computing or loading.
 */
public final class WsExec extends HwModule {
    public final ExecIO io;

    static UInt f(UInt cmd, Cmd.Field fl) { return bits(cmd, fl.hi(), fl.lo); }

    public WsExec(SystolicConfig.Array cfg) {
        io = io("io", new ExecIO(cfg));
        int rows = cfg.rows(), cols = cfg.cols(), lat = rows + cols - 1;
        WsMesh mesh = instance("mesh", EnergyRole.COMPUTE, () -> new WsMesh(cfg));

        // ---- streamer -------------------------------------------------------------------------
        Bool active = regInit("active", lit(false)), sel = regInit("sel", lit(true));
        UInt aRow = regInit("aRow", lit(0, 16)), tLeft = regInit("tLeft", lit(0, 16)), accRow = regInit("accRow", lit(0, 16));
        Bool accumulate = regInit("accumulate", lit(false));
        UInt macs = regInit("macsPerRow", lit(0, 13));
        Bool loaded0 = regInit("loaded0", lit(false)), loaded1 = regInit("loaded1", lit(false));
        Bool lastRow = node("lastRow", and(active, eq(tLeft, lit(1, 16))));
        Bool streamFree = node("streamFree", or(not(active), lastRow));
        Bool nextSel = node("nextSel", not(sel));
        Bool loadedNext = node("loadedNext", mux(nextSel, loaded1, loaded0));
        connect(io.compReady, and(streamFree, loadedNext));
        connect(io.bufferWait, and(and(io.compValid, streamFree), not(loadedNext)));
        Bool start = node("start", and(io.compValid, and(streamFree, loadedNext)));
        when(active, () -> {
            connect(aRow, add(aRow, lit(1, 16)));
            connect(tLeft, sub(tLeft, lit(1, 16)));
            connect(accRow, add(accRow, lit(1, 16)));
            when(lastRow, () -> connect(active, lit(false)));
        });
        when(start, () -> {
            connect(active, lit(true));
            connect(sel, nextSel);
            connect(aRow, f(io.cmd, Cmd.Field.A_ROW));
            connect(tLeft, f(io.cmd, Cmd.Field.T));
            connect(accRow, f(io.cmd, Cmd.Field.ACC_ROW));
            connect(accumulate, asBool(f(io.cmd, Cmd.Field.ACCUMULATE)));
            connect(macs, f(io.cmd, Cmd.Field.MACS));
            when(nextSel, () -> connect(loaded1, lit(false))).otherwise(() -> connect(loaded0, lit(false)));
        });
        connect(io.aRow, aRow);
        Skew.lanes(mesh.io.a, io.aData, rows, active);
        connect(mesh.io.sel, sel);
        connect(io.macs, mux(active, pad(macs, 16), lit(0, 16)));

        // ---- loader ---------------------------------------------------------------------------
        UInt cd0 = regInit("drainCount0", lit(0, 8)), cd1 = regInit("drainCount1", lit(0, 8));
        UInt[] cd = {cd0, cd1};
        for (int b = 0; b < 2; b++) {
            UInt c = cd[b];
            Bool mine = b == 1 ? sel : not(sel);
            when(and(active, mine), () -> connect(c, lit(rows + cols, 8)))
                    .elsewhen(() -> orR(c), () -> connect(c, sub(c, lit(1, 8))));
        }
        Bool free0 = node("free0", and(and(not(and(active, not(sel))), not(orR(cd0))), not(loaded0)));
        Bool free1 = node("free1", and(and(not(and(active, sel)), not(orR(cd1))), not(loaded1)));
        Bool lActive = regInit("lActive", lit(false)), lSel = regInit("lSel", lit(false));
        UInt lBase = regInit("lBase", lit(0, 16)), lStep = regInit("lStep", lit(0, 8));
        connect(io.preReady, not(lActive));
        when(and(io.preValid, not(lActive)), () -> {
            connect(lActive, lit(true));
            connect(lBase, f(io.cmd, Cmd.Field.B_ROW));
            connect(lStep, lit(0, 8));
        });
        Bool shifting = node("shifting", and(lActive, mux(lSel, free1, free0)));
        connect(io.bRow, add(lBase, sub(lit(rows - 1, 16), pad(lStep, 16))));
        Skew.lanes(mesh.io.w, io.bData, cols, shifting);
        connect(mesh.io.wShift, shifting);
        connect(mesh.io.wSel, lSel);
        when(shifting, () -> {
            connect(lStep, add(lStep, lit(1, 8)));
            when(eq(lStep, lit(rows - 1, 8)), () -> {
                connect(lActive, lit(false));
                connect(lSel, not(lSel));
                when(lSel, () -> connect(loaded1, lit(true))).otherwise(() -> connect(loaded0, lit(true)));
            });
        });

        // ---- writer: row metadata travels alongside the data, R + C - 1 cycles -------------------
        Bool mValid = Skew.delay("metaValid", active, lat);
        UInt mRow = Skew.delay("metaRow", accRow, lat);
        Bool mAcc = Skew.delay("metaAcc", accumulate, lat);
        Bool mLast = Skew.delay("metaLast", lastRow, lat);
        connect(io.eValid, mValid);
        connect(io.eRow, mRow);
        connect(io.eAccumulate, mAcc);
        connect(io.eData, mesh.io.ps);
        connect(io.computeDone, and(mValid, mLast));
        UInt inflight = regInit("inflight", lit(0, 8));
        connect(inflight, sub(add(inflight, mux(active, lit(1, 8), lit(0, 8))), mux(mValid, lit(1, 8), lit(0, 8))));
        connect(io.idle, and(and(not(active), not(lActive)), not(orR(inflight))));
        UInt busyCount = regInit("busyCount", lit(0, 8));
        when(active, () -> connect(busyCount, lit(rows + cols - 2, 8)))
                .elsewhen(() -> orR(busyCount), () -> connect(busyCount, sub(busyCount, lit(1, 8))));
        connect(io.busy, or(or(active, orR(busyCount)), shifting));
    }
}
