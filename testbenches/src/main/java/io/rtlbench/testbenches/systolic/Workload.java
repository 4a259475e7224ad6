package io.rtlbench.testbenches.systolic;

import io.rtlbench.testbenches.data.DataPattern;
import java.util.Random;

/**
 * Workloads by name, for the command line and regression suites: {@code gemm:M,K,N} (random INT8
 * A and B, raw INT32 out) and {@code conv:H,W,CIN,COUT,K,STRIDE,PAD} (random INT8 input and
 * weights, random bias, INT8 requantized output with ReLU), both lowered to one {@link GemmJob}.
 */
public record Workload(String spec, GemmJob job) {
    public static Workload parse(String spec, long seed) { return parse(spec, seed, DataPattern.RANDOM); }

    /** As {@link #parse(String, long)} with tensor contents from {@code data} (random, zeros, sparse:P). */
    public static Workload parse(String spec, long seed, DataPattern data) {
        Random rnd = new Random(seed);
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        int[] v = numbers(spec, colon < 0 ? "" : spec.substring(colon + 1));
        switch (kind) {
            case "gemm" -> {
                need(spec, v, 3, "gemm:M,K,N");
                for (int x : v) if (x < 1 || x > 4096) throw new IllegalArgumentException("gemm sizes must be 1..4096; got '" + spec + "'");
                return new Workload(spec, new GemmJob(data.matrix(rnd, v[0], v[1]), data.matrix(rnd, v[1], v[2]), null, null));
            }
            case "conv" -> {
                need(spec, v, 7, "conv:H,W,CIN,COUT,K,STRIDE,PAD");
                int h = v[0], w = v[1], cin = v[2], cout = v[3], k = v[4];
                if (h < 1 || w < 1 || cin < 1 || cout < 1 || k < 1 || h > 512 || w > 512 || cin > 1024 || cout > 1024)
                    throw new IllegalArgumentException("bad conv shape '" + spec + "'");
                byte[][][] x = new byte[cin][h][w];
                for (int c = 0; c < cin; c++) x[c] = data.matrix(rnd, h, w);
                byte[][][][] wt = new byte[cout][cin][k][k];
                for (byte[][][] o : wt) for (int c = 0; c < cin; c++) o[c] = data.matrix(rnd, k, k);
                Layers.Conv2d conv = new Layers.Conv2d(wt, GemmGolden.randomBias(rnd, cout, 5000), v[5], v[6], new Requant(1, 8, true));
                return new Workload(spec, conv.job(x));
            }
            default -> throw new IllegalArgumentException("unknown workload '" + spec + "': use gemm:M,K,N or conv:H,W,CIN,COUT,K,STRIDE,PAD");
        }
    }

    private static int[] numbers(String spec, String list) {
        try {
            return list.isEmpty() ? new int[0] : java.util.Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("workload '" + spec + "' has a non-integer size");
        }
    }

    private static void need(String spec, int[] v, int n, String form) {
        if (v.length != n) throw new IllegalArgumentException("workload '" + spec + "' must look like " + form);
    }
}
