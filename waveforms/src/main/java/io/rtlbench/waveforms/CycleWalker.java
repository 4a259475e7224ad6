package io.rtlbench.waveforms;

/**
 * Turns a {@link VcdStream}'s timeline into cycles: calls {@link Visitor#atCycle} once for each
 * cycle in [from, to) that lies inside the dump, at the moment the stream's current values are the
 * values at that cycle's sample point (all changes with time <= sample time applied, none later).
 * Cycles before the first {@code #time} or after the last one are outside the dump and skipped.
 */
final class CycleWalker implements VcdStream.Listener {
    interface Visitor {
        /** Values are at cycle {@code c}; return false to stop. */
        boolean atCycle(long c);
    }

    private final CycleMap map;
    private final long to;
    private final Visitor visitor;
    private long next;
    private boolean started, stopped;

    CycleWalker(CycleMap map, long from, long to, Visitor visitor) {
        this.map = map;
        this.next = from;
        this.to = to;
        this.visitor = visitor;
    }

    @Override public boolean time(long t) {
        if (!started) {
            started = true;
            next = Math.max(next, map.firstCycleSeeing(t));
            return next < to;
        }
        while (next < to && map.sampleTime(next) < t) {
            if (!visitor.atCycle(next++)) { stopped = true; return false; }
        }
        return next < to;
    }

    /** After the stream ended: visits the cycles up to the last time of the dump. */
    void finish(VcdStream s) {
        if (stopped || !started) return;
        while (next < to && map.sampleTime(next) <= s.lastTime()) {
            if (!visitor.atCycle(next++)) return;
        }
    }

    /** Runs {@code s} to the end (or until the visitor stops) and finishes. */
    static void walk(VcdStream s, CycleMap map, long from, long to, java.util.function.IntConsumer changes, Visitor v) {
        CycleWalker w = new CycleWalker(map, from, to, v);
        boolean ended = s.run(new VcdStream.Listener() {
            @Override public boolean time(long t) { return w.time(t); }
            @Override public void change(int slot) { changes.accept(slot); }
        });
        if (ended) w.finish(s);
    }
}
