package io.rtlbench.testbenches.onnx;

import io.rtlbench.testbenches.systolic.Requant;

/**
 * The rule that maps an ONNX layer's float scales to the cores' integer requantization
 * ({@link Requant}: y = sat8(relu((acc * scale + 2^(shift-1)) >> shift))), per output channel n:
 * <pre>
 *   M_n     = x_scale * w_scale[n] / y_scale                      (real multiplier)
 *   shift_n = the largest shift <= 62 with round(M_n * 2^shift) < 2^31
 *   scale_n = round(M_n * 2^shift_n)                               (so scale_n is in [2^30, 2^31) unless M_n is tiny)
 *   bias_n  = bias_q[n] - x_zero * sum_k w[k][n] + round(y_zero * 2^shift_n / scale_n)
 * </pre>
 * The core multiplies A (INT8, with its zero point in the values) by W, adds bias_n and
 * requantizes. The input zero point folds exactly; the output zero point folds into the bias to
 * within M_n / 2 of an output step, so the result differs from ONNX's
 * saturate(round_half_even(M_n * acc) + y_zero) by at most 1 LSB (ties and that fold). ReLU: when
 * y_zero = 0 the requantization's ReLU flag; when y_zero = -128 saturation already clamps at real 0.
 *
 * @param scale per output channel
 * @param shift per output channel
 * @param zeroFold per output channel: the bias term that adds the output zero point
 * @param relu the ReLU flag
 */
public record IntRequant(int[] scale, int[] shift, int[] zeroFold, boolean relu) {
    public static IntRequant of(double[] multiplier, int yZero8, boolean relu) {
        int n = multiplier.length;
        int[] sc = new int[n], sh = new int[n], zf = new int[n];
        for (int c = 0; c < n; c++) {
            double m = multiplier[c];
            if (!(m >= 0) || m >= (1L << 31)) throw new OnnxException("requantization multiplier " + m + " is out of range");
            int s = 62;
            while (s > 0 && Math.round(m * Math.pow(2, s)) >= (1L << 31)) s--;
            long q = Math.round(m * Math.pow(2, s));
            sc[c] = (int) q;
            sh[c] = s;
            double fold = q == 0 ? 0 : Math.rint(yZero8 * Math.pow(2, s) / q);
            if (Math.abs(fold) > (1L << 30)) throw new OnnxException("output zero point " + yZero8 + " does not fold into an INT32 bias at multiplier " + m);
            zf[c] = (int) fold;
        }
        return new IntRequant(sc, sh, zf, relu);
    }

    /** One (scale, shift) for all channels: the systolic core's per-layer requantization can run it. */
    public boolean uniform() {
        for (int c = 1; c < scale.length; c++) if (scale[c] != scale[0] || shift[c] != shift[0]) return false;
        return true;
    }

    public Requant channel(int c) { return new Requant(scale[c], shift[c], relu); }

    /** The slice for output channels [from, from + n). */
    public IntRequant slice(int from, int n) {
        return new IntRequant(java.util.Arrays.copyOfRange(scale, from, from + n), java.util.Arrays.copyOfRange(shift, from, from + n),
                java.util.Arrays.copyOfRange(zeroFold, from, from + n), relu);
    }

    public int channels() { return scale.length; }
}
