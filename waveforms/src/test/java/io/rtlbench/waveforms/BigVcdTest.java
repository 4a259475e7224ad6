package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: writes a ~1 GB VCD under target/ (size: -Drtlbench.bigVcdMb, default 1024), then
 * runs {@link BigVcdProbe} in a child JVM with -Xmx512m: a full pass, toggles of all signals, a
 * value at the last cycle and a condition search, each checked against what the writer recorded.
 * Prints the timings and the peak heap. The VCD is deleted afterwards (kept with -Drtlbench.bigVcdKeep=true,
 * e.g. to time the CLI on it).
 */
@Tag("slow")
class BigVcdTest {
    @Test void oneGigabyteInHalfAGigabyteOfHeap() throws Exception {
        long mb = Long.getLong("rtlbench.bigVcdMb", 1024);
        Path vcd = Path.of("target/test-vcd/big.vcd").toAbsolutePath();
        long t = System.nanoTime();
        BigVcd.Facts f = BigVcd.write(vcd, mb << 20, 11);
        System.out.printf("wrote %s: %.2f GB, %d cycles in %.1f s%n", vcd, Files.size(vcd) / 1e9, f.cycles(), (System.nanoTime() - t) / 1e9);
        try {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, BigVcdProbe.class.getName(), vcd.toString(), String.valueOf(f.cycles() - 1))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.MINUTES), "probe timed out");
            System.out.print(out);
            assertEquals(0, p.exitValue(), "probe failed:\n" + out);
            Map<String, String> r = new HashMap<>();
            out.lines().filter(l -> l.contains("=")).forEach(l -> r.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            assertEquals(f.cycles() - 1, Long.parseLong(r.get("extent.lastCycle")));
            assertEquals(f.togglesS0(), Long.parseLong(r.get("toggles.s0")));
            assertEquals(f.togglesS63(), Long.parseLong(r.get("toggles.s63")));
            assertEquals(f.wideAtLast(), Long.parseLong(r.get("wide.last")));
            assertEquals(f.markerCycle(), Long.parseLong(r.get("find.cycle")));
            long peak = Long.parseLong(r.get("heap.peakBytes"));
            assertTrue(peak < 512L << 20, "peak heap " + peak + " bytes");
            System.out.printf("peak heap %.1f MB for a %.2f GB VCD%n", peak / 1048576.0, Files.size(vcd) / 1e9);
        } finally {
            if (!Boolean.getBoolean("rtlbench.bigVcdKeep")) Files.deleteIfExists(vcd);
        }
        assertTrue(Boolean.getBoolean("rtlbench.bigVcdKeep") || !new File(vcd.toString()).exists());
    }
}
