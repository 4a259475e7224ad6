package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content-hash build cache: hits, misses on change, a clear error on bad Verilog, two JVMs at once. */
class BuildCacheTest {
    @TempDir Path cache;

    static Design counter(int width) {
        return new Design("Cnt", "module Cnt(input clock, input reset, output [" + (width - 1) + ":0] q);\n"
                + "  reg [" + (width - 1) + ":0] r;\n  always @(posedge clock) r <= reset ? 0 : r + 1;\n"
                + "  assign q = r;\nendmodule\n");
    }

    @Test void secondBuildIsAHitAndAChangeIsAMiss() {
        var first = EmulatorBuild.build(counter(8), BuildOptions.PLAIN, cache);
        var second = EmulatorBuild.build(counter(8), BuildOptions.PLAIN, cache);
        var other = EmulatorBuild.build(counter(9), BuildOptions.PLAIN, cache);
        assertFalse(first.cached());
        assertTrue(second.cached());
        assertTrue(second.seconds() < 1.0, "cache hit took " + second.seconds() + " s");
        assertEquals(first.library(), second.library());
        assertFalse(other.cached());
    }

    @Test void brokenVerilogReportsTheLogPath() {
        var bad = new Design("Bad", "module Bad(input clock, output q);\n assign q = nosuchsignal;\nendmodule\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(EmulatorException.class,
                () -> EmulatorBuild.build(bad, BuildOptions.PLAIN, cache));
        assertTrue(e.getMessage().contains("Verilator failed") && e.getMessage().contains("build.log")
                && e.getMessage().contains("nosuchsignal"), e.getMessage());
    }

    @Test void aDamagedEntryIsRebuiltNotLoaded() throws Exception {
        var first = EmulatorBuild.build(counter(7), BuildOptions.PLAIN, cache);
        Path lib = first.library();
        byte[] whole = Files.readAllBytes(lib);
        Files.write(lib, java.util.Arrays.copyOf(whole, whole.length / 2));  // a build cut short, or a full disk
        assertTrue(EmulatorBuild.verify(first.directory()).contains("bytes"), EmulatorBuild.verify(first.directory()));
        try (Simulator sim = Simulator.create(counter(7), BuildOptions.PLAIN, cache)) {
            assertFalse(sim.build().cached(), "the damaged entry is rebuilt");
            sim.reset(1);
            sim.step(3);
            assertEquals(3, sim.peek("q"));
        }
        assertEquals(null, EmulatorBuild.verify(first.directory()));
    }

    @Test void aFailedBuildKeepsItsLogAndLeavesNoTemporaries() throws Exception {
        var bad = new Design("Bad2", "module Bad2(input clock, output q);\n assign q = missing;\nendmodule\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(EmulatorException.class,
                () -> EmulatorBuild.build(bad, BuildOptions.PLAIN, cache));
        Path log = Path.of(e.getMessage().replaceAll("(?s).*full log: (\\S+).*", "$1"));
        assertTrue(Files.readString(log).contains("missing"), "the named log exists and holds the error: " + log);
        try (Stream<Path> left = Files.list(cache.resolve("emulator"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    @Test void twoJvmsBuildingTheSameDesignAgree() throws Exception {
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 2; i++)
            procs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), BuildProbe.class.getName(), cache.toString(), "13")
                    .redirectErrorStream(true).start());
        List<String> outs = new ArrayList<>();
        for (Process p : procs) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
            outs.add(out.lines().filter(l -> l.startsWith("LIB ")).findFirst().orElseThrow());
        }
        assertEquals(outs.get(0), outs.get(1));
        try (Stream<Path> dirs = Files.list(cache.resolve("emulator"))) {
            assertEquals(1, dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith("Cnt-")).count(), "exactly one library built");
        }
    }

    /** Child JVM: builds counter(width) in the given cache and prints the library path. */
    public static final class BuildProbe {
        public static void main(String[] args) {
            var r = EmulatorBuild.build(counter(Integer.parseInt(args[1])), BuildOptions.PLAIN, Path.of(args[0]));
            try (Simulator sim = Simulator.create(counter(Integer.parseInt(args[1])), BuildOptions.PLAIN, Path.of(args[0]))) {
                sim.reset(1);
                sim.step(5);
                if (sim.peek("q") != 5) throw new AssertionError("q = " + sim.peek("q"));
            }
            System.out.println("LIB " + r.library());
        }
    }
}
