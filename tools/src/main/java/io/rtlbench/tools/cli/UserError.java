package io.rtlbench.tools.cli;

/** An error caused by the user's input: printed as one line without a stack trace, exit code 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) { super(message); }

    public UserError(String message, Throwable cause) { super(message, cause); }
}
