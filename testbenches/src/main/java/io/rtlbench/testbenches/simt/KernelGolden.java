package io.rtlbench.testbenches.simt;

/**
 * Java reference results of the SIMT kernels (bit-exact targets). GEMM uses the project's
 * {@link io.rtlbench.testbenches.demo.MatMulGolden} (INT8 x INT8 summed as wrapping INT32), the
 * same reference as the systolic core.
 * Requantization, as the SIMT kernel defines it (to be reconciled with the systolic golden):
 * {@code y = sat8(relu((x * scale + r) >> shift))} with a 64-bit signed product, r = 2^(shift-1)
 * (0 for shift 0: round half up), arithmetic shift, saturation to INT32 first and then to
 * [-128, 127]; ReLU (optional) clamps negatives to 0 before the INT8 saturation.
 */
public final class KernelGolden {
    private KernelGolden() {}

    public static int[] vecadd(int[] a, int[] b) {
        int[] c = new int[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] + b[i];
        return c;
    }

    public static byte[] relu(byte[] x) {
        byte[] y = new byte[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (byte) Math.max(x[i], 0);
        return y;
    }

    public static byte requant(int x, int scale, int shift, boolean relu) {
        if (shift < 0 || shift > 62) throw new IllegalArgumentException("requant shift must be 0..62, got " + shift);
        long round = shift == 0 ? 0 : 1L << (shift - 1);
        long p = ((long) x * scale + round) >> shift;
        long v = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p));
        if (relu && v < 0) v = 0;
        return (byte) Math.max(-128, Math.min(127, v));
    }

    public static byte[] requant(int[] x, int scale, int shift, boolean relu) {
        byte[] y = new byte[x.length];
        for (int i = 0; i < x.length; i++) y[i] = requant(x[i], scale, shift, relu);
        return y;
    }

    /** The divergence kernel's function of (input, element index). */
    public static int divergence(int x, int i) {
        int r = 0;
        if ((x & 1) != 0) {
            r = (x & 2) != 0 ? x * 3 : x + 7;
            r += 1000;
        } else {
            for (int j = 0; Integer.compareUnsigned(j, x & 7) < 0; j++) {
                r += j * x;
                if ((j & 1) != 0) r ^= 0x55;
            }
        }
        for (int k = 0; k < i % 5; k++) r = (r ^ (r << 1)) + k;
        return r;
    }
}
