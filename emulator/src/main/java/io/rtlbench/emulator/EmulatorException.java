package io.rtlbench.emulator;

/** A failure the user can act on: a missing tool, a failed build (with its log path), a bad name. */
public class EmulatorException extends RuntimeException {
    public EmulatorException(String message) { super(message); }
    public EmulatorException(String message, Throwable cause) { super(message, cause); }
}
