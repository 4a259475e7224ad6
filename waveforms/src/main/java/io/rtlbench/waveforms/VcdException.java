package io.rtlbench.waveforms;

/**
 * A VCD file that cannot be read: malformed, truncated, or not readable. The message always names
 * the file and, when the problem is in its text, the 1-based line number.
 */
public class VcdException extends RuntimeException {
    private final long line;

    public VcdException(String message, long line) {
        super(message);
        this.line = line;
    }

    public VcdException(String message, Throwable cause) {
        super(message, cause);
        this.line = -1;
    }

    /** 1-based line of the problem, or -1 when it is not about one line (I/O error). */
    public long line() { return line; }

    static VcdException at(String file, long line, String what) {
        return new VcdException(file + ":" + line + ": " + what, line);
    }
}
