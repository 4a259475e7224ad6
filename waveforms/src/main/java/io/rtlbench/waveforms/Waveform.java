package io.rtlbench.waveforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Queries on one VCD file (plain, {@code .gz}, or {@code .fst} through GTKWave's fst2vcd). The
 * header is read once, at {@link #open}; each
 * query then streams the value changes from the start, keeping values only for the signals it
 * asks about, and stops as soon as it has its answer. So a multi-GB file costs time, not memory.
 * Cycles follow the {@link CycleMap} (default: the emulator's, time / 10).
 */
public final class Waveform {
    /** A change of one signal: VCD time, the first cycle that sees it, the new value. */
    public record Transition(long time, long cycle, Value value) {}

    /** What a full pass found: time span, cycles covered, number of value changes. */
    public record Extent(long firstTime, long lastTime, long firstCycle, long lastCycle, long changes) {}

    private final Path file;
    private final CycleMap cycles;
    private final VcdHeader header;

    private Waveform(Path file, CycleMap cycles) {
        this.file = file;
        this.cycles = cycles;
        try (TokenScanner sc = scanner()) {
            this.header = VcdHeaderParser.parse(sc);
        }
    }

    public static Waveform open(Path file) { return open(file, CycleMap.EMULATOR); }

    public static Waveform open(Path file, CycleMap cycles) {
        if (!Files.isRegularFile(file)) throw new VcdException("no such VCD file: " + file, (Throwable) null);
        return new Waveform(file, cycles);
    }

    public Path file() { return file; }
    public CycleMap cycles() { return cycles; }
    public VcdHeader header() { return header; }

    private TokenScanner scanner() {
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".fst")) return new TokenScanner(FstSource.open(file), file.toString());
            InputStream in = Files.newInputStream(file);
            if (name.endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
            return new TokenScanner(in, file.toString());
        } catch (IOException e) {
            throw new VcdException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Streams the value changes watching {@code vars}; the listener may stop early. */
    <T> T stream(List<VcdVar> vars, java.util.function.Function<VcdStream, T> body) {
        boolean[] watched = new boolean[header.slots()];
        for (VcdVar v : vars) watched[v.slot()] = true;
        try (TokenScanner sc = scanner()) {
            VcdHeaderParser.parse(sc);
            return body.apply(new VcdStream(sc, header, watched));
        }
    }

    /** One full pass: time span and number of changes. */
    public Extent extent() {
        return stream(List.of(), s -> {
            s.run(t -> true);
            if (s.firstTime() < 0) return new Extent(-1, -1, 0, -1, 0);
            return new Extent(s.firstTime(), s.lastTime(), cycles.firstCycleSeeing(s.firstTime()), cycles.cycleAtOrBefore(s.lastTime()), s.changes());
        });
    }

    /** The first cycle of the dump, reading only up to the first {@code #time}; -1 when there are no changes. */
    public long firstDumpCycle() {
        return stream(List.of(), s -> {
            s.run(t -> false);
            return s.firstTime() < 0 ? -1 : cycles.firstCycleSeeing(s.firstTime());
        });
    }

    public Value valueAt(String signal, long cycle) { return valuesAt(List.of(header.find(signal)), cycle).values().iterator().next(); }

    /** Values of {@code vars} at {@code cycle}; errors when the cycle is outside the dump. */
    public Map<VcdVar, Value> valuesAt(List<VcdVar> vars, long cycle) {
        Map<VcdVar, Value> out = new LinkedHashMap<>();
        stream(vars, s -> {
            CycleWalker.walk(s, cycles, cycle, cycle + 1, slot -> { }, c -> {
                for (VcdVar v : vars) out.put(v, value(s, v));
                return false;
            });
            if (out.isEmpty()) throw outside(cycle, s);
            return null;
        });
        return out;
    }

    private VcdException outside(long cycle, VcdStream s) {
        String span = s.firstTime() < 0 ? "it has no value changes"
                : "it covers cycles " + cycles.firstCycleSeeing(s.firstTime()) + ".." + cycles.cycleAtOrBefore(s.lastTime())
                + " (times " + s.firstTime() + ".." + s.lastTime() + ", " + cycles.period() + " per cycle)";
        return new VcdException("cycle " + cycle + " is outside " + file + ": " + span, (Throwable) null);
    }

    /** Changes of {@code signal} first seen at cycles in [from, to) (including its initial value if in range). */
    public List<Transition> transitions(String signal, long from, long to) {
        VcdVar v = header.find(signal);
        long lo = cycles.sampleTime(from - 1), hi = cycles.sampleTime(to - 1);
        List<Transition> out = new ArrayList<>();
        stream(List.of(v), s -> {
            long[] now = {-1};
            s.run(new VcdStream.Listener() {
                @Override public boolean time(long t) { now[0] = t; return t <= hi; }
                @Override public void change(int slot) {
                    if (slot == v.slot() && now[0] > lo) out.add(new Transition(now[0], cycles.firstCycleSeeing(now[0]), value(s, v)));
                }
            });
            return null;
        });
        return out;
    }

    /** Bit toggles per variable from changes first seen at cycles in [from, to); all variables when {@code vars} is empty. */
    public Map<VcdVar, Long> toggles(List<VcdVar> vars, long from, long to) {
        List<VcdVar> which = vars.isEmpty() ? header.vars() : vars;
        long lo = cycles.sampleTime(from - 1), hi = cycles.sampleTime(to - 1);
        return stream(which, s -> {
            long[][] base = {null};
            long[][] end = {null};
            s.run(t -> {
                if (base[0] == null && t > lo) base[0] = snapshot(s, which);
                if (t > hi) { end[0] = snapshot(s, which); return false; }
                return true;
            });
            if (end[0] == null) end[0] = snapshot(s, which);
            if (base[0] == null) base[0] = end[0];
            Map<VcdVar, Long> out = new LinkedHashMap<>();
            for (int i = 0; i < which.size(); i++) out.put(which.get(i), end[0][i] - base[0][i]);
            return out;
        });
    }

    private static long[] snapshot(VcdStream s, List<VcdVar> vars) {
        long[] a = new long[vars.size()];
        for (int i = 0; i < a.length; i++) a[i] = s.toggles(vars.get(i).slot());
        return a;
    }

    /** The first cycle in [from, to) at which {@code cond} holds, if any. */
    public OptionalLong firstCycle(Condition cond, long from, long to) {
        List<VcdVar> vars = cond.signals();
        return stream(vars, s -> {
            long[] found = {-1};
            boolean[] dirty = {true};
            CycleWalker.walk(s, cycles, from, to, slot -> dirty[0] = true, c -> {
                if (!dirty[0]) return true;
                dirty[0] = false;
                if (cond.holds(v -> value(s, v))) { found[0] = c; return false; }
                return true;
            });
            return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
        });
    }

    /** Values of {@code vars} at every cycle of [from, to) inside the dump (at most {@code maxCycles}). */
    public Samples sample(List<VcdVar> vars, long from, long to, int maxCycles) {
        if (to - from > maxCycles)
            throw new IllegalArgumentException("asked for " + (to - from) + " cycles; at most " + maxCycles + " at once (narrow --from/--to)");
        Samples out = new Samples(vars);
        stream(vars, s -> {
            CycleWalker.walk(s, cycles, from, to, slot -> { }, c -> {
                Value[] row = new Value[vars.size()];
                for (int i = 0; i < row.length; i++) row[i] = value(s, vars.get(i));
                out.add(c, row);
                return true;
            });
            return null;
        });
        return out;
    }

    static Value value(VcdStream s, VcdVar v) {
        if (v.isReal()) return new Value("", s.real(v.slot()) == null ? "x" : s.real(v.slot()));
        return Value.ofBits(new String(s.bits(v.slot()), StandardCharsets.ISO_8859_1));
    }
}
