package io.rtlbench.emulator;

/** A run-until hit its cycle limit; the message says which signal it waited for and the outputs then. */
public final class CycleLimitException extends EmulatorException {
    private final long cycle;

    public CycleLimitException(String message, long cycle) {
        super(message);
        this.cycle = cycle;
    }

    /** The simulator's cycle count when the limit was hit. */
    public long cycle() { return cycle; }
}
