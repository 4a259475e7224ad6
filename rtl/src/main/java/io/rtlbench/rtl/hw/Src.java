package io.rtlbench.rtl.hw;

import chisel3.experimental.SourceInfo;
import chisel3.experimental.SourceLine;

/**
 * SourceInfo for Chisel from the Java caller's file and line, so FIRRTL comments and Chisel errors
 * point at the hardware description ("@[Pe.java 25]"), not at the facade.
 */
final class Src {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final java.util.Set<String> FACADE = java.util.Set.of(
            Hw.class.getName(), Hw.When.class.getName(), Ops.class.getName(), Src.class.getName());

    private Src() {}

    /** The first stack frame outside this package (the user's hardware code). */
    static SourceInfo here() {
        return WALKER.walk(frames -> frames
                .filter(f -> !FACADE.contains(f.getClassName()))
                .findFirst()
                .map(f -> (SourceInfo) SourceLine.apply(
                        f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber(), 0))
                .orElse(SourceLine.apply("?", 0, 0)));
    }
}
