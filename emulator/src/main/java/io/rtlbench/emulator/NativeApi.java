package io.rtlbench.emulator;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.rtlbench.common.FileCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JNA direct mapping of the dispatch library (dispatch.c): one small library for all designs, bound
 * once per JVM; each call forwards through the handle's function table into the design's library.
 * Built on first use into {@code <cache>/emulator/dispatch-<hash>/}.
 */
final class NativeApi {
    static {
        Native.register(NativeApi.class, NativeLibrary.getInstance(dispatchLibrary().toString()));
    }

    private NativeApi() {}

    static void load() { /* triggers the static initializer */ }

    static native void rb_destroy(Pointer h);
    static native String rb_last_error(Pointer h);
    static native int rb_num_ports(Pointer h);
    static native String rb_port_name(Pointer h, int i);
    static native int rb_port_width(Pointer h, int i);
    static native int rb_port_dir(Pointer h, int i);
    static native int rb_num_mems(Pointer h);
    static native String rb_mem_name(Pointer h, int i);
    static native long rb_mem_depth(Pointer h, int i);
    static native int rb_mem_width(Pointer h, int i);
    static native int rb_num_toggles(Pointer h);
    static native String rb_toggle_name(Pointer h, int i);
    static native int rb_toggle_width(Pointer h, int i);
    static native int rb_toggle_class(Pointer h, int i);
    static native void rb_poke(Pointer h, int port, long[] words);
    static native void rb_peek(Pointer h, int port, long[] words);
    static native void rb_step(Pointer h, long cycles);
    static native long rb_cycle(Pointer h);
    static native long rb_run(Pointer h, long cycles, int nin, Pointer inPorts, Pointer inWords,
                              int nout, Pointer outPorts, Pointer outWords);
    static native long rb_run_until(Pointer h, int donePort, long maxCycles);
    static native long rb_bench_native(Pointer h, long cycles, int nin, Pointer inPorts, Pointer inWords,
                                       int nout, Pointer outPorts, Pointer outWords);
    static native int rb_mem_read(Pointer h, int mem, long start, long count, Pointer words);
    static native int rb_mem_write(Pointer h, int mem, long start, long count, Pointer words);
    static native int rb_trace_window(Pointer h, String path, long from, long to);
    static native void rb_trace_close(Pointer h);
    static native int rb_trace_scope(Pointer h, String scope);
    static native int rb_toggles_enable(Pointer h, int on);
    static native void rb_toggles_read(Pointer h, long[] counts);
    static native void rb_toggles_clear(Pointer h);

    private static Path dispatchLibrary() {
        String src = EmulatorBuild.resource("dispatch.c"), hdr = EmulatorBuild.resource("rbapi.h");
        Path dir = FileCache.root().resolve("emulator").resolve("dispatch-" + FileCache.hash(src, hdr, Toolchain.cxxVersion()));
        Path log = FileCache.failed(dir).resolve("build.log");
        try {
            FileCache.directory(dir, tmp -> {
                Files.writeString(tmp.resolve("dispatch.c"), src);
                Files.writeString(tmp.resolve("rbapi.h"), hdr);
                Process p;
                try {
                    p = new ProcessBuilder(List.of("gcc", "-O2", "-fPIC", "-shared", "-o", "librbdispatch.so", "dispatch.c"))
                            .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
                } catch (IOException e) {
                    throw new EmulatorException("gcc not found on PATH (needed for the JNA dispatch library); " + Toolchain.INSTALL_HINT, e);
                }
                try {
                    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0)
                        throw new EmulatorException("building the JNA dispatch library failed; log: " + log);
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new EmulatorException("interrupted while building the JNA dispatch library", e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new EmulatorException("cannot build the JNA dispatch library in " + dir + ": " + e.getMessage(), e);
        }
        return dir.resolve("librbdispatch.so");
    }
}
