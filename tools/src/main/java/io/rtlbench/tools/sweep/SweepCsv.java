package io.rtlbench.tools.sweep;

import io.rtlbench.testbenches.workloads.WorkloadSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's results file: one CSV row per (core, config, bandwidth, layer), appended under a lock
 * as points finish; read back at start so finished points are not run again. Counts are per layer
 * run once (a layer's repeat is a column).
 */
final class SweepCsv {
    static final List<String> COLUMNS = List.of("core", "config", "offchip_bw", "layer", "repeat", "macs", "total_cycles",
            "compute_cycles", "macs_per_cycle", "utilization", "offchip_bytes", "energy_pj", "pj_per_mac", "verified");
    private final Path file;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private SweepCsv(Path file) { this.file = file; }

    static SweepCsv open(Path file) throws IOException {
        SweepCsv c = new SweepCsv(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file);
            if (!lines.isEmpty() && !lines.get(0).equals(String.join(",", COLUMNS)))
                throw new IllegalArgumentException(file + " is not a sweep CSV of this version (header differs); use another --out");
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length != COLUMNS.size()) continue;  // a line cut by an interrupted run
                Map<String, Object> r = new LinkedHashMap<>();
                for (int i = 0; i < f.length; i++) r.put(COLUMNS.get(i), f[i]);
                c.rows.add(r);
            }
        } else {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, String.join(",", COLUMNS) + "\n");
        }
        return c;
    }

    /** True when all {@code layers} rows of this point are present. */
    synchronized boolean has(String core, String config, int bw, int layers) {
        String cfg = config.toLowerCase().replace(",", ";");  // as written to the CSV
        long n = rows.stream().filter(r -> r.get("core").equals(core) && String.valueOf(r.get("config")).equals(cfg)
                && String.valueOf(r.get("offchip_bw")).equals(String.valueOf(bw))).count();
        return n >= layers;
    }

    static Map<String, Object> row(String core, String label, int bw, WorkloadSet.Entry e, Map<String, Object> run) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("core", core);
        r.put("config", label);
        r.put("offchip_bw", bw);
        r.put("layer", e.name());
        r.put("repeat", e.layer().repeat());
        for (String k : COLUMNS.subList(5, COLUMNS.size())) r.put(k, run.get(k));
        return r;
    }

    synchronized void append(List<Map<String, Object>> newRows) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> r : newRows) {
            List<String> f = new ArrayList<>();
            for (String k : COLUMNS) f.add(String.valueOf(r.get(k)).replace(",", ";"));
            b.append(String.join(",", f)).append('\n');
        }
        try {
            Files.writeString(file, b.toString(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        rows.addAll(newRows);
    }

    synchronized List<Map<String, Object>> rows() { return List.copyOf(rows); }
}
