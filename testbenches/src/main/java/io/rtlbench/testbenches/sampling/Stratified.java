package io.rtlbench.testbenches.sampling;

import java.util.List;

/**
 * The stratified-sampling estimator of a total (Cochran, Sampling Techniques, 3rd ed., 1977, ch. 5):
 * per stratum h of N_h units with n_h measured values y, total = sum N_h * mean_h, variance = sum
 * N_h^2 (1 - n_h / N_h) s_h^2 / n_h (finite-population correction: a fully measured stratum adds
 * none), half-width = t(0.975, df) * sqrt(variance) with df = sum (n_h - 1) over the sampled strata.
 */
final class Stratified {
    /** One stratum's size and measured values. */
    record Stratum(int size, List<Double> values) {}

    /** Total and 95% half-width (absolute). */
    record Total(double total, double halfWidth) {
        double relative() { return total == 0 ? 0 : halfWidth / Math.abs(total); }
    }

    private Stratified() {}

    static Total estimate(List<Stratum> strata) {
        double total = 0, var = 0;
        int df = 0;
        for (Stratum s : strata) {
            int n = s.values().size();
            if (n == 0) throw new IllegalArgumentException("a stratum of " + s.size() + " units has no measurement");
            double mean = s.values().stream().mapToDouble(Double::doubleValue).sum() / n;
            total += s.size() * mean;
            if (n >= s.size()) continue;
            if (n < 2) throw new IllegalArgumentException("a sampled stratum needs at least two measurements");
            double ss = 0;
            for (double v : s.values()) ss += (v - mean) * (v - mean);
            var += (double) s.size() * s.size() * (1 - (double) n / s.size()) * ss / (n - 1) / n;
            df += n - 1;
        }
        return new Total(total, df == 0 ? 0 : t975(df) * Math.sqrt(var));
    }

    /** Student's t, two-sided 95% (upper 2.5% point), df >= 1: table to 30, then 1.96 + 2.4/df (within 0.3%). */
    static double t975(int df) {
        double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
        return df <= t.length ? t[df - 1] : 1.96 + 2.4 / df;
    }
}
