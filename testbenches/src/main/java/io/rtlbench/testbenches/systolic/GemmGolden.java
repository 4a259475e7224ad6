package io.rtlbench.testbenches.systolic;

/**
 * The golden GEMM every core is checked against: C = A x B (+ bias per output column), INT8
 * operands, INT32 wrapping accumulation (Java int arithmetic), then either raw INT32 or
 * {@link Requant} to INT8. Reusable by any core's tests.
 */
public final class GemmGolden {
    private GemmGolden() {}

    /** a: M x K, b: K x N, bias: N values or null. Returns the M x N INT32 accumulators. */
    public static int[][] gemm(byte[][] a, byte[][] b, int[] bias) {
        int m = a.length, k = b.length, n = k == 0 ? 0 : b[0].length;
        for (byte[] row : a)
            if (row.length != k) throw new IllegalArgumentException("A is " + m + "x" + row.length + " but B has " + k + " rows");
        if (bias != null && bias.length != n) throw new IllegalArgumentException("bias has " + bias.length + " values for N = " + n);
        int[][] c = new int[m][n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                int acc = bias == null ? 0 : bias[j];
                for (int t = 0; t < k; t++) acc += a[i][t] * b[t][j];
                c[i][j] = acc;
            }
        return c;
    }

    /** The full layer: GEMM, bias, then requantization (rq == null: raw INT32). */
    public static int[][] layer(byte[][] a, byte[][] b, int[] bias, Requant rq) {
        int[][] acc = gemm(a, b, bias);
        return rq == null ? acc : rq.apply(acc);
    }

    /** Rows [m0, m0 + rows) x columns [n0, n0 + cols) of the job's golden result (for checking single tiles). */
    public static int[][] block(GemmJob job, int m0, int rows, int n0, int cols) {
        int[][] c = new int[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                int acc = job.bias() == null ? 0 : job.bias()[n0 + j];
                byte[] a = job.a()[m0 + i];
                for (int t = 0; t < a.length; t++) acc += a[t] * job.b()[t][n0 + j];
                c[i][j] = job.requant() == null ? acc : job.requant().apply(acc);
            }
        return c;
    }

    /**
     * First mismatch as a readable message naming the element, the operand indices, expected and
     * actual; null when equal.
     */
    public static String firstMismatch(int[][] expected, int[][] actual) {
        if (expected.length != actual.length) return "expected " + expected.length + " rows, got " + actual.length;
        for (int i = 0; i < expected.length; i++)
            for (int j = 0; j < expected[i].length; j++)
                if (expected[i][j] != actual[i][j])
                    return "C[" + i + "][" + j + "] (row " + i + " of A x column " + j + " of B): expected "
                            + expected[i][j] + ", actual " + actual[i][j];
        return null;
    }

    public static byte[][] random(java.util.Random rnd, int rows, int cols) {
        byte[][] m = new byte[rows][cols];
        for (byte[] row : m) rnd.nextBytes(row);
        return m;
    }

    public static int[] randomBias(java.util.Random rnd, int n, int bound) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) b[i] = rnd.nextInt(2 * bound + 1) - bound;
        return b;
    }
}
