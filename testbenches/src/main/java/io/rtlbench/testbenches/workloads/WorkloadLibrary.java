package io.rtlbench.testbenches.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload library: real network layer shapes kept as data files next to this class
 * ({@code <name>.layers}, listed in {@code index}), plus ad-hoc one-layer workloads written
 * {@code gemm:M,K,N} or {@code conv:H,W,CIN,COUT,K,STRIDE,PAD}.
 *
 * <p><b>Scale rule</b> ({@code --scale F}, 0 < F <= 1), so a layer runs in seconds on the RTL
 * emulator: every spatial dim (H, W) and every channel/feature dim (M, K, N, CIN, COUT, and the
 * channel count of a depthwise conv) is multiplied by F and rounded to the nearest integer, at least
 * 1; kernel size, stride and padding are unchanged (H and W stay at least KERNEL - 2*PAD so the
 * conv has an output). Each dim shrinks by F, so a GEMM's MACs shrink by about F^3 and a conv's by
 * about F^4. The repeat of GEMM/CONV layers (attention heads) is kept. Example: the ResNet-50 3x3
 * layer 56x56x64 -> 64 at F = 0.25 is 14x14x16 -> 16. Ad-hoc names are scaled the same way.
 */
public final class WorkloadLibrary {
    private static final String DIR = "/io/rtlbench/testbenches/workloads/";

    private WorkloadLibrary() {}

    /** The library's workload names, in index order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : read("index").split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) names.add(s);
        }
        return names;
    }

    /** A library workload by name, or an ad-hoc {@code gemm:...}/{@code conv:...} one, shrunk by {@code scale}. */
    public static Workload load(String name, double scale) {
        if (!(scale > 0 && scale <= 1))
            throw new IllegalArgumentException("--scale must be in (0, 1], got " + scale);
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("no workload name; known: " + String.join(", ", names()) + ", gemm:M,K,N, conv:H,W,CIN,COUT,K,STRIDE,PAD");
        Workload w;
        if (LayerSpec.isSpec(name)) {
            w = new Workload(name, 1.0, List.of(LayerSpec.parse(name)), false, "ad hoc");
        } else {
            if (!names().contains(name))
                throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", names())
                        + ", or gemm:M,K,N, conv:H,W,CIN,COUT,K,STRIDE,PAD");
            String file = name + ".layers";
            w = WorkloadFile.parse(name, DIR + file, read(file));
        }
        if (scale == 1.0) return w;
        return new Workload(w.name(), scale, w.layers().stream().map(l -> l.scaled(scale)).toList(), w.chained(), w.source());
    }

    private static String read(String file) {
        try (InputStream in = WorkloadLibrary.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("workload data file missing from the classpath: " + DIR + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + file, e);
        }
    }
}
