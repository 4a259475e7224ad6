package io.rtlbench.emulator;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.rtlbench.common.FileCache;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A running emulator of one elaborated design: reset, step, poke/peek by port name (any width),
 * batched runs, run-until-done with a cycle limit, memory backdoor, VCD windows, toggle counters.
 * One cycle = inputs applied with clock low, outputs settle, rising edge. Not thread-safe; several
 * simulators (of the same or different designs) may live in one JVM. Close it to free native memory.
 */
public final class Simulator implements AutoCloseable {
    private final Design design;
    private final BuildOptions options;
    private final EmulatorBuild.Result build;
    private Pointer handle;
    /** Held for the simulator's life: JNA unloads a library whose NativeLibrary is garbage-collected. */
    private final NativeLibrary library;
    private final Map<String, Signal> ports = new LinkedHashMap<>();
    private final Map<String, Signal> memories = new LinkedHashMap<>();
    private final List<Counter> counters = new ArrayList<>();

    private Simulator(Design design, BuildOptions options, Path cacheDir) {
        this.design = design;
        this.options = options;
        this.build = EmulatorBuild.build(design, options, cacheDir);
        NativeApi.load();
        NativeLibrary lib = library = NativeLibrary.getInstance(build.library().toString());
        int version = lib.getFunction("rb_api_version").invokeInt(new Object[0]);
        if (version != 3) throw new EmulatorException("emulator library " + build.library() + " has API version " + version);
        handle = lib.getFunction("rb_create").invokePointer(new Object[0]);
        for (int i = 0, n = NativeApi.rb_num_ports(handle); i < n; i++) {
            String name = NativeApi.rb_port_name(handle, i);
            ports.put(name, new Signal(name, i, NativeApi.rb_port_width(handle, i), 1, NativeApi.rb_port_dir(handle, i) == 0));
        }
        for (int i = 0, n = NativeApi.rb_num_mems(handle); i < n; i++) {
            String name = NativeApi.rb_mem_name(handle, i);
            memories.put(name, new Signal(name, i, NativeApi.rb_mem_width(handle, i), NativeApi.rb_mem_depth(handle, i), false));
        }
        for (int i = 0, n = NativeApi.rb_num_toggles(handle); i < n; i++) {
            java.util.EnumSet<ActivityClass> cls = java.util.EnumSet.noneOf(ActivityClass.class);
            int mask = NativeApi.rb_toggle_class(handle, i);
            for (ActivityClass c : ActivityClass.values()) if ((mask & (1 << c.ordinal())) != 0) cls.add(c);
            counters.add(new Counter(NativeApi.rb_toggle_name(handle, i), i, NativeApi.rb_toggle_width(handle, i), cls));
        }
    }

    /** Builds (or takes from the cache) the plain emulator of {@code design} and starts it. */
    public static Simulator create(Design design) { return create(design, BuildOptions.PLAIN); }

    public static Simulator create(Design design, BuildOptions options) { return new Simulator(design, options, FileCache.root()); }

    /** As {@link #create(Design, BuildOptions)} with another cache root (e.g. an empty one for a cold build). */
    public static Simulator create(Design design, BuildOptions options, Path cacheDir) {
        return new Simulator(design, options, cacheDir);
    }

    public Design design() { return design; }
    public BuildOptions options() { return options; }
    /** How the library was obtained: path, cache hit or not, seconds spent. */
    public EmulatorBuild.Result build() { return build; }
    public List<Signal> ports() { return List.copyOf(ports.values()); }
    public List<Signal> memories() { return List.copyOf(memories.values()); }
    /** The activity counters of a toggle build (empty otherwise). */
    public List<Counter> counters() { return Collections.unmodifiableList(counters); }

    private Pointer h() {
        if (handle == null) throw new IllegalStateException("simulator of " + design.topName() + " is closed");
        return handle;
    }

    public Signal port(String name) {
        Signal s = ports.get(name);
        if (s == null) throw new EmulatorException("unknown port '" + name + "' of " + design.topName()
                + "; ports are: " + String.join(", ", ports.keySet()));
        return s;
    }

    public Signal memory(String name) {
        Signal s = memories.get(name);
        if (s == null) throw new EmulatorException("unknown memory '" + name + "' of " + design.topName()
                + (memories.isEmpty() ? "; the design has no memories" : "; memories are: " + String.join(", ", memories.keySet())));
        return s;
    }

    // ---- cycle control --------------------------------------------------------------------------
    /** Holds {@code reset} high for {@code cycles} cycles, then low. */
    public void reset(int cycles) {
        poke("reset", 1);
        step(cycles);
        poke("reset", 0);
    }

    public void step(long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("cannot step " + cycles + " cycles");
        NativeApi.rb_step(h(), cycles);
    }

    /** Cycles (rising edges) since creation, reset cycles included. */
    public long cycle() { return NativeApi.rb_cycle(h()); }

    // ---- ports ----------------------------------------------------------------------------------
    public void poke(String port, long value) { poke(port(port), value); }

    public void poke(Signal port, long value) {
        long[] w = new long[port.words()];
        w[0] = value;
        if (value < 0) java.util.Arrays.fill(w, -1L);  // sign-extend; the harness masks to the width
        if (value < 0) w[0] = value;
        NativeApi.rb_poke(h(), checkInput(port).index(), w);
    }

    public void poke(String port, BigInteger value) {
        Signal p = checkInput(port(port));
        NativeApi.rb_poke(h(), p.index(), WideWords.toWords(value, p.words()));
    }

    /** Low 64 bits of a port's current value (outputs settle first). */
    public long peek(String port) { return peek(port(port)); }

    public long peek(Signal port) {
        long[] w = new long[port.words()];
        NativeApi.rb_peek(h(), port.index(), w);
        return w[0];
    }

    /** A port's value as a non-negative BigInteger (any width). */
    public BigInteger peekBig(String port) {
        Signal p = port(port);
        long[] w = new long[p.words()];
        NativeApi.rb_peek(h(), p.index(), w);
        return WideWords.fromWords(w, p.width());
    }

    /** A port's value read as a two's complement number of its width. */
    public long peekSigned(String port) {
        Signal p = port(port);
        long v = peek(p);
        return p.width() >= 64 ? v : (v << (64 - p.width())) >> (64 - p.width());
    }

    private Signal checkInput(Signal p) {
        if (!p.input()) throw new EmulatorException("port '" + p.name() + "' is an output; poke inputs only");
        return p;
    }

    // ---- batched runs -----------------------------------------------------------------------------
    /** A batch driving {@code inputs} and sampling {@code outputs} each cycle, for up to {@code capacity} cycles. */
    public Batch batch(List<String> inputs, List<String> outputs, int capacity) {
        List<Signal> in = inputs.stream().map(this::port).map(this::checkInput).toList();
        List<Signal> out = outputs.stream().map(this::port).toList();
        return new Batch(this, in, out, capacity);
    }

    void runBatch(Batch b, int cycles) {
        NativeApi.rb_run(h(), cycles, b.inputs().size(), b.inPorts(), b.inWords(), b.outputs().size(), b.outPorts(), b.outWords());
    }

    long benchNative(Batch b, int cycles) {
        return NativeApi.rb_bench_native(h(), cycles, b.inputs().size(), b.inPorts(), b.inWords(),
                b.outputs().size(), b.outPorts(), b.outWords());
    }

    /**
     * Runs with the inputs held until output {@code donePort} is non-zero (checked each cycle before
     * the edge) and returns the cycles it took, or throws {@link CycleLimitException} after
     * {@code maxCycles}, naming the signal and listing the output values at that point.
     */
    public long runUntil(String donePort, long maxCycles) {
        Signal done = port(donePort);
        long n = NativeApi.rb_run_until(h(), done.index(), maxCycles);
        if (n >= 0) return n;
        String outs = ports.values().stream().filter(p -> !p.input()).limit(24)
                .map(p -> p.name() + "=0x" + peekBig(p.name()).toString(16)).collect(Collectors.joining(", "));
        throw new CycleLimitException("cycle limit of " + maxCycles + " hit at cycle " + cycle() + " waiting for '"
                + donePort + "' of " + design.topName() + "; outputs then: " + outs, cycle());
    }

    // ---- memory backdoor ------------------------------------------------------------------------
    /** Reads {@code count} words from {@code start}; each word is {@link Signal#words()} longs. */
    public long[] readMemory(String name, long start, int count) {
        Signal m = memory(name);
        checkRange(m, start, count);
        try (Memory buf = new Memory(Math.max(8, 8L * count * m.words()))) {
            if (NativeApi.rb_mem_read(h(), m.index(), start, count, buf) != 0) throw new EmulatorException(NativeApi.rb_last_error(h()));
            return buf.getLongArray(0, count * m.words());
        }
    }

    public void writeMemory(String name, long start, long[] words) {
        Signal m = memory(name);
        if (words.length % m.words() != 0) throw new EmulatorException("memory '" + name + "' takes " + m.words() + " longs per word");
        int count = words.length / m.words();
        checkRange(m, start, count);
        try (Memory buf = new Memory(Math.max(8, 8L * words.length))) {
            buf.write(0, words, 0, words.length);
            if (NativeApi.rb_mem_write(h(), m.index(), start, count, buf) != 0) throw new EmulatorException(NativeApi.rb_last_error(h()));
        }
    }

    private static void checkRange(Signal m, long start, long count) {
        if (start < 0 || count < 0 || start + count > m.depth())
            throw new EmulatorException("memory '" + m.name() + "' has " + m.depth() + " words; asked for ["
                    + start + ", " + (start + count) + ")");
    }

    // ---- waveforms ------------------------------------------------------------------------------
    /** Dumps cycles [from, to) of the coming run(s) to a VCD file (trace builds only). */
    public void traceWindow(Path vcd, long fromCycle, long toCycle) {
        if (!options.trace()) throw new EmulatorException("tracing needs a trace build: Simulator.create(design, new BuildOptions(true, ...))");
        if (fromCycle < 0 || toCycle <= fromCycle) throw new IllegalArgumentException("bad trace window [" + fromCycle + ", " + toCycle + ")");
        try {
            Path parent = vcd.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new EmulatorException("cannot create folder for " + vcd + ": " + e.getMessage(), e);
        }
        NativeApi.rb_trace_window(h(), vcd.toAbsolutePath().toString(), fromCycle, toCycle);
    }

    /**
     * Limits the VCD to these scopes (all levels below each), before the first window opens. A scope
     * is a dotted instance path as in the VCD ({@code TOP.SystolicSoc.core.executeUnit}); a path not starting
     * with {@code TOP} is taken below the top module ({@code core.executeUnit}).
     */
    public void traceScopes(List<String> scopes) {
        if (!options.trace()) throw new EmulatorException("tracing needs a trace build: Simulator.create(design, new BuildOptions(true, ...))");
        var instances = new SvScan(design.systemVerilog()).instances(design.topName()).keySet();
        for (String scope : scopes) {
            String rel = scope.startsWith("TOP." + design.topName() + ".") ? scope.substring(5 + design.topName().length()) : scope;
            if (!scope.equals("TOP") && !scope.equals("TOP." + design.topName()) && !instances.contains(rel)) {
                String parent = rel.contains(".") ? rel.substring(0, rel.lastIndexOf('.')) : "";
                while (!parent.isEmpty() && !instances.contains(parent))
                    parent = parent.contains(".") ? parent.substring(0, parent.lastIndexOf('.')) : "";
                String prefix = parent.isEmpty() ? "" : parent + ".";
                List<String> near = instances.stream().filter(i -> i.startsWith(prefix) && i.indexOf('.', prefix.length()) < 0).sorted().limit(12).toList();
                throw new EmulatorException("scope '" + scope + "' is not an instance of " + design.topName() + "; "
                        + (parent.isEmpty() ? "top-level instances: " : "instances in " + parent + ": ") + String.join(", ", near));
            }
            String full = scope.startsWith("TOP") ? scope : "TOP." + design.topName() + "." + scope;
            if (NativeApi.rb_trace_scope(h(), full) != 0) throw new EmulatorException(NativeApi.rb_last_error(h()));
        }
    }

    /** Closes the VCD file now (also done at the window's end and on close). */
    public void traceClose() { NativeApi.rb_trace_close(h()); }

    // ---- toggle counters -------------------------------------------------------------------------
    public void enableToggles(boolean on) {
        if (!options.toggles()) throw new EmulatorException("toggle counters need a toggle build: new BuildOptions(..., true)");
        NativeApi.rb_toggles_enable(h(), on ? 1 : 0);
    }

    public void clearToggles() { NativeApi.rb_toggles_clear(h()); }

    /** Counts since enabling (or the last clear), indexed like {@link #counters()}. */
    public long[] counts() {
        long[] c = new long[Math.max(1, counters.size())];
        NativeApi.rb_toggles_read(h(), c);
        return c;
    }

    /** Counts by counter name: bit toggles, or accesses for memory enables. */
    public Map<String, Long> toggles() {
        long[] c = counts();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Counter s : counters) out.put(s.name(), c[s.index()]);
        return out;
    }

    /**
     * Starts over from power-on: a new model instance of the same library (registers and memories
     * zero, cycle 0, no trace window, toggle counting off and cleared), as a new simulator would be,
     * without loading anything again. Runs after a restart do not depend on what ran before.
     */
    public void restart() {
        NativeApi.rb_destroy(h());
        handle = library.getFunction("rb_create").invokePointer(new Object[0]);
    }

    @Override public void close() {
        if (handle != null) {
            NativeApi.rb_destroy(handle);
            handle = null;
        }
    }
}
