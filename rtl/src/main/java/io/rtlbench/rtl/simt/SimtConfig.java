package io.rtlbench.rtl.simt;

import io.rtlbench.rtl.mem.OffChipConfig;
import java.util.Locale;

/**
 * Configuration of the SIMT GPU: {@code cores} SIMT cores of {@code warps} warps x {@code threads}
 * threads sharing one off-chip port. Derived values (bits, bases) are computed here so every block
 * takes its slice from one place.
 *
 * @param warps         warps per core (1..32)
 * @param threads       threads (lanes) per warp (1..32)
 * @param stackDepth    divergence-stack entries per warp (power of two, 2..32; a divergent SPLIT uses 2)
 * @param barriers      hardware barriers per core (1..32)
 * @param sharedBytes   on-chip shared memory per core in bytes (power of two, 64 B..1 MiB)
 * @param imemBytes     on-chip instruction memory per core in bytes (power of two, 256 B..1 MiB)
 * @param offchip       the shared off-chip memory model (global memory, data of the ELF)
 * @param cores         SIMT cores (1..16), each with its own warps, shared memory and imem
 * @param datapath      what the lanes compute with: {@link Datapath}
 */
public record SimtConfig(int warps, int threads, int stackDepth, int barriers, int sharedBytes, int imemBytes,
                         OffChipConfig offchip, int cores, Datapath datapath) {
    /** Reset PC and base of global memory: byte 0 of the off-chip store sits at this address. */
    public static final long GLOBAL_BASE = 0x8000_0000L;
    /** Base address of shared memory (addresses with top byte 0x70 are shared). */
    public static final long SHARED_BASE = 0x7000_0000L;
    public static final int XLEN = 32;
    public static final int NREGS = 32;
    /** Warp memory instructions the LSU keeps in flight (a power of two). */
    public static final int LSU_SLOTS = 4;

    /**
     * The lanes' arithmetic. Each level includes the ones before it.
     * SCALAR: RV32IM lanes. DP4A: plus a packed INT8 dot product per lane ({@link SimtIsa.Op#DP4A}).
     * TENSOR: plus a warp matrix unit per core ({@link TensorUnit}, {@link SimtIsa.Op#MMA}).
     */
    public enum Datapath {
        SCALAR, DP4A, TENSOR;

        public boolean hasDp4a() { return this != SCALAR; }
        public boolean hasTensor() { return this == TENSOR; }
        public String label() { return name().toLowerCase(Locale.ROOT); }

        /** "scalar", "dp4a" or "tensor" (any case). */
        public static Datapath parse(String s) {
            for (Datapath d : values()) if (d.label().equalsIgnoreCase(s.trim())) return d;
            throw new IllegalArgumentException("SIMT datapath must be scalar, dp4a or tensor; got '" + s + "'");
        }
    }

    public SimtConfig {
        check("warps", warps, 1, 32);
        check("threads", threads, 1, 32);
        pow2("stackDepth", stackDepth, 2, 32);
        check("barriers", barriers, 1, 32);
        pow2("sharedBytes", sharedBytes, 64, 1 << 20);
        pow2("imemBytes", imemBytes, 256, 1 << 20);
        if (offchip == null) throw new IllegalArgumentException("offchip config is required");
        check("cores", cores, 1, 16);
        if (datapath == null) throw new IllegalArgumentException("SIMT datapath is required (scalar, dp4a or tensor)");
        if (datapath.hasTensor() && TensorShape.groupSize(threads) < 0)
            throw new IllegalArgumentException("the SIMT tensor datapath needs 2, 8 or 32 threads per warp (its tile is "
                    + "m(2g)n(2g)k(4g) with T = 2g^2 threads: one A and one B register and two C registers per thread); got " + threads);
    }

    /** One core, scalar lanes. */
    public SimtConfig(int warps, int threads, int stackDepth, int barriers, int sharedBytes, int imemBytes, OffChipConfig offchip) {
        this(warps, threads, stackDepth, barriers, sharedBytes, imemBytes, offchip, 1, Datapath.SCALAR);
    }

    public static SimtConfig of(int warps, int threads) {
        return new SimtConfig(warps, threads, 16, 4, 64 << 10, 64 << 10, OffChipConfig.defaults());
    }

    /**
     * A GPU spec: {@code WxT} (one core) or {@code CxWxT} (C cores), optionally followed by
     * {@code ,scalar}, {@code ,dp4a} or {@code ,tensor}; e.g. {@code 4x8}, {@code 4x4x8,tensor}.
     */
    public static SimtConfig parse(String spec) {
        String[] parts = spec.trim().split(",", -1);
        if (parts.length > 2) throw new IllegalArgumentException("SIMT spec is [CORESx]WARPSxTHREADS[,DATAPATH]; got '" + spec + "'");
        String[] dims = parts[0].trim().toLowerCase(Locale.ROOT).split("x", -1);
        if (dims.length < 2 || dims.length > 3)
            throw new IllegalArgumentException("SIMT spec is [CORESx]WARPSxTHREADS[,DATAPATH] (e.g. 4x8, 4x4x8,tensor); got '" + spec + "'");
        int[] n = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            try {
                n[i] = Integer.parseInt(dims[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SIMT spec '" + spec + "': '" + dims[i] + "' is not a number");
            }
        }
        SimtConfig c = of(n[dims.length - 2], n[dims.length - 1]);
        Datapath d = parts.length == 2 ? Datapath.parse(parts[1]) : Datapath.SCALAR;
        return c.withCores(dims.length == 3 ? n[0] : 1).withDatapath(d);
    }

    public SimtConfig withOffchip(OffChipConfig o) {
        return new SimtConfig(warps, threads, stackDepth, barriers, sharedBytes, imemBytes, o, cores, datapath);
    }

    public SimtConfig withCores(int c) {
        return new SimtConfig(warps, threads, stackDepth, barriers, sharedBytes, imemBytes, offchip, c, datapath);
    }

    public SimtConfig withDatapath(Datapath d) {
        return new SimtConfig(warps, threads, stackDepth, barriers, sharedBytes, imemBytes, offchip, cores, d);
    }

    /** The spec string: {@code WxT} or {@code CxWxT}, with {@code ,datapath} unless scalar. */
    public String spec() {
        return (cores > 1 ? cores + "x" : "") + warps + "x" + threads + (datapath == Datapath.SCALAR ? "" : "," + datapath.label());
    }

    public int warpBits() { return Math.max(1, log2(warps)); }
    public int laneBits() { return Math.max(1, log2(threads)); }
    public int coreBits() { return Math.max(1, log2(cores)); }
    public int stackBits() { return log2(stackDepth) + 1; }  // holds 0..stackDepth
    public int stackIndexBits() { return log2(stackDepth); }
    public int barrierBits() { return Math.max(1, log2(barriers)); }
    public int imemWords() { return imemBytes / 4; }
    public int imemAddrBits() { return log2(imemWords()); }
    public int sharedWords() { return sharedBytes / 4; }
    public int sharedAddrBits() { return log2(sharedWords()); }
    /** Register-file words per lane: one 32-entry bank per warp. */
    public int regWords() { return warps * NREGS; }
    /** Peak MACs per cycle of the whole GPU (INT8): one per lane (scalar), four per lane (dp4a), the matrix units' (tensor). */
    public int peakMacsPerCycle() {
        int perCore = switch (datapath) {
            case SCALAR -> threads;
            case DP4A -> 4 * threads;
            case TENSOR -> TensorShape.of(threads).macsPerCycle();
        };
        return cores * perCore;
    }

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
