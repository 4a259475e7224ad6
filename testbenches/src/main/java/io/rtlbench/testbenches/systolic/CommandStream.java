package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The command list being compiled, with the completion counts the waits refer to: DMA commands
 * (CONFIG, MVIN, MVOUT) and COMPUTE commands are numbered from 1 in stream order, and a command
 * that needs an earlier one finished waits for its number. Waits only ever name earlier commands,
 * so the in-order dispatcher cannot deadlock. Waits are encoded modulo 2^16 and raised to at most
 * {@value #WINDOW} commands back (the core compares them modulo 2^16, see {@link Cmd}). While
 * {@link #muted} (commands of tiles before a sampled range), nothing is recorded and every command
 * counts as already complete (number 0).
 */
final class CommandStream {
    static final int WINDOW = 16384;
    final List<Cmd.Builder> cmds = new ArrayList<>();
    boolean muted;
    private int dmaCount, computeCount;

    /** Appends a DMA command; returns its completion number. */
    int dma(Cmd.Builder c, int waitCompute) {
        if (muted) return 0;
        cmds.add(c.set(Field.WAIT_COMPUTE, encode(waitCompute, computeCount)));
        return ++dmaCount;
    }

    void preload(Cmd.Builder c, int waitDma) {
        if (!muted) cmds.add(c.set(Field.WAIT_DMA, encode(waitDma, dmaCount)));
    }

    /** Appends a COMPUTE; returns its completion number. */
    int compute(Cmd.Builder c, int waitDma, int waitCompute) {
        if (muted) return 0;
        cmds.add(c.set(Field.WAIT_DMA, encode(waitDma, dmaCount)).set(Field.WAIT_COMPUTE, encode(waitCompute, computeCount)));
        return ++computeCount;
    }

    void end() {
        cmds.add(new Cmd.Builder(Op.END).set(Field.WAIT_DMA, encode(dmaCount, dmaCount)).set(Field.WAIT_COMPUTE,
                encode(computeCount, computeCount)));
    }

    static int encode(int wait, int count) { return Math.max(wait, count - WINDOW) & 0xFFFF; }

    int dmaCount() { return dmaCount; }
    int computeCount() { return computeCount; }

    /** An on-chip region (scratchpad or accumulator rows) and the commands that last touched it. */
    static final class Slot {
        final int base;
        Object key;
        int filledBy;     // DMA number that wrote it (MVIN)
        int lastReader;   // COMPUTE number that last read it
        int lastWriter;   // COMPUTE number that last wrote it (accumulator)
        int lastMvout;    // DMA number that last read it out (accumulator)
        int pinnedUntil = -1;  // fold index (or tile's last fold) that still needs its contents
        long lastUse;

        Slot(int base) { this.base = base; }
    }

    /**
     * Equal-sized slots of one memory, reused least-recently-used first; tiles stay resident while they
     * fit. Slots are found by key through an index and kept in least-recently-used order (ties among
     * never-used slots: lowest row first), so a lookup or an eviction costs O(log slots) plus the pinned
     * slots it skips, not a scan of every slot (8,192-row scratchpads hold hundreds of tiles, and a
     * sampled compile walks every fold of the layer).
     */
    static final class Pool {
        final Slot[] slots;
        private long clock;
        private final Map<Object, Slot> byKey = new HashMap<>();
        private final TreeSet<Slot> byAge = new TreeSet<>(Comparator.comparingLong((Slot s) -> s.lastUse).thenComparingInt(s -> s.base));

        Pool(String what, int memRows, int slotRows) {
            int n = memRows / slotRows;
            if (n < 2) throw new IllegalArgumentException(what + ": " + memRows + " rows hold fewer than two tiles of " + slotRows + " rows");
            slots = new Slot[n];
            for (int i = 0; i < n; i++) byAge.add(slots[i] = new Slot(i * slotRows));
        }

        Slot find(Object key) {
            Slot s = byKey.get(key);
            return s == null ? null : touch(s);
        }

        /** The least recently used slot not pinned by fold {@code now} or later, now holding {@code key}; null if all are pinned. */
        Slot evict(Object key, int now) {
            for (Slot s : byAge)
                if (s.pinnedUntil < now) {
                    if (s.key != null) byKey.remove(s.key);
                    s.key = key;
                    byKey.put(key, s);
                    return touch(s);
                }
            return null;
        }

        private Slot touch(Slot s) {
            byAge.remove(s);
            s.lastUse = ++clock;
            byAge.add(s);
            return s;
        }
    }
}
