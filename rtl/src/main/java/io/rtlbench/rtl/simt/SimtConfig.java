package io.rtlbench.rtl.simt;

import io.rtlbench.rtl.mem.OffChipConfig;

/**
 * Configuration of the SIMT core. Derived values (bits, bases) are computed here so every block
 * takes its slice from one place.
 *
 * @param warps         warps (1..32)
 * @param threads       threads (lanes) per warp (1..32)
 * @param stackDepth    divergence-stack entries per warp (power of two, 2..32; a divergent SPLIT uses 2)
 * @param barriers      hardware barriers (1..32)
 * @param sharedBytes   on-chip shared memory in bytes (power of two, 64 B..1 MiB)
 * @param imemBytes     on-chip instruction memory in bytes (power of two, 256 B..1 MiB)
 * @param offchip       the shared off-chip memory model (global memory, data of the ELF)
 */
public record SimtConfig(int warps, int threads, int stackDepth, int barriers, int sharedBytes, int imemBytes,
                         OffChipConfig offchip) {
    /** Reset PC and base of global memory: byte 0 of the off-chip store sits at this address. */
    public static final long GLOBAL_BASE = 0x8000_0000L;
    /** Base address of shared memory (addresses with top byte 0x70 are shared). */
    public static final long SHARED_BASE = 0x7000_0000L;
    public static final int XLEN = 32;
    public static final int NREGS = 32;
    /** Warp memory instructions the LSU keeps in flight (a power of two). */
    public static final int LSU_SLOTS = 4;

    public SimtConfig {
        check("warps", warps, 1, 32);
        check("threads", threads, 1, 32);
        pow2("stackDepth", stackDepth, 2, 32);
        check("barriers", barriers, 1, 32);
        pow2("sharedBytes", sharedBytes, 64, 1 << 20);
        pow2("imemBytes", imemBytes, 256, 1 << 20);
        if (offchip == null) throw new IllegalArgumentException("offchip config is required");
    }

    public static SimtConfig of(int warps, int threads) {
        return new SimtConfig(warps, threads, 16, 4, 64 << 10, 64 << 10, OffChipConfig.defaults());
    }

    public SimtConfig withOffchip(OffChipConfig o) {
        return new SimtConfig(warps, threads, stackDepth, barriers, sharedBytes, imemBytes, o);
    }

    public int warpBits() { return Math.max(1, log2(warps)); }
    public int laneBits() { return Math.max(1, log2(threads)); }
    public int stackBits() { return log2(stackDepth) + 1; }  // holds 0..stackDepth
    public int stackIndexBits() { return log2(stackDepth); }
    public int barrierBits() { return Math.max(1, log2(barriers)); }
    public int imemWords() { return imemBytes / 4; }
    public int imemAddrBits() { return log2(imemWords()); }
    public int sharedWords() { return sharedBytes / 4; }
    public int sharedAddrBits() { return log2(sharedWords()); }
    /** Register-file words per lane: one 32-entry bank per warp. */
    public int regWords() { return warps * NREGS; }

    /** Ceiling of log2 (0 for 1). */
    static int log2(int v) { return v <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(v - 1); }

    private static void check(String what, int v, int lo, int hi) {
        if (v < lo || v > hi) throw new IllegalArgumentException("SIMT " + what + " must be " + lo + ".." + hi + ", got " + v);
    }

    private static void pow2(String what, int v, int lo, int hi) {
        check(what, v, lo, hi);
        if (Integer.bitCount(v) != 1) throw new IllegalArgumentException("SIMT " + what + " must be a power of two, got " + v);
    }
}
