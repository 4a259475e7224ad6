package io.rtlbench.emulator;

/**
 * Which variant of a design's emulator library to build. Each combination is a separate cached
 * library: tracing costs 6-15x speed, toggle counting about 1.3-1.6x, so plain runs pay for neither.
 *
 * @param trace   compile VCD tracing in (enables {@link Simulator#traceWindow})
 * @param toggles count bit toggles of every register, per instance (enables {@link Simulator#toggles})
 */
public record BuildOptions(boolean trace, boolean toggles) {
    public static final BuildOptions PLAIN = new BuildOptions(false, false);

    public BuildOptions withTrace(boolean on) { return new BuildOptions(on, toggles); }
    public BuildOptions withToggles(boolean on) { return new BuildOptions(trace, on); }

    String tag() { return (trace ? "trace" : "") + (toggles ? "toggles" : "") + (trace || toggles ? "" : "plain"); }
}
