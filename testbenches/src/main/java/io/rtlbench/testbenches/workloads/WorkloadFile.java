package io.rtlbench.testbenches.workloads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parser of a workload data file ({@code <name>.layers}). Line format, '#' starts a comment:
 * <pre>
 * # source: where the shapes come from (the first "# source:" comment is kept)
 * chained                          (optional: the layers form one model, see Workload)
 * NAME gemm   m=1024 k=64 n=1024 [repeat=25]
 * NAME conv   h=56 w=56 cin=64 cout=64 k=3 stride=1 pad=1 [repeat=N]
 * NAME dwconv h=112 w=112 c=32 k=3 stride=1 pad=1       (one single-channel conv, repeat = c)
 * </pre>
 * stride defaults to 1 and pad to 0. Errors name the file and line.
 */
final class WorkloadFile {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "gemm", Set.of("m", "k", "n", "repeat"),
            "conv", Set.of("h", "w", "cin", "cout", "k", "stride", "pad", "repeat"),
            "dwconv", Set.of("h", "w", "c", "k", "stride", "pad"));

    private WorkloadFile() {}

    static Workload parse(String name, String file, String text) {
        List<Layer> layers = new ArrayList<>();
        boolean chained = false;
        String source = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            if (hash >= 0 && source.isEmpty() && raw.substring(hash + 1).strip().startsWith("source:"))
                source = raw.substring(hash + 1).strip().substring("source:".length()).strip();
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) continue;
            try {
                if (line.equals("chained")) chained = true;
                else layers.add(layer(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage() + " (in '" + line + "')", e);
            }
        }
        try {
            return new Workload(name, 1.0, layers, chained, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Layer layer(String line) {
        String[] tok = line.split("\\s+");
        if (tok.length < 2) throw new IllegalArgumentException("expected 'NAME KIND key=value...'");
        String kind = tok[1].toLowerCase();
        Set<String> allowed = KEYS.get(kind);
        if (allowed == null) throw new IllegalArgumentException("unknown kind '" + tok[1] + "' (gemm, conv, dwconv)");
        Map<String, Integer> kv = new HashMap<>();
        for (int t = 2; t < tok.length; t++) {
            int eq = tok[t].indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + tok[t] + "'");
            String key = tok[t].substring(0, eq).toLowerCase();
            if (!allowed.contains(key)) throw new IllegalArgumentException("unknown key '" + key + "' for " + kind + "; allowed " + allowed);
            try {
                if (kv.put(key, Integer.parseInt(tok[t].substring(eq + 1))) != null)
                    throw new IllegalArgumentException("key '" + key + "' given twice");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + tok[t] + "' is not an integer value");
            }
        }
        String name = tok[0];
        return switch (kind) {
            case "gemm" -> new Layer(name, Layer.Kind.GEMM, new Layer.Gemm(req(kv, "m"), req(kv, "k"), req(kv, "n")), kv.getOrDefault("repeat", 1));
            case "conv" -> new Layer(name, Layer.Kind.CONV, new Layer.Conv(req(kv, "h"), req(kv, "w"), req(kv, "cin"), req(kv, "cout"),
                    req(kv, "k"), kv.getOrDefault("stride", 1), kv.getOrDefault("pad", 0)), kv.getOrDefault("repeat", 1));
            default -> new Layer(name, Layer.Kind.DWCONV, new Layer.Conv(req(kv, "h"), req(kv, "w"), 1, 1,
                    req(kv, "k"), kv.getOrDefault("stride", 1), kv.getOrDefault("pad", 0)), req(kv, "c"));
        };
    }

    private static int req(Map<String, Integer> kv, String key) {
        Integer v = kv.get(key);
        if (v == null) throw new IllegalArgumentException("missing key '" + key + "'");
        return v;
    }
}
