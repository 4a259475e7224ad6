package io.rtlbench.emulator;

import io.rtlbench.common.FileCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;

/**
 * Builds a design's emulator library: SV -> Verilator (--cc) -> generated tables -> make -> one
 * shared library per (design, variant), cached under {@code <cache>/emulator/<top>-<hash>/} where
 * the hash covers the SV text, the Verilator options, the harness sources and the tool versions.
 * Entries are made once and atomically ({@link FileCache}); a failed build's files stay in
 * {@code <entry>.failed/} with its log. A cached library is checked against the size and SHA-256
 * recorded when it was built before it is loaded (a damaged entry is rebuilt, not mapped).
 * Verilator's runtime objects are built once per option set and reused. Long phases print progress.
 */
public final class EmulatorBuild {
    static final String HARNESS_VERSION = "4";
    private static final String RES = "/io/rtlbench/emulator/";
    private static final String MANIFEST = "libdut.sha256";
    /**
     * Verilator's tuning flags, kept after measuring the alternatives on the 16x16 systolic SoC and the
     * 4x8 SIMT SoC (testbenches VerilatorOptionsBench, cycles per CPU second, best of 3): without
     * {@code -O3} 0.98x / 0.76x, without the X flags 1.01x / 0.86x (within the +-10% round-to-round
     * noise), {@code --threads 2} under 500 cycles/s on a shared 2-core VM (worker threads spin-wait).
     * {@code -Drtlbench.verilator.tuning="..."} replaces them (they are part of the cache key).
     */
    private static final List<String> VERILATOR_OPTS = java.util.stream.Stream.of(java.util.stream.Stream.of("--cc"),
            java.util.Arrays.stream(System.getProperty("rtlbench.verilator.tuning", "-O3 --x-assign fast --x-initial fast").trim().split("\\s+")),
            java.util.stream.Stream.of("--noassert", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--prefix", "Vdut",
                    "-CFLAGS", "-fPIC -fvisibility=hidden -mpopcnt -std=c++17")).flatMap(o -> o).filter(o -> !o.isEmpty()).toList();
    private static final List<String> MAKE_OPTS = List.of("OPT_FAST=-O2", "OPT_SLOW=-O1", "OPT_GLOBAL=-O2");

    /** Told of each design before its library is built or taken from the cache ({@link #onBuild}). */
    private static final List<java.util.function.BiConsumer<Design, BuildOptions>> LISTENERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A built library and whether it came from the cache. */
    public record Result(Path library, Path directory, boolean cached, double seconds) {}

    private EmulatorBuild() {}

    public static Result build(Design design, BuildOptions opts) {
        return build(design, opts, FileCache.root());
    }

    /**
     * Tells {@code listener} of every design whose emulator is about to be built or loaded, on the
     * building thread, before the build: tools start work that needs only the SV (e.g. gate counts)
     * so that it runs alongside the C++ build. Close the result to stop listening.
     */
    public static AutoCloseable onBuild(java.util.function.BiConsumer<Design, BuildOptions> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** Builds with {@code cacheDir} as the cache root (the benchmark's cold build uses an empty one). */
    public static Result build(Design design, BuildOptions opts, Path cacheDir) {
        long t0 = System.nanoTime();
        checkClock(design);
        for (var l : LISTENERS) l.accept(design, opts);
        Path root = cacheDir.resolve("emulator");
        Path dir = root.resolve(design.topName() + "-" + key(design, opts));
        Path lib = dir.resolve("libdut.so");
        if (Files.exists(dir)) {
            String damage = verify(dir);
            if (damage == null) return new Result(lib, dir, true, secondsSince(t0));
            System.err.printf("[rtlbench] warning: cached emulator %s is damaged (%s); rebuilding it%n", dir, damage);
            FileCache.delete(dir);
        }
        Path failedLog = FileCache.failed(dir).resolve("build.log");
        boolean[] built = {false};
        try {
            FileCache.directory(dir, tmp -> {
                buildInto(tmp, design, opts, cacheDir, failedLog);
                built[0] = true;
            });
        } catch (UncheckedIOException e) {
            throw new EmulatorException("emulator cache " + root + ": " + e.getMessage() + "; build log: " + failedLog, e);
        }
        return new Result(lib, dir, !built[0], secondsSince(t0));
    }

    /** Null when the entry's library has the size and hash recorded at build time, else what is wrong. */
    static String verify(Path dir) {
        try {
            Path lib = dir.resolve("libdut.so"), manifest = dir.resolve(MANIFEST);
            if (!Files.exists(manifest)) return "no " + MANIFEST;
            if (!Files.exists(lib)) return "libdut.so is missing";
            String[] want = Files.readString(manifest).trim().split(" ");
            if (want.length != 2) return MANIFEST + " is malformed";
            long size = Files.size(lib);
            if (size != Long.parseLong(want[0])) return "libdut.so has " + size + " bytes, " + want[0] + " were written";
            if (!sha256(lib).equals(want[1])) return "libdut.so's SHA-256 differs from the one recorded";
            return null;
        } catch (IOException | NumberFormatException e) {
            return e.toString();
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkClock(Design design) {
        if (!Pattern.compile("\\bclock\\b").matcher(topModuleText(design)).find())
            throw new EmulatorException("top module " + design.topName() + " has no 'clock' input; the emulator drives"
                    + " one clock named 'clock' (a Chisel Module has it)");
    }

    private static String topModuleText(Design d) {
        Matcher m = Pattern.compile("(?ms)^module\\s+" + Pattern.quote(d.topName()) + "\\b.*?\\);").matcher(d.systemVerilog());
        if (!m.find()) throw new EmulatorException("module " + d.topName() + " not found in the SystemVerilog text");
        return m.group();
    }

    private static double secondsSince(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String key(Design design, BuildOptions opts) {
        return FileCache.hash(design.topName(), design.systemVerilog(), String.join(" ", VERILATOR_OPTS), String.join(" ", MAKE_OPTS),
                opts.trace() ? opts.tag() + "+untraced-port-copies" : opts.tag(), HARNESS_VERSION, resource("harness.cpp"), resource("rbapi.h"), resource("rbvalues.h"), resource("rbtrace.h"),
                Toolchain.verilatorVersion(), Toolchain.cxxVersion());
    }

    /** {@code shownLog}: where the log will be if the build fails (the entry's .failed folder). */
    private static void buildInto(Path dir, Design design, BuildOptions opts, Path cacheRoot, Path shownLog) throws IOException {
        Log log = new Log(dir.resolve("build.log"), shownLog, design.topName() + " (" + opts.tag() + ")");
        System.err.printf("[rtlbench] building emulator for %s (%s); the first build of a design takes a minute or more%n",
                design.topName(), opts.tag());
        Files.writeString(dir.resolve("dut.sv"), design.systemVerilog());
        DesignTables tables = new DesignTables(design.systemVerilog());
        Files.writeString(dir.resolve("rtlbench.vlt"), tables.verilatorConfig(opts.toggles()));
        Path obj = dir.resolve("obj");
        List<String> cmd = new ArrayList<>(List.of("verilator"));
        cmd.addAll(VERILATOR_OPTS);
        if (opts.trace()) cmd.add("--trace");
        cmd.addAll(List.of("--top-module", design.topName(), "-Mdir", obj.toString(), "rtlbench.vlt", "dut.sv"));
        run(cmd, dir, log, "Verilator");

        String modelHeader = Files.readString(obj.resolve("Vdut.h"));
        String rootHeader = Files.readString(obj.resolve("Vdut___024root.h"));
        var ports = DesignTables.ports(modelHeader);
        var mems = tables.memories(rootHeader, design.topName());
        var counted = tables.counted(rootHeader, design.topName());
        Files.writeString(obj.resolve("design.inc"), DesignTables.designInc(ports, mems, counted, opts.toggles()));
        Files.writeString(obj.resolve("harness.cpp"), resource("harness.cpp"));
        Files.writeString(obj.resolve("rbapi.h"), resource("rbapi.h"));
        Files.writeString(obj.resolve("rbvalues.h"), resource("rbvalues.h"));
        Files.writeString(obj.resolve("rbtrace.h"), resource("rbtrace.h"));

        List<String> globals = globalObjects(Files.readString(obj.resolve("Vdut_classes.mk")));
        Path runtime = runtimeObjects(cacheRoot, obj, globals, opts, log);
        List<String> make = new ArrayList<>(List.of("make", "-j" + Runtime.getRuntime().availableProcessors(),
                "-f", "Vdut.mk", "Vdut__ALL.a", "harness.o"));
        make.addAll(MAKE_OPTS);
        if (opts.trace()) make.add("USER_CPPFLAGS=-DRB_WITH_TRACE" + (opts.toggles() ? " -DRB_WITH_TOGGLES" : ""));
        else if (opts.toggles()) make.add("USER_CPPFLAGS=-DRB_WITH_TOGGLES");
        run(make, obj, log, "C++ build");

        List<String> link = new ArrayList<>(List.of("g++", "-shared", "-o", dir.resolve("libdut.so").toString(),
                "harness.o", "Vdut__ALL.a"));
        for (String g : globals) link.add(runtime.resolve(g + ".o").toString());
        link.addAll(List.of("-pthread", "-latomic", "-Wl,--exclude-libs,ALL", "-Wl,-Bsymbolic"));
        run(link, obj, log, "link");
        FileUtils.deleteDirectory(obj.toFile());
        Path lib = dir.resolve("libdut.so");
        Files.writeString(dir.resolve(MANIFEST), Files.size(lib) + " " + sha256(lib) + "\n");
        System.err.printf("[rtlbench] built emulator for %s (%s) in %.0f s%n", design.topName(), opts.tag(), log.seconds());
    }

    /** Verilator's own runtime (verilated.o, ...), compiled once per option set and reused. */
    private static Path runtimeObjects(Path cacheRoot, Path obj, List<String> globals, BuildOptions opts, Log log) {
        Path dir = cacheRoot.resolve("runtime").resolve(FileCache.hash(Toolchain.verilatorVersion(), Toolchain.cxxVersion(),
                String.join(" ", VERILATOR_OPTS), String.join(" ", MAKE_OPTS), String.valueOf(opts.trace()), String.join(",", globals)));
        return FileCache.directory(dir, tmp -> {
            List<String> make = new ArrayList<>(List.of("make", "-j" + Runtime.getRuntime().availableProcessors(), "-f", "Vdut.mk"));
            for (String g : globals) make.add(g + ".o");
            make.addAll(MAKE_OPTS);
            run(make, obj, log, "Verilator runtime build");
            for (String g : globals) Files.copy(obj.resolve(g + ".o"), tmp.resolve(g + ".o"));
        });
    }

    static List<String> globalObjects(String classesMk) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("VM_GLOBAL_(?:FAST|SLOW) \\+= \\\\\\n((?:\\t\\S+ \\\\\\n)*)").matcher(classesMk);
        while (m.find()) for (String line : m.group(1).split("\n")) {
            String name = line.replace("\\", "").trim();
            if (!name.isEmpty()) out.add(name);
        }
        if (out.isEmpty()) throw new EmulatorException("no Verilator runtime objects listed in Vdut_classes.mk");
        return out;
    }

    /** A build's log file, the path to name in messages, and a clock for progress lines. */
    private record Log(Path file, Path shown, String what, long start) {
        Log(Path file, Path shown, String what) { this(file, shown, what, System.nanoTime()); }
        double seconds() { return (System.nanoTime() - start) / 1e9; }
    }

    private static void run(List<String> cmd, Path cwd, Log log, String what) throws IOException {
        Files.writeString(log.file(), "$ " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile())).start();
        } catch (IOException e) {
            throw new EmulatorException(cmd.get(0) + " not found on PATH; " + Toolchain.INSTALL_HINT, e);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (!p.waitFor(15, TimeUnit.SECONDS)) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new EmulatorException(what + " timed out after 30 minutes; log: " + log.shown());
                }
                System.err.printf("[rtlbench]   %s: %s, %.0f s so far...%n", log.what(), what, log.seconds());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EmulatorException(what + " interrupted; log: " + log.shown(), e);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log.file());
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            throw new EmulatorException(what + " failed (exit " + p.exitValue() + "); full log: " + log.shown() + "\n" + tail);
        }
    }

    static String resource(String name) {
        try (InputStream in = EmulatorBuild.class.getResourceAsStream(RES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RES + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
