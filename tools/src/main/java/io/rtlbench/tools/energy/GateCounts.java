package io.rtlbench.tools.energy;

import io.rtlbench.common.ToolException;
import io.rtlbench.common.FileCache;
import io.rtlbench.emulator.Design;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gate counts per module from Yosys: generic synthesis of the same SystemVerilog the emulator runs
 * (hierarchy kept, memories left as macros, ABC mapping to simple gates), then {@code stat}. Cached
 * under {@code <cache>/yosys/<top>-<hash of SV and script>/stat.txt} ({@link FileCache}). Flip-flops and memory macros are counted
 * apart from combinational gates; child module instances are not gates of their parent.
 */
public final class GateCounts {
    static final String SCRIPT = "hierarchy -top %s; proc; opt; wreduce; alumacc; opt; memory -nomap; opt_clean; "
            + "techmap; opt -fast; abc -fast; opt_clean; tee -q -o stat.txt stat";
    private static final Pattern MODULE = Pattern.compile("(?m)^=== (\\S+) ===$");
    private static final Pattern CELL = Pattern.compile("(?m)^\\s{5}(\\S+)\\s+(\\d+)$");

    /** Combinational gates and flip-flops of one module (not including its children). */
    public record ModuleGates(long gates, long flops) {}

    private GateCounts() {}

    /** Gates per module name; {@code seconds[0]} receives the time spent (0 on a cache hit) if non-null. */
    public static Map<String, ModuleGates> of(Design design, double[] seconds) {
        long t0 = System.nanoTime();
        String script = String.format(SCRIPT, design.topName());
        Path dir = FileCache.root().resolve("yosys").resolve(design.topName() + "-" + FileCache.hash(design.systemVerilog(), script));
        try {
            FileCache.directory(dir, work -> runYosys(design, script, work, FileCache.failed(dir).resolve("yosys.log")));
            if (seconds != null) seconds[0] = (System.nanoTime() - t0) / 1e9;
            return parse(Files.readString(dir.resolve("stat.txt"), StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ToolException("yosys cache " + dir + ": " + e.getMessage(), e);
        }
    }

    static Map<String, ModuleGates> parse(String stat) {
        Map<String, ModuleGates> out = new LinkedHashMap<>();
        int end = stat.indexOf("=== design hierarchy ===");
        String body = end < 0 ? stat : stat.substring(0, end);
        Matcher m = MODULE.matcher(body);
        List<int[]> spans = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) { names.add(m.group(1)); spans.add(new int[] {m.end(), 0}); }
        for (int i = 0; i < names.size(); i++) {
            String section = body.substring(spans.get(i)[0], i + 1 < names.size() ? body.indexOf("=== " + names.get(i + 1)) : body.length());
            long gates = 0, flops = 0;
            Matcher c = CELL.matcher(section);
            while (c.find()) {
                String type = c.group(1);
                long n = Long.parseLong(c.group(2));
                if (!type.startsWith("$_")) continue;  // child modules and $mem macros
                if (type.matches("\\$_(S?DFFS?E?|DFFSRE?|ALDFFE?|DLATCH|SR)_.*")) flops += n;
                else gates += n;
            }
            out.put(names.get(i), new ModuleGates(gates, flops));
        }
        return out;
    }

    /** Runs Yosys in {@code work} (the cache entry being made); {@code shownLog}: where the log is if it fails. */
    private static void runYosys(Design design, String script, Path work, Path shownLog) throws IOException {
        Files.writeString(work.resolve("dut.sv"), design.systemVerilog());
        Process p;
        try {
            p = new ProcessBuilder(List.of("yosys", "-q", "-l", "yosys.log", "-p", "read_verilog -sv dut.sv; " + script))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        } catch (IOException e) {
            throw new ToolException("yosys not found on PATH (gate counts for the energy model); install it with: sudo apt-get install -y yosys", e);
        }
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0)
                throw new ToolException("yosys failed on " + design.topName() + "; log: " + shownLog);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running yosys", e);
        }
        Files.delete(work.resolve("dut.sv"));
    }
}
