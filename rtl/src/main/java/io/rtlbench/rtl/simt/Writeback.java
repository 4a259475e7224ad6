package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.isKind;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import java.util.List;

/**
 * WRITEBACK of {@link SimtCore}: three write ports on every lane's register file ({@code regFile<lane>}):
 * the execute stage (ALU results, link addresses, CSR values and SPLIT tokens from
 * {@link WarpControl}), the {@link Lsu} (load data) and the {@link Divider}, plus the
 * {@link TensorUnit}'s with the tensor datapath; each writes the active lanes of its thread mask. Timing: the writes land at the clock edge ending the cycle in which they
 * are presented. The three never collide on a register: loads and divisions write registers that
 * the scoreboard keeps every other instruction of that warp away from. Simplification: no
 * write-port arbitration (a register file with three write ports).
 */
final class Writeback {
    private Writeback() {}

    static void build(SimtConfig cfg, List<Mem<UInt>> rf, IssueStage.Latch ex, Bool exIsDiv, Bool exIsMma, ExecuteStage exec,
                      WarpControl ctl, Lsu lsu, Divider divider, TensorUnit tensor) {
        Decoder dec = exec.dec;
        Bool later = exIsMma == null ? or(exec.isLoad, exIsDiv) : or(or(exec.isLoad, exIsDiv), exIsMma);
        Bool wbEx = node("wbEx", and(ex.valid(), and(dec.io.writesRd, not(later))));
        Bool useCsr = or(isKind(exec.kind, Kind.CSR), isKind(exec.kind, Kind.SIMT));
        for (int l = 0; l < cfg.threads(); l++) {
            final int ll = l;
            UInt value = mux(useCsr, ctl.io.laneValue.apply(l), exec.results.get(l));
            when(and(wbEx, bit(ex.mask(), l)), () -> write(rf.get(ll), cat(ex.warp(), dec.io.rd), value));
            when(and(lsu.io.wbValid, bit(lsu.io.wbMask, l)),
                    () -> write(rf.get(ll), cat(lsu.io.wbWarp, lsu.io.wbRd), lsu.io.wbData.apply(ll)));
            when(and(divider.io.wbValid, bit(divider.io.wbMask, l)),
                    () -> write(rf.get(ll), cat(divider.io.wbWarp, divider.io.wbRd), divider.io.wbData.apply(ll)));
            if (tensor != null)
                when(and(tensor.io.wbValid, bit(tensor.io.wbMask, l)),
                        () -> write(rf.get(ll), cat(tensor.io.wbWarp, tensor.io.wbRd), tensor.io.wbData.apply(ll)));
        }
    }
}
