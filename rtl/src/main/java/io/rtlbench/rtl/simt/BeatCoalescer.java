package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.mem.OffChipConfig;

/**
 * The {@link Lsu}'s off-chip request of this cycle for one warp memory instruction. Each lane's
 * access is one or two pieces: the low piece in the bus beat holding its first byte and, when it
 * straddles into the next beat, a high piece there; {@code pend} has one bit per piece (lanes'
 * low pieces in bits 0..T-1, high pieces in T..2T-1). The lowest pending piece picks the beat; every
 * pending piece in that beat rides along ({@code match}), so a warp instruction makes one request per
 * distinct beat. Stores merge their bytes under a byte mask (lane order, low piece before high: the
 * higher lane wins a byte both write). Combinational.
 */
final class BeatCoalescer {
    /** Beat index (address bits offBits-1 .. beatShift) of this cycle's request. */
    final UInt beat;
    /** Pieces served by this beat (2T bits). */
    final UInt match;
    final UInt data, mask;

    BeatCoalescer(SimtConfig cfg, Vec<UInt> addr, Vec<UInt> value, UInt f3, UInt pend) {
        int t = cfg.threads();
        OffChipConfig oc = cfg.offchip();
        int beatShift = Integer.numberOfTrailingZeros(oc.busBytes());
        int offBits = Integer.numberOfTrailingZeros((int) oc.sizeBytes()), beatBits = offBits - beatShift;
        UInt sizeMask = AccessGeometry.sizeMask(f3);
        UInt[] beatOf = new UInt[2 * t];
        UInt[][] placed = new UInt[t][];
        for (int l = 0; l < t; l++) {
            UInt a = addr.apply(l);
            beatOf[l] = bits(a, offBits - 1, beatShift);
            beatOf[t + l] = low(add(beatOf[l], lit(1, beatBits)), beatBits);
            placed[l] = AccessGeometry.place(value.apply(l), sizeMask, bits(a, beatShift - 1, 0), oc.busBytes());
        }
        int pb = Math.max(1, SimtConfig.log2(2 * t));
        UInt leader = lit(0, pb);
        for (int p = 2 * t - 1; p >= 0; p--) leader = mux(bit(pend, p), lit(p, pb), leader);
        UInt leaderN = node("leader", leader);
        UInt lb = beatOf[2 * t - 1];
        for (int p = 2 * t - 2; p >= 0; p--) lb = mux(eq(leaderN, lit(p, pb)), beatOf[p], lb);
        beat = node("leaderBeat", lb);
        UInt[] m = new UInt[2 * t];
        for (int p = 0; p < 2 * t; p++) m[p] = asUInt(node("match" + p, and(bit(pend, p), eq(beatOf[p], beat))));
        UInt matchCat = m[0];
        for (int p = 1; p < 2 * t; p++) matchCat = cat(m[p], matchCat);
        match = node("matchMask", matchCat);
        UInt d = lit(0, oc.beatBits()), bm = lit(0, oc.busBytes());
        for (int l = 0; l < t; l++)
            for (int half = 0; half < 2; half++) {
                int lo = half * oc.busBytes();
                UInt pieceData = bits(placed[l][0], 8 * lo + oc.beatBits() - 1, 8 * lo);
                UInt pieceMask = bits(placed[l][1], lo + oc.busBytes() - 1, lo);
                UInt bitMask = AccessGeometry.expand(pieceMask, oc.busBytes());
                Bool hit = asBool(m[half * t + l]);
                d = mux(hit, or(and(d, not(bitMask)), and(pieceData, bitMask)), d);
                bm = mux(hit, or(bm, pieceMask), bm);
            }
        data = node("beatData", d);
        mask = node("beatMask", bm);
    }
}
