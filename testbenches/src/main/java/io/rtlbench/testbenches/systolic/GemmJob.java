package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.formats.FormatGolden;
import io.rtlbench.testbenches.formats.Mxfp4;

/**
 * One GEMM layer for a core: C = requant(A x B + bias). a is M x K, b is K x N element codes of
 * {@code format}: INT8 values, FP8 codes, or MXFP4 E2M1 codes (0..15, one a byte) with E8M0 scales
 * {@code aScales} (M x ceil(K/32), A's blocks along K) and {@code bScales} (ceil(K/32) x N). bias:
 * N INT32 values (INT8) or FP32 bits (floating-point formats), or null. requant: null for raw
 * output (INT32, or FP32 bits for the floating-point formats, which have no requantization).
 */
public record GemmJob(byte[][] a, byte[][] b, int[] bias, Requant requant, NumberFormat format, byte[][] aScales, byte[][] bScales) {
    public GemmJob {
        if (a == null || b == null || a.length == 0 || b.length == 0 || b[0].length == 0)
            throw new IllegalArgumentException("GEMM needs M, K, N >= 1");
        for (byte[] row : a)
            if (row.length != b.length) throw new IllegalArgumentException("A is " + a.length + "x" + row.length + " but B has " + b.length + " rows");
        for (byte[] row : b)
            if (row.length != b[0].length) throw new IllegalArgumentException("B rows differ in length");
        if (bias != null && bias.length != b[0].length)
            throw new IllegalArgumentException("bias has " + bias.length + " values for N = " + b[0].length);
        if (format == null) throw new IllegalArgumentException("format must not be null");
        if (format.isFloat() && requant != null)
            throw new IllegalArgumentException("format " + format + " writes FP32 results: requantization is for int8 only");
        if (format == NumberFormat.MXFP4) checkMx(a, b, aScales, bScales);
        else if (aScales != null || bScales != null) throw new IllegalArgumentException("format " + format + " has no block scales");
    }

    /** An INT8 job. */
    public GemmJob(byte[][] a, byte[][] b, int[] bias, Requant requant) { this(a, b, bias, requant, NumberFormat.INT8, null, null); }

    public int m() { return a.length; }
    public int k() { return b.length; }
    public int n() { return b[0].length; }
    public long macs() { return (long) m() * k() * n(); }
    /** MX blocks along K. */
    public int kBlocks() { return (k() + Mxfp4.BLOCK - 1) / Mxfp4.BLOCK; }

    /** The golden result of an INT8 job (floating-point results depend on the K tile: {@link #expected(int)}). */
    public int[][] expected() {
        if (format.isFloat())
            throw new IllegalStateException("a " + format + " result depends on the core's K tile: use expected(kTile)");
        return GemmGolden.layer(a, b, bias, requant);
    }

    /** The golden result with K tiles of {@code kTile} elements (the systolic core's rows; ignored for INT8). */
    public int[][] expected(int kTile) { return format.isFloat() ? FormatGolden.gemm(this, kTile) : expected(); }

    private static void checkMx(byte[][] a, byte[][] b, byte[][] aScales, byte[][] bScales) {
        int blocks = (b.length + Mxfp4.BLOCK - 1) / Mxfp4.BLOCK, n = b[0].length;
        if (aScales == null || aScales.length != a.length || bScales == null || bScales.length != blocks)
            throw new IllegalArgumentException("mxfp4 needs scales: A " + a.length + " x " + blocks + ", B " + blocks + " x " + n);
        for (byte[] s : aScales) if (s.length != blocks) throw new IllegalArgumentException("A scales need " + blocks + " blocks a row");
        for (byte[] s : bScales) if (s.length != n) throw new IllegalArgumentException("B scales need " + n + " columns a block");
        for (byte[][] m : new byte[][][] {a, b})
            for (byte[] row : m)
                for (byte v : row)
                    if (v < 0 || v > 15) throw new IllegalArgumentException("mxfp4 element codes are 0..15, got " + v);
    }
}
