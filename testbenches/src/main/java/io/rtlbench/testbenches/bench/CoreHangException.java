package io.rtlbench.testbenches.bench;

/**
 * A core did not finish a run within its cycle limit, or stopped on a fault (a SIMT trap, a broken
 * divergence stack). The message says where it was (one line, then details on the following lines).
 */
public final class CoreHangException extends RuntimeException {
    public CoreHangException(String message, Throwable cause) { super(message, cause); }
}
