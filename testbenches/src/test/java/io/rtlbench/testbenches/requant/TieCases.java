package io.rtlbench.testbenches.requant;

import io.rtlbench.testbenches.systolic.Requant;
import java.util.List;

/**
 * Requantization parameters and accumulator ranges chosen so that most outputs land in range and
 * half of them exactly on a rounding tie: scale = s x 2^(shift - 1) with s odd makes acc x scale /
 * 2^shift = acc x s / 2, a tie (x.5) for every odd acc x s. With |acc x s| <= 254 the result is in
 * [-127, 127]. Covers shifts from 1 to 32 (scale up to -2^31), negative scales and ReLU, so the
 * 64-bit product, the round-half-up constant and the arithmetic shift are all exercised where they
 * decide the result: rounding half up gives -0.5 -> 0 and 0.5 -> 1, -1.5 -> -1 and 1.5 -> 2.
 */
public final class TieCases {
    private TieCases() {}

    /** (scale, shift, relu) triples; every |s| = |scale| / 2^(shift-1) is 1 or 3. */
    public static final List<Requant> PARAMS = List.of(new Requant(1, 1, false), new Requant(3, 1, false), new Requant(-1, 1, false),
            new Requant(8, 4, false), new Requant(-24, 4, true), new Requant(3 << 16, 17, false), new Requant(1 << 29, 30, true),
            new Requant(-(1 << 30), 31, false), new Requant(Integer.MIN_VALUE, 32, false), new Requant(3 << 5, 6, true));

    /** The largest |accumulator| for which every result of {@code rq} stays inside [-127, 127]. */
    public static int maxAcc(Requant rq) {
        long s = Math.abs((long) rq.scale()) >> (rq.shift() - 1);
        return (int) (254 / s);
    }

    /** Whether acc x scale / 2^shift is exactly halfway between two integers. */
    public static boolean tie(int acc, Requant rq) {
        long p = (long) acc * rq.scale(), half = 1L << (rq.shift() - 1);
        return (p & (2 * half - 1)) == half;
    }

    /** Whether the result is neither saturated nor zeroed by ReLU (so the rounding decided it). */
    public static boolean inRange(int acc, Requant rq) {
        long p = (long) acc * rq.scale();
        double exact = p / Math.pow(2, rq.shift());
        return exact > -128 && exact < 127.5 && !(rq.relu() && exact < -0.5);
    }

    /** Counts over a matrix of accumulators: {outputs, ties, in range, ties in range with a negative value}. */
    public static int[] stats(int[][] acc, Requant rq) {
        int[] s = new int[4];
        for (int[] row : acc)
            for (int v : row) {
                s[0]++;
                boolean t = tie(v, rq), in = inRange(v, rq);
                if (t) s[1]++;
                if (in) s[2]++;
                if (t && in && (long) v * rq.scale() < 0) s[3]++;
            }
        return s;
    }
}
