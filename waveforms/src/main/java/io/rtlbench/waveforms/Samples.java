package io.rtlbench.waveforms;

import java.util.ArrayList;
import java.util.List;

/** Values of some signals at consecutive cycles (what the text renderer draws). */
public final class Samples {
    private final List<VcdVar> vars;
    private final List<Long> cycles = new ArrayList<>();
    private final List<Value[]> rows = new ArrayList<>();

    Samples(List<VcdVar> vars) { this.vars = List.copyOf(vars); }

    void add(long cycle, Value[] row) {
        cycles.add(cycle);
        rows.add(row);
    }

    public List<VcdVar> vars() { return vars; }
    public List<Long> cycles() { return cycles; }
    public int size() { return cycles.size(); }
    /** Value of variable {@code var} (index into {@link #vars()}) at the {@code i}-th sampled cycle. */
    public Value get(int i, int var) { return rows.get(i)[var]; }
}
