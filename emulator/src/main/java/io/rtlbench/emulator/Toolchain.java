package io.rtlbench.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds Verilator and the C++ compiler and reports their versions (part of the build cache key). */
final class Toolchain {
    static final String INSTALL_HINT = "install it with: sudo apt-get install -y verilator g++ make";
    private static String verilatorVersion, cxxVersion;
    private static Path verilatorRoot;

    private Toolchain() {}

    static synchronized String verilatorVersion() {
        if (verilatorVersion == null) verilatorVersion = version("verilator", "--version");
        return verilatorVersion;
    }

    static synchronized String cxxVersion() {
        if (cxxVersion == null) cxxVersion = version("g++", "--version");
        version("make", "--version");
        return cxxVersion;
    }

    /** Verilator's include folder (verilated.h etc.). */
    static synchronized Path verilatorRoot() {
        if (verilatorRoot == null) {
            String out = version("verilator", "--getenv", "VERILATOR_ROOT");
            verilatorRoot = Path.of(out.trim());
            if (!Files.exists(verilatorRoot.resolve("include/verilated.h")))
                throw new EmulatorException("Verilator's include/verilated.h is missing under " + verilatorRoot + "; " + INSTALL_HINT);
        }
        return verilatorRoot;
    }

    private static String version(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new EmulatorException("'" + String.join(" ", cmd) + "' failed: " + out.trim() + "; " + INSTALL_HINT);
            return out.trim();
        } catch (IOException e) {
            throw new EmulatorException(cmd[0] + " not found on PATH; " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted while running " + cmd[0], e);
        }
    }
}
