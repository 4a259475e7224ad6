package io.rtlbench.waveforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a VCD's header declares: timescale, the scope tree and every variable. Small (it grows with
 * the design, not the run), so it is kept in memory. Aliased variables (several names on one
 * identifier code) share a {@link VcdVar#slot()}.
 */
public final class VcdHeader {
    private final String file, timescale, version;
    private final VcdScope root;
    private final List<VcdVar> vars;
    private final Map<String, VcdVar> byPath = new LinkedHashMap<>();
    private final int[] slotWidths;
    final IdTable ids;
    private final long lines;

    VcdHeader(String file, String timescale, String version, VcdScope root, List<VcdVar> vars, int[] slotWidths, IdTable ids, long lines) {
        this.file = file;
        this.timescale = timescale;
        this.version = version;
        this.root = root;
        this.vars = List.copyOf(vars);
        for (VcdVar v : vars) byPath.put(v.path(), v);
        this.slotWidths = slotWidths;
        this.ids = ids;
        this.lines = lines;
    }

    public String file() { return file; }
    /** As declared, e.g. {@code 1ps}; "" when absent. */
    public String timescale() { return timescale; }
    public String version() { return version; }
    /** The invisible root; its children are the top scopes (e.g. {@code TOP}). */
    public VcdScope root() { return root; }
    public List<VcdVar> vars() { return vars; }
    public Map<String, VcdVar> byPath() { return Collections.unmodifiableMap(byPath); }
    /** Number of distinct identifier codes. */
    public int slots() { return slotWidths.length; }
    public int slotWidth(int slot) { return slotWidths[slot]; }
    /** Lines taken by the header, {@code $enddefinitions} included. */
    public long lines() { return lines; }

    /** Resolves one user-given name (full path, unique suffix, or glob) to exactly one variable. */
    public VcdVar find(String name) { return SignalMatcher.one(this, name); }

    /** Resolves names or globs to variables, in the order given, without duplicates. */
    public List<VcdVar> select(List<String> patterns) { return SignalMatcher.all(this, patterns); }
}
