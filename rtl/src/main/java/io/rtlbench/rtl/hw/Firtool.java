package io.rtlbench.rtl.hw;

import io.rtlbench.common.ToolException;
import io.rtlbench.common.FileCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the CIRCT firtool binary. Order: {@code $RTLBENCH_FIRTOOL} (a file), else the linux-x64
 * binary inside the {@code org.chipsalliance:llvm-firtool} jar on the class path, extracted once
 * into the rtlbench cache ({@link FileCache}: {@code firtool/<version>/}, made once and atomically).
 */
public final class Firtool {
    static final String VERSION = "1.155.0";
    private static final String RESOURCE = "org.chipsalliance/llvm-firtool/linux-x64/bin/firtool";
    private static Path cached;

    private Firtool() {}

    public static synchronized Path binary() {
        if (cached != null) return cached;
        String override = System.getenv("RTLBENCH_FIRTOOL");
        if (override != null && !override.isEmpty()) {
            Path p = Path.of(override);
            if (!Files.isExecutable(p)) throw new ToolException("RTLBENCH_FIRTOOL=" + override + " is not an executable file");
            return cached = p;
        }
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux") || !System.getProperty("os.arch", "").matches("amd64|x86_64"))
            throw new ToolException("the bundled firtool is linux-x64 only; set RTLBENCH_FIRTOOL to a firtool " + VERSION + " binary");
        Path target = FileCache.root().resolve("firtool").resolve(VERSION).resolve("firtool");
        if (Files.isExecutable(target)) return cached = target;
        URL url = Firtool.class.getClassLoader().getResource(RESOURCE);
        if (url == null)
            throw new ToolException("firtool not found: org.chipsalliance:llvm-firtool:" + VERSION
                    + " is not on the class path (it is a dependency of rtlbench-rtl; run the build with Maven)");
        try {
            FileCache.file(target, tmp -> {
                System.err.println("[rtlbench] extracting firtool " + VERSION + " to " + target + " (first use)");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, tmp);
                }
                if (!tmp.toFile().setExecutable(true)) throw new IOException("chmod +x failed on " + tmp);
            });
        } catch (java.io.UncheckedIOException e) {
            throw new ToolException("cannot extract firtool to " + target + ": " + e.getMessage(), e);
        }
        return cached = target;
    }
}
