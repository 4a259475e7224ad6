package io.rtlbench.waveforms;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Child-process main for {@link BigVcdTest}: runs the queries on a big VCD (in a JVM started with a
 * small -Xmx) and prints key=value lines: answers, seconds per query, and peak heap use (the sum of
 * the heap pools' peak usage, an upper bound on the live data).
 */
public final class BigVcdProbe {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long lastCycle = Long.parseLong(args[1]);
        long t = System.nanoTime();
        Waveform w = Waveform.open(file);
        Waveform.Extent e = w.extent();
        print("extent.lastCycle", e.lastCycle());
        print("extent.changes", e.changes());
        print("extent.seconds", secs(t));
        t = System.nanoTime();
        Map<VcdVar, Long> tg = w.toggles(List.of(), 0, Long.MAX_VALUE / 20);
        print("toggles.s0", tg.get(w.header().find("blk_0.s0")));
        print("toggles.s63", tg.get(w.header().find("blk_7.s63")));
        print("toggles.seconds", secs(t));
        t = System.nanoTime();
        print("wide.last", w.valueAt("wide", lastCycle).unsigned().longValue());
        print("valueAt.seconds", secs(t));
        t = System.nanoTime();
        print("find.cycle", w.firstCycle(Condition.parse("marker == 0xdeadbeef && flag", w.header()), 0, Long.MAX_VALUE / 20).orElse(-1));
        print("find.seconds", secs(t));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        print("heap.peakBytes", peak);
        print("heap.max", Runtime.getRuntime().maxMemory());
        long gcs = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) gcs += Math.max(0, gc.getCollectionCount());
        print("gc.collections", gcs);
    }

    private static String secs(long t0) { return String.format("%.1f", (System.nanoTime() - t0) / 1e9); }

    private static void print(String k, Object v) { System.out.println(k + "=" + v); }
}
