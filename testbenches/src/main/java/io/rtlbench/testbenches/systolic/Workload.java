package io.rtlbench.testbenches.systolic;

import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerSpec;
import java.util.Random;

/**
 * A {@code run} workload with its tensors: {@code gemm:M,K,N} (random INT8 A and B, raw INT32 out)
 * and {@code conv:H,W,CIN,COUT,K,STRIDE,PAD} (random INT8 input and weights, random bias, INT8
 * requantized output with ReLU), both lowered to one {@link GemmJob}. Shapes are parsed and bounded
 * by {@link LayerSpec}.
 */
public record Workload(String spec, GemmJob job) {
    public static Workload parse(String spec, long seed) { return parse(spec, seed, DataPattern.RANDOM); }

    /** As {@link #parse(String, long)} with tensor contents from {@code data} (random, zeros, sparse:P). */
    public static Workload parse(String spec, long seed, DataPattern data) {
        Layer layer = LayerSpec.parse(spec);
        Random rnd = new Random(seed);
        if (layer.shape() instanceof Layer.Gemm g)
            return new Workload(spec, new GemmJob(data.matrix(rnd, g.m(), g.k()), data.matrix(rnd, g.k(), g.n()), null, null));
        Layer.Conv c = (Layer.Conv) layer.shape();
        byte[][][] x = new byte[c.cin()][][];
        for (int ch = 0; ch < c.cin(); ch++) x[ch] = data.matrix(rnd, c.h(), c.w());
        byte[][][][] wt = new byte[c.cout()][c.cin()][][];
        for (byte[][][] o : wt) for (int ch = 0; ch < c.cin(); ch++) o[ch] = data.matrix(rnd, c.kernel(), c.kernel());
        Layers.Conv2d conv = new Layers.Conv2d(wt, GemmGolden.randomBias(rnd, c.cout(), 5000), c.stride(), c.pad(), new Requant(1, 8, true));
        return new Workload(spec, conv.job(x));
    }
}
