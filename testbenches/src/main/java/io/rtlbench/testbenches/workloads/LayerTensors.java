package io.rtlbench.testbenches.workloads;

import io.rtlbench.testbenches.data.DataPattern;
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

    public int m() { return a.length; }
    public int k() { return b.length; }
    public int n() { return b[0].length; }
    public long macs() { return (long) m() * k() * n(); }
}
