package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** .fst files read through GTKWave's fst2vcd give the same answers; a bad file says so. Skipped without gtkwave. */
class FstSourceTest {
    @Test void fstReadsLikeTheVcd() throws Exception {
        assumeTrue(new File("/usr/bin/vcd2fst").canExecute() && new File("/usr/bin/fst2vcd").canExecute(),
                "GTKWave's vcd2fst/fst2vcd not found: apt-get install -y gtkwave; skipping the FST check");
        Path vcd = Path.of("target/test-vcd/fst/counter.vcd"), fst = Path.of("target/test-vcd/fst/counter.fst");
        SyntheticVcd.Counter want = SyntheticVcd.counter(vcd, 300, 4);
        Process p = new ProcessBuilder("vcd2fst", vcd.toString(), fst.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        Waveform w = Waveform.open(fst);
        assertEquals(want.count()[250], w.valueAt("count", 250).unsigned().intValue());
        assertEquals(Waveform.open(vcd).toggles(java.util.List.of(), 0, 1000).values().stream().mapToLong(Long::longValue).sum(),
                w.toggles(java.util.List.of(), 0, 1000).values().stream().mapToLong(Long::longValue).sum());
        Path bad = Path.of("target/test-vcd/fst/bad.fst");
        Files.writeString(bad, "not an fst file\n");
        VcdException e = assertThrows(VcdException.class, () -> Waveform.open(bad));
        assertTrue(e.getMessage().contains("fst2vcd failed on " + bad + " (exit code"), e.getMessage());
    }
}
