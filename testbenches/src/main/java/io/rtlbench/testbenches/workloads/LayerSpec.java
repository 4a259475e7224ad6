package io.rtlbench.testbenches.workloads;

import java.util.List;

/**
 * The one parser of ad-hoc layer specs: {@code gemm:M,K,N} and {@code conv:H,W,CIN,COUT,K,STRIDE,PAD}.
 * Every error names the field and its range. Limits: each dimension 1..{@value #MAX_DIM} (padding
 * 0..{@value #MAX_DIM}), and the GEMM the layer lowers to (after im2col) must fit the cores' 1 GiB
 * off-chip memory: INT8 A (M x K) + INT8 B (K x N) + INT32 C (M x N) <= {@value #MAX_BYTES} bytes.
 */
public final class LayerSpec {
    public static final int MAX_DIM = 1 << 20;
    public static final long MAX_BYTES = 1L << 30;
    static final String GEMM_FORM = "gemm:M,K,N", CONV_FORM = "conv:H,W,CIN,COUT,K,STRIDE,PAD";
    private static final List<String> GEMM_FIELDS = List.of("M", "K", "N");
    private static final List<String> CONV_FIELDS = List.of("H", "W", "CIN", "COUT", "K", "STRIDE", "PAD");

    private LayerSpec() {}

    /** True when {@code text} looks like an ad-hoc spec (gemm: or conv:), as opposed to a library name. */
    public static boolean isSpec(String text) { return text != null && (text.startsWith("gemm:") || text.startsWith("conv:")); }

    /** One layer named after the spec. */
    public static Layer parse(String spec) {
        if (!isSpec(spec)) throw new IllegalArgumentException("workload '" + spec + "' must be " + GEMM_FORM + " or " + CONV_FORM);
        boolean gemm = spec.startsWith("gemm:");
        List<String> fields = gemm ? GEMM_FIELDS : CONV_FIELDS;
        String form = gemm ? GEMM_FORM : CONV_FORM;
        String[] parts = spec.substring(5).split(",", -1);
        if (parts.length != fields.size())
            throw new IllegalArgumentException("workload '" + spec + "' must be " + form + " (" + fields.size() + " numbers, got " + parts.length + ")");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = number(spec, fields.get(i), parts[i], fields.get(i).equals("PAD") ? 0 : 1);
        Layer layer;
        try {
            layer = gemm ? new Layer(spec, Layer.Kind.GEMM, new Layer.Gemm(v[0], v[1], v[2]), 1)
                    : new Layer(spec, Layer.Kind.CONV, new Layer.Conv(v[0], v[1], v[2], v[3], v[4], v[5], v[6]), 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workload '" + spec + "': " + e.getMessage(), e);
        }
        checkFits(spec, layer);
        return layer;
    }

    /** The lowered GEMM's operands must fit the off-chip memory (and Java arrays). */
    public static void checkFits(String what, Layer layer) {
        Layer.Gemm g = layer.gemmShape();
        long bytes = (long) g.m() * g.k() + (long) g.k() * g.n() + 4L * g.m() * g.n();
        if (bytes > MAX_BYTES || (long) g.m() * g.k() > Integer.MAX_VALUE - 64 || (long) g.k() * g.n() > Integer.MAX_VALUE - 64) {
            String lowered = layer.shape() instanceof Layer.Conv c
                    ? String.format(" (im2col: M = Hout x Wout = %,d, K = CIN x K x K = %,d, N = COUT = %,d)", g.m(), g.k(), g.n())
                    : "";
            throw new IllegalArgumentException(String.format("workload '%s' is too large: its %dx%dx%d GEMM%s needs %,d bytes of"
                    + " operands; at most %,d fit the off-chip memory", what, g.m(), g.k(), g.n(), lowered, bytes, MAX_BYTES));
        }
    }

    private static int number(String spec, String field, String text, int min) {
        String t = text.strip();
        if (!t.matches("-?\\d+"))
            throw new IllegalArgumentException("workload '" + spec + "': " + field + " '" + t + "' is not an integer");
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > MAX_DIM)
            throw new IllegalArgumentException("workload '" + spec + "': " + field + " = " + t + " is out of range " + min + ".." + MAX_DIM);
        return (int) v;
    }
}
