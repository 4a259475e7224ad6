package io.rtlbench.common;

/**
 * An external tool rtlbench needs (Verilator, a C++ or RISC-V compiler, Yosys, firtool) is missing
 * or failed. The message says what to install, or where the tool's log is; the command line prints
 * it as one line and exits 2.
 */
public class ToolException extends RuntimeException {
    public ToolException(String message) { super(message); }

    public ToolException(String message, Throwable cause) { super(message, cause); }
}
