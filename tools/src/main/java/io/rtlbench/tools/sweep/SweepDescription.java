package io.rtlbench.tools.sweep;

import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.json.OptionalField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The exact content of a sweep: the settings every point shares, the layers every point runs and the
 * points (in a canonical order: by core, configuration and bandwidth, numbers compared as numbers, so
 * the same set typed in another order is the same sweep). Written as JSON next to the outputs; its
 * {@link #id()} (SHA-256 of that JSON, 16 hex digits) tells shards and merges whether they belong
 * together. A new sweep dimension is a new component: of {@link Settings} when the whole sweep has one
 * value, of {@link Point} when points differ in it; it then joins the id and the resume key by itself,
 * and needs a {@link SweepRow} column (and a value in {@code SweepRow.point()/settings()}) for the CSV.
 */
public record SweepDescription(int version, Settings settings, List<LayerInfo> layers, List<Point> points) {
    /**
     * Bumped when the meaning of a field changes, so old shard folders are not merged with new ones
     * (2: settings gained format and sample; version 1 sweeps were int8, every tile emulated).
     */
    public static final int VERSION = 2;

    /**
     * Everything but the point that shapes a row's numbers. {@code format}: int8, fp8e4m3, fp8e5m2 or
     * mxfp4; {@code sample}: the sample mode in force (auto, off or a tile count). Both are optional
     * when read only so that a version 1 description gets the version error, not a missing field.
     */
    public record Settings(String workload, double scale, long seed, String data, String tech, int offchipLatency,
                           @OptionalField String format, @OptionalField String sample) {}

    /** One layer of the workload: its name, one copy's shape and size, and how often it repeats. */
    public record LayerInfo(String name, String spec, int repeat, long macs, long offchipBytesMin) {
        static LayerInfo of(WorkloadSet.Entry e) {
            return new LayerInfo(e.name(), e.layer().spec(), e.layer().repeat(), e.layer().gemmShape().macs(),
                    e.layer().offchipBytesMin() / e.layer().repeat());
        }
    }

    /** One simulation: a core configuration ({@link CoreSpec#label()}) at one off-chip bandwidth (bytes/cycle). */
    public record Point(String core, String config, int offchipBw) {
        public static Point of(CoreSpec spec, int offchipBw) { return new Point(spec.core(), spec.label(), offchipBw); }

        public CoreSpec spec() { return CoreSpec.parse(core, config, "sweep point"); }

        /** How people read it: {@code systolic 4x4,ws @ 16 B/cycle}. */
        public String label() { return core + " " + config + " @ " + offchipBw + " B/cycle"; }
    }

    public SweepDescription {
        layers = List.copyOf(layers);
        points = points.stream().distinct().sorted(ORDER).toList();
    }

    /** The description of a sweep of {@code points} over {@code entries} with {@code settings}. */
    public static SweepDescription of(Settings settings, List<WorkloadSet.Entry> entries, List<Point> points) {
        List<LayerInfo> layers = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) layers.add(LayerInfo.of(e));
        return new SweepDescription(VERSION, settings, layers, points);
    }

    /** The key of a point's rows in a CSV (the point and every setting). */
    public String key(Point p) { return key(p, settings); }

    /** Every component of the point, then of the settings, joined by {@code |} (a new dimension joins the key by itself). */
    static String key(Point p, Settings s) {
        List<String> parts = new ArrayList<>();
        for (Record r : List.of(p, s))
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    parts.add(String.valueOf(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        return String.join("|", parts);
    }

    public List<String> layerNames() { return layers.stream().map(LayerInfo::name).toList(); }

    /** {@code rows} in the canonical order: by point, then layer, as listed here (rows of other sweeps last, as they came). */
    public List<SweepRow> inOrder(List<SweepRow> rows) {
        java.util.Map<String, Integer> pointIndex = new java.util.HashMap<>();
        for (int i = 0; i < points.size(); i++) pointIndex.put(key(points.get(i)), i);
        List<String> names = layerNames();
        Comparator<SweepRow> byPoint = Comparator.comparingInt(r -> pointIndex.getOrDefault(r.pointKey(), Integer.MAX_VALUE));
        return rows.stream().sorted(byPoint.thenComparingInt(r -> names.indexOf(r.layer()) < 0 ? Integer.MAX_VALUE : names.indexOf(r.layer())))
                .toList();
    }

    /** The stable identity: the first 16 hex digits of the SHA-256 of this description's JSON. */
    public String id() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(JsonFiles.write(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** Core name, then configuration and bandwidth with embedded numbers compared as numbers (4x4 before 16x16). */
    static final Comparator<Point> ORDER = Comparator.comparing(Point::core).thenComparing(Point::config, SweepDescription::natural)
            .thenComparingInt(Point::offchipBw);

    static int natural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i, j2 = j;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) i2++;
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) j2++;
                int c = new java.math.BigInteger(a.substring(i, i2)).compareTo(new java.math.BigInteger(b.substring(j, j2)));
                if (c != 0) return c;
                i = i2;
                j = j2;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
