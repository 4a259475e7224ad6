package io.rtlbench.waveforms;

import java.util.List;

/**
 * A named group of signals for a GTKWave save file: patterns as accepted by
 * {@link VcdHeader#select} (full paths, unique suffixes, globs), shown in the given radix.
 */
public record GtkwGroup(String name, List<String> patterns, Radix radix) {
    public GtkwGroup {
        if (name.isBlank()) throw new IllegalArgumentException("a group needs a name");
        if (patterns.isEmpty()) throw new IllegalArgumentException("group '" + name + "' has no signal patterns");
        patterns = List.copyOf(patterns);
    }

    public GtkwGroup(String name, List<String> patterns) { this(name, patterns, Radix.HEX); }

    /** Parses {@code name=pattern,pattern,...} (the CLI's --group syntax). */
    public static GtkwGroup parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1)
            throw new IllegalArgumentException("group '" + spec + "' must look like NAME=PATTERN[,PATTERN...], e.g. inputs=TOP.io_*");
        return new GtkwGroup(spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",")));
    }
}
