package io.rtlbench.tools.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis: maps data values to pixels on a linear or log10 scale, with "nice" ticks (1/2/5 steps
 * on linear axes; decades on log axes, plus 2x and 5x when the range spans few decades) and compact
 * tick labels (1.5k, 20M). Log axes clamp values <= 0 to the bottom of the range.
 */
final class Axis {
    final boolean log;
    final double lo, hi;
    private final double p0, p1;

    private Axis(boolean log, double lo, double hi, double p0, double p1) {
        this.log = log; this.lo = lo; this.hi = hi; this.p0 = p0; this.p1 = p1;
    }

    /** A linear axis from 0 (or the negative minimum) to a nice value >= max, mapped onto pixels p0..p1. */
    static Axis linear(double min, double max, double p0, double p1) {
        double lo = Math.min(0, min);
        double hi = max > lo ? max : lo + 1;
        double step = niceStep((hi - lo) / 5);
        return new Axis(false, Math.floor(lo / step) * step, Math.ceil(hi / step) * step, p0, p1);
    }

    /** A log10 axis covering [min, max] (positive values) rounded out to whole decades. */
    static Axis log(double min, double max, double p0, double p1) {
        if (!(min > 0)) min = max > 0 ? max / 10 : 1;
        if (!(max >= min)) max = min;
        double lo = Math.pow(10, Math.floor(Math.log10(min) + 1e-9));
        double hi = Math.pow(10, Math.ceil(Math.log10(max) - 1e-9));
        if (hi <= lo) hi = lo * 10;
        return new Axis(true, lo, hi, p0, p1);
    }

    /** Log when the positive values span more than {@code ratio}x, else linear from 0. */
    static Axis auto(List<Double> values, double ratio, double p0, double p1) {
        double min = values.stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return max / min > ratio ? log(min, max, p0, p1) : linear(0, max, p0, p1);
    }

    double px(double v) {
        double t = log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return p0 + t * (p1 - p0);
    }

    /** The pixel of the axis' base (0 on linear axes, the lowest decade on log axes). */
    double base() { return px(log ? lo : Math.max(lo, 0)); }

    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (log) {
            int decades = (int) Math.round(Math.log10(hi / lo));
            for (double d = lo; d <= hi * 1.0001; d *= 10) {
                t.add(d);
                if (decades <= 2 && d < hi / 1.0001) { t.add(2 * d); t.add(5 * d); }
            }
        } else {
            double step = niceStep((hi - lo) / 5);
            for (double v = lo; v <= hi + step / 1000; v += step) t.add(Math.abs(v) < step / 1e6 ? 0 : v);
        }
        return t;
    }

    private static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    /** Compact label: 0.05, 1.5, 120, 1.5k, 20M, 3G. */
    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + "G";
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e4) return trim(v / 1e3) + "k";
        return trim(v);
    }

    private static String trim(double v) {
        double a = Math.abs(v);
        String s = a == 0 ? "0" : a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v)
                : a >= 1 ? String.format("%.2f", v) : String.format("%.2g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
