package io.rtlbench.testbenches.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of layers picked from several library workloads, each at its own scale: the default set of
 * {@code rtlbench compare} ({@code default.set}). Lines: {@code workload layer scale}, # comments;
 * a run's {@code --scale} multiplies each line's scale.
 */
public final class WorkloadSet {
    /** A layer with the name it is reported under ({@code workload.layer}). */
    public record Entry(String name, Layer layer) {}

    private WorkloadSet() {}

    /** "default" (the built-in set), a library workload name, or an ad-hoc gemm:/conv: spec, at {@code scale}. */
    public static List<Entry> load(String name, double scale) {
        if (name.equals("default")) {
            if (!(scale > 0 && scale <= 1)) throw new IllegalArgumentException("--scale must be in (0, 1], got " + scale);
            return parse("default.set", scale);
        }
        Workload w = WorkloadLibrary.load(name, scale);
        List<Entry> out = new ArrayList<>();
        for (Layer l : w.layers()) out.add(new Entry(w.layers().size() == 1 && name.contains(":") ? name : w.name() + "." + l.name(), l));
        return out;
    }

    static List<Entry> parse(String file, double scale) {
        String text;
        try (InputStream in = WorkloadSet.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("missing workload set " + file);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").strip();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            if (f.length != 3) throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'workload layer scale'");
            double lineScale;
            try {
                lineScale = Double.parseDouble(f[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": bad scale '" + f[2] + "'");
            }
            Layer l = WorkloadLibrary.load(f[0], 1.0).layer(f[1]).scaled(lineScale * scale);
            out.add(new Entry(f[0] + "." + f[1], l));
        }
        return out;
    }
}
