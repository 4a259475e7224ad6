package io.rtlbench.testbenches.data;

import java.util.Random;

/**
 * The contents of generated INT8 tensors: {@code random} (uniform -128..127), {@code zeros}, or
 * {@code sparse:P} (each element zero with probability P, else uniform random). Parsed from the
 * {@code --data} option; deterministic for a given seed.
 */
public record DataPattern(String kind, double zeroFraction) {
    public static final DataPattern RANDOM = new DataPattern("random", 0);
    public static final DataPattern ZEROS = new DataPattern("zeros", 1);

    public static DataPattern parse(String spec) {
        if (spec == null || spec.equals("random")) return RANDOM;
        if (spec.equals("zeros")) return ZEROS;
        if (spec.startsWith("sparse:")) {
            try {
                double p = Double.parseDouble(spec.substring("sparse:".length()));
                if (p >= 0 && p <= 1) return new DataPattern("sparse", p);
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("--data must be random, zeros or sparse:P with 0 <= P <= 1; got '" + spec + "'");
    }

    /** A rows x cols INT8 matrix with this pattern. */
    public byte[][] matrix(Random rnd, int rows, int cols) {
        byte[][] m = new byte[rows][cols];
        for (byte[] row : m)
            for (int j = 0; j < cols; j++) row[j] = element(rnd);
        return m;
    }

    public byte element(Random rnd) {
        if (kind.equals("zeros")) return 0;
        byte v = (byte) rnd.nextInt(256);
        return kind.equals("sparse") && rnd.nextDouble() < zeroFraction ? 0 : v;
    }

    @Override public String toString() { return kind.equals("sparse") ? "sparse:" + zeroFraction : kind; }
}
