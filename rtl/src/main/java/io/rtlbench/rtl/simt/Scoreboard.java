package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static io.rtlbench.rtl.simt.SimtUtil.isMma;
import static io.rtlbench.rtl.simt.SimtUtil.repeat;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;

/**
 * The per-warp register scoreboard of {@link SimtCore}: one pending bit per architectural register
 * of each warp ({@code pending}), set when a load or a division leaves execute for the {@link Lsu}
 * or the {@link Divider} and cleared when that unit writes the register back. An instruction whose
 * rs1, rs2 or rd is pending does not issue (rd too: no write-after-write reordering). Timing: set and
 * cleared at the clock edge, so a result written back in cycle n lets its consumer issue in n + 1.
 * With the tensor datapath an mma holds rd and rd+1 until the {@link TensorUnit} writes them.
 * Simplification: one bit per register, no operand forwarding.
 */
final class Scoreboard {
    /** One long-latency write-back as the scoreboard sees it. */
    record Writeback(Bool valid, UInt warp, UInt rd) {}

    private final SimtConfig cfg;
    private final Vec<UInt> pending;

    Scoreboard(SimtConfig cfg) {
        this.cfg = cfg;
        pending = regInit("pending", vecOf(repeat(cfg.warps(), () -> lit(0, 32))));
    }

    /** Whether warp {@code warp}'s instruction {@code inst} reads or writes a pending register (mma: rd+1 too). */
    Bool blocks(int warp, UInt inst) {
        UInt pend = pending.apply(warp);
        Bool b = or(or(bit(pend, bits(inst, 19, 15)), bit(pend, bits(inst, 24, 20))), bit(pend, bits(inst, 11, 7)));
        if (cfg.datapath().hasTensor()) b = or(b, and(isMma(inst), bit(pend, cat(bits(inst, 11, 8), lit(1, 1)))));
        return b;
    }

    /**
     * Marks rd of the executing instruction (warp {@code exWarp}) pending when it is a load leaving for
     * the LSU ({@code memStart && isLoad}) or a division ({@code divStart}), and clears the registers
     * the LSU and the divider write back this cycle.
     */
    void update(UInt exWarp, Bool memStart, Bool isLoad, Bool divStart, Bool writesRd, UInt rd, Writeback lsu, Writeback div) {
        update(exWarp, memStart, isLoad, divStart, writesRd, rd, lsu, div, null, null);
    }

    /** With the tensor datapath: an mma ({@code mmaStart}) marks rd and rd+1; the unit's write-backs clear them. */
    void update(UInt exWarp, Bool memStart, Bool isLoad, Bool divStart, Bool writesRd, UInt rd, Writeback lsu, Writeback div,
                Bool mmaStart, Writeback tensor) {
        int wb = cfg.warpBits();
        UInt rdBit = low(shl(lit(1, 32), rd), 32);
        UInt wbBit = low(shl(lit(1, 32), lsu.rd()), 32);
        UInt divBit = low(shl(lit(1, 32), div.rd()), 32);
        Bool longOp = or(and(memStart, isLoad), divStart);  // results that arrive later
        UInt mmaBits = null, tensorBit = null;
        if (mmaStart != null) {   // rd and rd+1 (never x0)
            mmaBits = and(or(rdBit, low(shl(lit(2, 32), rd), 32)), lit(0xFFFF_FFFEL, 32));
            tensorBit = low(shl(lit(1, 32), tensor.rd()), 32);
        }
        for (int i = 0; i < cfg.warps(); i++) {
            UInt set = mux(and(longOp, and(eq(exWarp, lit(i, wb)), writesRd)), rdBit, lit(0, 32));
            UInt clr = or(mux(and(lsu.valid(), eq(lsu.warp(), lit(i, wb))), wbBit, lit(0, 32)),
                    mux(and(div.valid(), eq(div.warp(), lit(i, wb))), divBit, lit(0, 32)));
            if (mmaStart != null) {
                set = or(set, mux(and(mmaStart, eq(exWarp, lit(i, wb))), mmaBits, lit(0, 32)));
                clr = or(clr, mux(and(tensor.valid(), eq(tensor.warp(), lit(i, wb))), tensorBit, lit(0, 32)));
            }
            connect(pending.apply(i), or(and(pending.apply(i), not(clr)), set));
        }
    }
}
