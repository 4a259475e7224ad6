package io.rtlbench.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * What the emulator builds: the top module's name, the SystemVerilog text of all modules, and
 * free-form tags on instance or memory paths below the top (e.g. {@code core.executeUnit.mesh -> compute}).
 * The emulator does not interpret tags; it carries them for the tools that read a run's activity
 * (the energy and area model). It knows nothing of how the SV was made.
 */
public record Design(String topName, String systemVerilog, Map<String, String> tags) {
    public Design {
        if (topName == null || topName.isEmpty()) throw new IllegalArgumentException("a design needs a top module name");
        if (systemVerilog == null) throw new IllegalArgumentException("a design needs its SystemVerilog text");
        tags = Map.copyOf(tags);
    }

    public Design(String topName, String systemVerilog) { this(topName, systemVerilog, Map.of()); }

    /**
     * The tag of {@code path}: its own, else that of the nearest enclosing tagged instance. A memory's
     * wrapper instance ({@code <memory>_ext}) has its memory's tag.
     */
    public Optional<String> tagOf(String path) {
        for (String p = path.endsWith("_ext") ? path.substring(0, path.length() - 4) : path; ; ) {
            String t = tags.get(p);
            if (t != null) return Optional.of(t);
            int dot = p.lastIndexOf('.');
            if (dot < 0) return Optional.empty();
            p = p.substring(0, dot);
        }
    }

    /** The same design with a comment appended (a different cache key; for cold-build benchmarks). */
    public Design salted(String salt) { return new Design(topName, systemVerilog + "\n// " + salt + "\n", tags); }
}
