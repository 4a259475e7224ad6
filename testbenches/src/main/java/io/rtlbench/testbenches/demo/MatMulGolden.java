package io.rtlbench.testbenches.demo;

/** Reference C = A x B for INT8 matrices with INT32 wrapping accumulation (Java int arithmetic). */
public final class MatMulGolden {
    private MatMulGolden() {}

    /** a is m x k, b is k x n (row-major arrays of rows). */
    public static int[][] multiply(byte[][] a, byte[][] b) {
        int m = a.length, k = b.length, n = k == 0 ? 0 : b[0].length;
        for (byte[] row : a)
            if (row.length != k) throw new IllegalArgumentException("A is " + m + "x" + row.length + " but B has " + k + " rows");
        int[][] c = new int[m][n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                int acc = 0;
                for (int t = 0; t < k; t++) acc += a[i][t] * b[t][j];
                c[i][j] = acc;
            }
        return c;
    }

    /** First mismatch as a readable message, or null when equal (shared with the systolic golden model). */
    public static String firstMismatch(int[][] expected, int[][] actual) {
        return io.rtlbench.testbenches.systolic.GemmGolden.firstMismatch(expected, actual);
    }

    public static byte[][] random(java.util.Random rnd, int rows, int cols) {
        return io.rtlbench.testbenches.systolic.GemmGolden.random(rnd, rows, cols);
    }
}
