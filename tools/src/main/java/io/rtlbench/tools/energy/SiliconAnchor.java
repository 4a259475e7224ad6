package io.rtlbench.tools.energy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real-silicon figure the emulated numbers are held against (H200 measured for this project,
 * TPU v4, A100, H100, Keller et al. JSSC 2023, Dally's instruction overhead, HBM energy), with its
 * conditions, source and how it was checked; the data is {@code silicon-anchors.tsv}. A range such as
 * "30-80" keeps its text and its low end as {@link #value()}.
 */
public record SiliconAnchor(String id, String quantity, double value, String valueText, String unit, String conditions,
                            String source, String checked) {

    /** All anchors, in file order, by id. */
    public static Map<String, SiliconAnchor> all() {
        Map<String, SiliconAnchor> out = new LinkedHashMap<>();
        for (SiliconAnchor a : load()) out.put(a.id, a);
        return out;
    }

    public static SiliconAnchor get(String id) {
        SiliconAnchor a = all().get(id);
        if (a == null) throw new IllegalArgumentException("no silicon anchor '" + id + "'");
        return a;
    }

    private static List<SiliconAnchor> load() {
        List<SiliconAnchor> out = new ArrayList<>();
        try (InputStream in = SiliconAnchor.class.getResourceAsStream("silicon-anchors.tsv")) {
            if (in == null) throw new IllegalStateException("missing resource silicon-anchors.tsv");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 7) throw new IllegalStateException("silicon-anchors.tsv: 7 tab-separated fields expected: " + line);
                out.add(new SiliconAnchor(f[0], f[1], Double.parseDouble(f[2].split("-")[0]), f[2], f[3], f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read silicon-anchors.tsv", e);
        }
        return out;
    }

    /** All anchors in file order (the records serialize as they are). */
    public static List<SiliconAnchor> list() { return load(); }
}
