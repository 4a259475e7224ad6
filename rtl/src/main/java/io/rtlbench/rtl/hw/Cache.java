package io.rtlbench.rtl.hw;

import java.nio.file.Path;

/**
 * The rtlbench cache folder (extracted firtool, Verilator builds, compiled kernels):
 * {@code $RTLBENCH_CACHE}, else {@code $XDG_CACHE_HOME/rtlbench}, else {@code ~/.cache/rtlbench}.
 */
public final class Cache {
    private Cache() {}

    public static Path dir() {
        String env = System.getenv("RTLBENCH_CACHE");
        if (env != null && !env.isEmpty()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "rtlbench");
        return Path.of(System.getProperty("user.home"), ".cache", "rtlbench");
    }
}
