package io.rtlbench.emulator;

import io.rtlbench.rtl.hw.Cache;
import io.rtlbench.rtl.hw.Elaborated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Two JVMs building the same key are serialized by a file lock; results appear by atomic rename.
 * Verilator's runtime objects are built once per option set and reused.
 */
public final class EmulatorBuild {
    static final String HARNESS_VERSION = "4";
    private static final String RES = "/io/rtlbench/emulator/";
    /**
     * Verilator's tuning flags, measured on the systolic SoC and the SIMT SoC (VerilatorOptionsBench;
     * see the commit that set them); {@code -Drtlbench.verilator.tuning="..."} replaces them (they are part
     * of the cache key), for measuring alternatives.
     */
    private static final List<String> VERILATOR_OPTS = java.util.stream.Stream.of(java.util.stream.Stream.of("--cc"),
            java.util.Arrays.stream(System.getProperty("rtlbench.verilator.tuning", "-O3 --x-assign fast --x-initial fast").trim().split("\\s+")),
            java.util.stream.Stream.of("--noassert", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--prefix", "Vdut",
                    "-CFLAGS", "-fPIC -fvisibility=hidden -mpopcnt -std=c++17")).flatMap(o -> o).filter(o -> !o.isEmpty()).toList();
    private static final List<String> MAKE_OPTS = List.of("OPT_FAST=-O2", "OPT_SLOW=-O1", "OPT_GLOBAL=-O2");

    /** A built library and whether it came from the cache. */
    public record Result(Path library, Path directory, boolean cached, double seconds) {}

    private EmulatorBuild() {}

    public static Result build(Elaborated design, BuildOptions opts) {
        return build(design, opts, Cache.dir());
    }

    /** Builds with {@code cacheDir} as the cache root (the benchmark's cold build uses an empty one). */
    public static Result build(Elaborated design, BuildOptions opts, Path cacheDir) {
        long t0 = System.nanoTime();
        checkClock(design);
        String key = key(design, opts);
        Path root = cacheDir.resolve("emulator");
        Path dir = root.resolve(design.topName() + "-" + key);
        Path lib = dir.resolve("libdut.so");
        if (Files.exists(lib)) return new Result(lib, dir, true, secondsSince(t0));
        // Threads of this JVM queue on a lock object; other JVMs on the file lock below.
        synchronized (LOCKS.computeIfAbsent(dir.toAbsolutePath().toString(), k -> new Object())) {
            return buildLocked(design, opts, root, dir, lib, t0);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Result buildLocked(Elaborated design, BuildOptions opts, Path root, Path dir, Path lib, long t0) {
        String key = dir.getFileName().toString();
        try {
            Files.createDirectories(root);
            try (FileChannel ch = FileChannel.open(root.resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (Files.exists(lib)) return new Result(lib, dir, true, secondsSince(t0));
                Path tmp = Files.createTempDirectory(root, "build-" + design.topName() + "-");
                buildInto(tmp, design, opts, root);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("emulator cache " + root + ": " + e.getMessage(), e);
        }
        return new Result(lib, dir, false, secondsSince(t0));
    }

    private static void checkClock(Elaborated design) {
        if (!Pattern.compile("\\bclock\\b").matcher(topModuleText(design)).find())
            throw new EmulatorException("top module " + design.topName() + " has no 'clock' input; the emulator drives"
                    + " one clock named 'clock' (a Chisel Module has it)");
    }

    private static String topModuleText(Elaborated d) {
        Matcher m = Pattern.compile("(?ms)^module\\s+" + Pattern.quote(d.topName()) + "\\b.*?\\);").matcher(d.systemVerilog());
        if (!m.find()) throw new EmulatorException("module " + d.topName() + " not found in the SystemVerilog text");
        return m.group();
    }

    private static double secondsSince(long t0) { return (System.nanoTime() - t0) / 1e9; }

    static String key(Elaborated design, BuildOptions opts) {
        return hash(design.topName(), design.systemVerilog(), String.join(" ", VERILATOR_OPTS), String.join(" ", MAKE_OPTS),
                opts.tag(), HARNESS_VERSION, resource("harness.cpp"), resource("rbapi.h"), resource("rbvalues.h"), resource("rbtrace.h"),
                Toolchain.verilatorVersion(), Toolchain.cxxVersion()).substring(0, 16);
    }

    private static void buildInto(Path dir, Elaborated design, BuildOptions opts, Path cacheRoot) throws IOException {
        Path log = dir.resolve("build.log");
        System.err.printf("[rtlbench] building emulator for %s (%s) in %s%n", design.topName(), opts.tag(), dir);
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
    }

    /** Verilator's own runtime (verilated.o, ...), compiled once per option set and reused. */
    private static Path runtimeObjects(Path cacheRoot, Path obj, List<String> globals, BuildOptions opts, Path log) throws IOException {
        Path root = cacheRoot.resolve("runtime");
        Path dir = root.resolve(hash(Toolchain.verilatorVersion(), Toolchain.cxxVersion(), String.join(" ", VERILATOR_OPTS),
                String.join(" ", MAKE_OPTS), String.valueOf(opts.trace()), String.join(",", globals)).substring(0, 16));
        if (Files.exists(dir)) return dir;
        Files.createDirectories(root);
        List<String> make = new ArrayList<>(List.of("make", "-j" + Runtime.getRuntime().availableProcessors(), "-f", "Vdut.mk"));
        for (String g : globals) make.add(g + ".o");
        make.addAll(MAKE_OPTS);
        run(make, obj, log, "Verilator runtime build");
        Path tmp = Files.createTempDirectory(root, "tmp-");
        for (String g : globals) Files.copy(obj.resolve(g + ".o"), tmp.resolve(g + ".o"));
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            FileUtils.deleteDirectory(tmp.toFile());  // another JVM built the same objects first
            if (!Files.exists(dir)) throw raced;
        }
        return dir;
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

    private static void run(List<String> cmd, Path cwd, Path log, String what) throws IOException {
        Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new EmulatorException(cmd.get(0) + " not found on PATH; " + Toolchain.INSTALL_HINT, e);
        }
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES)) { p.destroyForcibly(); throw new EmulatorException(what + " timed out; log: " + log); }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EmulatorException(what + " interrupted; log: " + log, e);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            throw new EmulatorException(what + " failed (exit " + p.exitValue() + "); full log: " + log + "\n" + tail);
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

    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
