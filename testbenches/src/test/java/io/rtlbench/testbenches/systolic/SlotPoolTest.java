package io.rtlbench.testbenches.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rtlbench.testbenches.systolic.CommandStream.Pool;
import io.rtlbench.testbenches.systolic.CommandStream.Slot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The slot pool (indexed, LRU-ordered) makes exactly the choices of a plain scan over every slot,
 * the rule the compiler's programs were pinned with: find by key; evict the least recently used slot
 * not pinned by the current fold, never-used slots lowest row first; null when all are pinned.
 */
class SlotPoolTest {
    /** The rule written as the scan it replaced. */
    private static final class ScanPool {
        final Slot[] slots;
        long clock;

        ScanPool(int n, int rows) {
            slots = new Slot[n];
            for (int i = 0; i < n; i++) slots[i] = new Slot(i * rows);
        }

        Slot find(Object key) {
            for (Slot s : slots) if (key.equals(s.key)) return touch(s);
            return null;
        }

        Slot evict(Object key, int now) {
            Slot lru = null;
            for (Slot s : slots) if (s.pinnedUntil < now && (lru == null || s.lastUse < lru.lastUse)) lru = s;
            if (lru == null) return null;
            lru.key = key;
            return touch(lru);
        }

        Slot touch(Slot s) {
            s.lastUse = ++clock;
            return s;
        }
    }

    @Test void indexedPoolChoosesTheSlotsAFullScanChooses() {
        for (int seed = 0; seed < 20; seed++) {
            Random rnd = new Random(seed);
            int n = 2 + rnd.nextInt(40), rows = 16;
            Pool pool = new Pool("test", n * rows, rows);
            ScanPool ref = new ScanPool(n, rows);
            int keys = n + 1 + rnd.nextInt(2 * n);
            for (int now = 0; now < 3000; now++) {
                Object key = List.of("A", rnd.nextInt(keys), 7);
                Slot s = pool.find(key), r = ref.find(key);
                if (r == null) {
                    assertNull(s, "seed " + seed + " step " + now);
                    s = pool.evict(key, now);
                    r = ref.evict(key, now);
                }
                if (r == null) {
                    assertNull(s, "all pinned, seed " + seed + " step " + now);
                    continue;
                }
                assertEquals(r.base, s.base, "seed " + seed + " step " + now);
                int pin = rnd.nextInt(4) == 0 ? now + 1 + rnd.nextInt(8) : now - 1;
                s.pinnedUntil = Math.max(s.pinnedUntil, pin);
                r.pinnedUntil = Math.max(r.pinnedUntil, pin);
            }
        }
    }

    @Test void neverUsedSlotsGoLowestRowFirstAndAllPinnedGivesNull() {
        Pool pool = new Pool("test", 64, 16);
        assertEquals(0, pool.evict("a", 0).base);
        assertEquals(16, pool.evict("b", 0).base);
        for (Slot s : pool.slots) s.pinnedUntil = 5;
        assertNull(pool.evict("c", 5));
        assertSame(pool.slots[0], pool.find("a"));
        assertEquals(32, pool.evict("d", 6).base, "unpinned again: the never-used slots first");
        assertEquals(48, pool.evict("e", 6).base);
        assertEquals(16, pool.evict("f", 6).base, "then b: a was found after b was loaded");
        assertNull(pool.find("b"), "b's slot now holds f");
    }
}
