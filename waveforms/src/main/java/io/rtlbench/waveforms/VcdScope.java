package io.rtlbench.waveforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@code $scope} of a VCD header: its sub-scopes and variables in file order. */
public final class VcdScope {
    private final String name, path, kind;
    private final List<VcdScope> children = new ArrayList<>();
    private final List<VcdVar> vars = new ArrayList<>();

    VcdScope(String name, String path, String kind) {
        this.name = name;
        this.path = path;
        this.kind = kind;
    }

    public String name() { return name; }
    /** Dotted path from the root, e.g. {@code TOP.MacGrid}; "" for the invisible root. */
    public String path() { return path; }
    /** module, task, function, begin, fork (as declared). */
    public String kind() { return kind; }
    public List<VcdScope> children() { return Collections.unmodifiableList(children); }
    public List<VcdVar> vars() { return Collections.unmodifiableList(vars); }

    void add(VcdScope s) { children.add(s); }
    void add(VcdVar v) { vars.add(v); }
}
