package io.rtlbench.testbenches.simt;

import io.rtlbench.rtl.hw.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds SIMT programs (C kernels with crt0, or self-contained assembly tests) from the resources
 * of this package with Debian's riscv64-unknown-elf-gcc (rv32im_zicsr / ilp32, freestanding, our
 * link.ld). Results are cached under {@code <cache>/kernels/<sha256 of sources and flags>.elf},
 * written atomically.
 */
public final class KernelBuild {
    public static final String GCC = "riscv64-unknown-elf-gcc";
    public static final String INSTALL = "sudo apt-get install -y gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf";
    static final String RES = "/io/rtlbench/testbenches/simt/";
    static final List<String> FLAGS = List.of("-march=rv32im_zicsr", "-mabi=ilp32", "-O2", "-nostdlib", "-nostartfiles",
            "-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns", "-Wall", "-Werror");

    private KernelBuild() {}

    /** A C kernel linked with crt0.S; {@code name} is the resource {@code kernels/<name>.c}. */
    public static Path kernel(String name) { return build(List.of("crt0.S", "kernels/" + name + ".c")); }

    /** A self-contained assembly test {@code tests/<name>.S} (it defines _start and uses test.h). */
    public static Path asmTest(String name) { return build(List.of("tests/" + name + ".S")); }

    static synchronized Path build(List<String> sources) {
        List<String> all = new ArrayList<>(sources);
        all.addAll(List.of("link.ld", "simt.h", "test.h"));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.join(" ", FLAGS).getBytes(StandardCharsets.UTF_8));
            for (String s : all) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update(resource(s));
            }
            String hash = HexFormat.of().formatHex(md.digest()).substring(0, 24);
            Path dir = Cache.dir().resolve("kernels");
            Path elf = dir.resolve(hash + ".elf");
            if (Files.exists(elf)) return elf;
            Path work = Files.createTempDirectory("rtlbench-kernel");
            for (String s : all) {
                Path p = work.resolve(s);
                Files.createDirectories(p.getParent());
                Files.write(p, resource(s));
            }
            List<String> cmd = new ArrayList<>(List.of(GCC));
            cmd.addAll(FLAGS);
            cmd.addAll(List.of("-I", work.toString(), "-T", work.resolve("link.ld").toString(), "-o", work.resolve("out.elf").toString()));
            for (String s : sources) cmd.add(work.resolve(s).toString());
            // No libgcc: with -march=rv32im_zicsr Debian's gcc picks the rv64 default multilib's libgcc, so
            // kernels must avoid helper calls (variable 64-bit shifts, 64-bit division).
            cmd.add("-Wl,--no-warn-rwx-segments");
            run(cmd, work);
            Files.createDirectories(dir);
            Path tmp = dir.resolve(hash + ".tmp" + ProcessHandle.current().pid());
            Files.copy(work.resolve("out.elf"), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, elf, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return elf;
        } catch (IOException e) {
            throw new UncheckedIOException("kernel build of " + sources + " failed: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> cmd, Path work) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("the RISC-V compiler '" + GCC + "' is not installed (" + e.getMessage()
                    + "); install it with: " + INSTALL, e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IllegalStateException("kernel compilation failed:\n" + String.join(" ", cmd) + "\n" + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling a kernel", e);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = KernelBuild.class.getResourceAsStream(RES + name)) {
            if (in == null) throw new IOException("missing resource " + RES + name);
            return in.readAllBytes();
        }
    }
}
