package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The command list being compiled, with the completion counts the waits refer to: DMA commands
 * (CONFIG, MVIN, MVOUT) and COMPUTE commands are numbered from 1 in stream order, and a command
 * that needs an earlier one finished waits for its number. Waits only ever name earlier commands,
 * so the in-order dispatcher cannot deadlock.
 */
final class CommandStream {
    final List<Cmd.Builder> cmds = new ArrayList<>();
    private int dmaCount, computeCount;

    /** Appends a DMA command; returns its completion number. */
    int dma(Cmd.Builder c, int waitCompute) {
        c.set(Field.WAIT_COMPUTE, waitCompute);
        cmds.add(c);
        return ++dmaCount;
    }

    void preload(Cmd.Builder c, int waitDma) {
        cmds.add(c.set(Field.WAIT_DMA, waitDma));
    }

    /** Appends a COMPUTE; returns its completion number. */
    int compute(Cmd.Builder c, int waitDma, int waitCompute) {
        cmds.add(c.set(Field.WAIT_DMA, waitDma).set(Field.WAIT_COMPUTE, waitCompute));
        return ++computeCount;
    }

    void end() {
        cmds.add(new Cmd.Builder(Op.END).set(Field.WAIT_DMA, dmaCount).set(Field.WAIT_COMPUTE, computeCount));
    }

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
        long lastUse;

        Slot(int base) { this.base = base; }
    }

    /** Equal-sized slots of one memory, reused least-recently-used first; tiles stay resident while they fit. */
    static final class Pool {
        private final Slot[] slots;
        private long clock;

        Pool(String what, int memRows, int slotRows) {
            int n = memRows / slotRows;
            if (n < 2) throw new IllegalArgumentException(what + ": " + memRows + " rows hold fewer than two tiles of " + slotRows + " rows");
            slots = new Slot[n];
            for (int i = 0; i < n; i++) slots[i] = new Slot(i * slotRows);
        }

        Slot find(Object key) {
            for (Slot s : slots) if (key.equals(s.key)) return touch(s);
            return null;
        }

        /** The least recently used slot, now holding {@code key}. */
        Slot evict(Object key) {
            Slot lru = slots[0];
            for (Slot s : slots) if (s.lastUse < lru.lastUse) lru = s;
            lru.key = key;
            return touch(lru);
        }

        private Slot touch(Slot s) { s.lastUse = ++clock; return s; }
    }
}
