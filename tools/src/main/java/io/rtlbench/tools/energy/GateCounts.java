package io.rtlbench.tools.energy;

import io.rtlbench.common.ToolException;
import io.rtlbench.common.FileCache;
import io.rtlbench.emulator.Design;
import io.rtlbench.emulator.EmulatorBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Combinational gates and flip-flops of one module (not including its children), and its Yosys
     * cells by type ({@code $_AND_ -> 12}; child modules and memory macros left out) for area.
     */
    public record ModuleGates(long gates, long flops, Map<String, Long> cells) {
        public ModuleGates {
            cells = Map.copyOf(cells);
        }

        public ModuleGates(long gates, long flops) { this(gates, flops, Map.of()); }
    }

    /** Gate counts started in the background ({@link #prefetch}), by cache entry. */
    private static final Map<Path, Future<?>> STARTED = new ConcurrentHashMap<>();
    /** The cache entry of each design seen (hashing a large SV text once, not at every energy estimate). */
    private static final Map<Design, Path> ENTRIES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** Yosys processes running now: stopped when the JVM exits (a prefetch nobody waits for any more). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "yosys-gate-counts");
        t.setDaemon(true);
        return t;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private GateCounts() {}

    /**
     * While the result is open, every toggle-counting emulator build starts its design's gate counts
     * in the background ({@link #prefetch}), so Yosys runs alongside the C++ build and the emulation
     * instead of after them (commands that estimate energy open it around their runs).
     */
    public static Prefetching prefetchWithBuilds() {
        AutoCloseable listening = EmulatorBuild.onBuild((design, options) -> {
            if (options.toggles()) prefetch(design);
        });
        return () -> {
            try {
                listening.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Open while builds start gate counts in the background; close to stop. */
    public interface Prefetching extends AutoCloseable {
        @Override void close();
    }

    /** Starts the gate counts of {@code design} on a background thread (no-op when cached or started); {@link #of} waits for them. */
    public static void prefetch(Design design) {
        Path dir = entry(design);
        if (Files.exists(dir)) return;
        STARTED.computeIfAbsent(dir, d -> BACKGROUND.submit(() -> make(design, dir)));
    }

    /** Whether the gate counts of {@code design} are in the cache (so {@link #of} does not wait for Yosys). */
    public static boolean ready(Design design) { return Files.exists(entry(design)); }

    /**
     * The design's cache entry. One Yosys run per whole design, not per module: Yosys's result for a
     * module depends on the other modules of the run (ABC's input order follows generated names), by
     * 0.6% (a SIMT lane in a 2x4 vs a 4x8 SoC) up to 15% (the dp4a lane), so counts cached per module
     * would depend on which designs were synthesized before.
     */
    private static Path entry(Design design) {
        return ENTRIES.computeIfAbsent(design, d -> FileCache.root().resolve("yosys")
                .resolve(d.topName() + "-" + FileCache.hash(d.systemVerilog(), String.format(SCRIPT, d.topName()))));
    }

    /** Gates per module name; {@code seconds[0]} receives the time spent (0 on a cache hit) if non-null. */
    public static Map<String, ModuleGates> of(Design design, double[] seconds) {
        long t0 = System.nanoTime();
        Path dir = entry(design);
        Future<?> started = STARTED.get(dir);
        if (started != null && !Files.exists(dir)) awaitStarted(started);
        make(design, dir);
        if (seconds != null) seconds[0] = (System.nanoTime() - t0) / 1e9;
        try {
            return parse(Files.readString(dir.resolve("stat.txt"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ToolException("yosys cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes the cache entry {@code dir} of {@code design} unless it exists. */
    private static void make(Design design, Path dir) {
        try {
            FileCache.directory(dir, work -> runYosys(design.topName(), design.systemVerilog(), work, FileCache.failed(dir).resolve("yosys.log")));
        } catch (java.io.UncheckedIOException e) {
            throw new ToolException("yosys cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a background run; its failure is this caller's (not run a second time). */
    private static void awaitStarted(Future<?> started) {
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for yosys", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new ToolException("yosys: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Flip-flops and latches among Yosys's cell types, every variant: {@code $_DFF_P_}, {@code $_DFFE_PP_},
     * {@code $_SDFF_PP0_}, {@code $_SDFFE_PP0P_}, {@code $_SDFFCE_PN0P_}, {@code $_DFFSR_*}, {@code $_ALDFF_*},
     * {@code $_DLATCH_*}, {@code $_SR_*}.
     */
    public static boolean sequential(String type) {
        return type.matches("\\$_(S?DFF|DFFSR|ALDFF|DLATCH|SR_).*");
    }

    /** The per-module sections of Yosys {@code stat} output ({@code === name ===} up to the next), by module. */
    static Map<String, String> sections(String stat) {
        Map<String, String> out = new LinkedHashMap<>();
        int end = stat.indexOf("=== design hierarchy ===");
        String body = end < 0 ? stat : stat.substring(0, end);
        Matcher m = MODULE.matcher(body);
        List<Integer> starts = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            starts.add(m.start());
        }
        for (int i = 0; i < names.size(); i++)
            out.put(names.get(i), body.substring(starts.get(i), i + 1 < names.size() ? starts.get(i + 1) : body.length()));
        return out;
    }

    /** Parses the output of Yosys {@code stat} (one section per module). */
    public static Map<String, ModuleGates> parse(String stat) {
        Map<String, ModuleGates> out = new LinkedHashMap<>();
        for (var e : sections(stat).entrySet()) {
            long gates = 0, flops = 0;
            Map<String, Long> cells = new LinkedHashMap<>();
            Matcher c = CELL.matcher(e.getValue());
            while (c.find()) {
                String type = c.group(1);
                long n = Long.parseLong(c.group(2));
                if (!type.startsWith("$_")) continue;  // child modules and $mem macros
                cells.merge(type, n, Long::sum);
                if (sequential(type)) flops += n;
                else gates += n;
            }
            out.put(e.getKey(), new ModuleGates(gates, flops, cells));
        }
        return out;
    }

    /** Runs Yosys in {@code work} (the cache entry being made) on {@code sv}; {@code shownLog}: where the log is if it fails. */
    private static void runYosys(String top, String sv, Path work, Path shownLog) throws IOException {
        Files.writeString(work.resolve("dut.sv"), sv);
        Process p;
        try {
            p = new ProcessBuilder(List.of("yosys", "-q", "-l", "yosys.log", "-p", "read_verilog -sv dut.sv; " + String.format(SCRIPT, top)))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        } catch (IOException e) {
            throw new ToolException("yosys not found on PATH (gate counts for the energy model); install it with: sudo apt-get install -y yosys", e);
        }
        RUNNING.add(p);
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0)
                throw new ToolException("yosys failed on " + top + "; log: " + shownLog);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running yosys", e);
        } finally {
            if (p.isAlive()) p.destroyForcibly();  // timed out
            RUNNING.remove(p);
        }
        Files.delete(work.resolve("dut.sv"));
    }
}
