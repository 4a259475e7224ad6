package io.rtlbench.emulator;

import io.rtlbench.common.ToolException;

/** A failure the user can act on: a missing tool, a failed build (with its log path), a bad name. */
public class EmulatorException extends ToolException {
    public EmulatorException(String message) { super(message); }
    public EmulatorException(String message, Throwable cause) { super(message, cause); }
}
