package io.rtlbench.testbenches.workloads;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.formats.FormatData;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Layers;
import java.util.Random;

/**
 * The GEMM operands of one layer copy, from a data pattern: A (M x K) and B (K x N) directly for a
 * GEMM; for a (depthwise) convolution an input tensor and weights lowered by im2col on the host,
 * exactly as the systolic core's layer API does, so both cores multiply the same matrices.
 */
public record LayerTensors(byte[][] a, byte[][] b) {
    public static LayerTensors of(Layer layer, DataPattern data, Random rnd) {
        LayerSpec.checkFits(layer.name(), layer);
        if (layer.shape() instanceof Layer.Gemm g) return new LayerTensors(data.matrix(rnd, g.m(), g.k()), data.matrix(rnd, g.k(), g.n()));
        Layer.Conv c = (Layer.Conv) layer.shape();
        int cin = layer.kind() == Layer.Kind.DWCONV ? 1 : c.cin(), cout = layer.kind() == Layer.Kind.DWCONV ? 1 : c.cout();
        byte[][][] x = new byte[cin][][];
        for (int i = 0; i < cin; i++) x[i] = data.matrix(rnd, c.h(), c.w());
        byte[][][][] w = new byte[cout][cin][][];
        for (int o = 0; o < cout; o++)
            for (int i = 0; i < cin; i++) w[o][i] = data.matrix(rnd, c.kernel(), c.kernel());
        var job = new Layers.Conv2d(w, null, c.stride(), c.pad(), null).job(x);
        return new LayerTensors(job.a(), job.b());
    }

    /** The raw INT32 GEMM C = A x B of these operands. */
    public GemmJob job() { return new GemmJob(a, b, null, null); }

    /**
     * The GEMM in number format {@code f}: INT8 as {@link #job()}; FP8 and MXFP4 from the same INT8
     * values read as real numbers (FP8: rounded to nearest even, |v| <= 128 fits both FP8 formats;
     * MXFP4: blocks of 32 along K with their shared scale), FP32 output.
     */
    public GemmJob job(NumberFormat f) {
        if (f == NumberFormat.INT8) return job();
        return FormatData.quantize(f, floats(a), floats(b), null);
    }

    /** {@link #job(NumberFormat)} by the format's CLI name: int8, fp8e4m3, fp8e5m2 or mxfp4. */
    public GemmJob job(String format) { return job(NumberFormat.fromName(format)); }

    /** The canonical name of a number format, or a clear error listing the valid ones. */
    public static String formatName(String name) { return NumberFormat.fromName(name == null ? "" : name.trim()).cliName; }

    private static float[][] floats(byte[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) out[i][j] = m[i][j];
        }
        return out;
    }

    public int m() { return a.length; }
    public int k() { return b.length; }
    public int n() { return b[0].length; }
    public long macs() { return (long) m() * k() * n(); }
}
