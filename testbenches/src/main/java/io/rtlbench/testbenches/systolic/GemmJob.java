package io.rtlbench.testbenches.systolic;

/**
 * One GEMM layer for a core: C = requant(A x B + bias). a is M x K, b is K x N (INT8), bias N INT32
 * values or null, requant null for raw INT32 output.
 */
public record GemmJob(byte[][] a, byte[][] b, int[] bias, Requant requant) {
    public GemmJob {
        if (a == null || b == null || a.length == 0 || b.length == 0 || b[0].length == 0)
            throw new IllegalArgumentException("GEMM needs M, K, N >= 1");
        for (byte[] row : a)
            if (row.length != b.length) throw new IllegalArgumentException("A is " + a.length + "x" + row.length + " but B has " + b.length + " rows");
        for (byte[] row : b)
            if (row.length != b[0].length) throw new IllegalArgumentException("B rows differ in length");
        if (bias != null && bias.length != b[0].length)
            throw new IllegalArgumentException("bias has " + bias.length + " values for N = " + b[0].length);
    }

    public int m() { return a.length; }
    public int k() { return b.length; }
    public int n() { return b[0].length; }
    public long macs() { return (long) m() * k() * n(); }
    /** The golden result. */
    public int[][] expected() { return GemmGolden.layer(a, b, bias, requant); }
}
