package io.rtlbench.waveforms;

/**
 * How VCD times map to clock cycles. The value of a signal "at cycle c" is its value after every
 * change with time <= {@link #sampleTime(long) sampleTime(c)} = c * period + sampleOffset.
 * The emulator's convention ({@link #EMULATOR}): time 10c is the clock-low half of cycle c (inputs
 * applied, outputs settled: what the registers sample), 10c + 5 its rising edge; so cycle c shows
 * the inputs of cycle c and the register state before its edge.
 *
 * @param period       VCD time units per cycle (> 0)
 * @param sampleOffset time within a cycle at which values are read (0 <= offset < period)
 */
public record CycleMap(long period, long sampleOffset) {
    public static final CycleMap EMULATOR = new CycleMap(10, 0);

    public CycleMap {
        if (period <= 0) throw new IllegalArgumentException("cycle period must be > 0 time units, got " + period);
        if (sampleOffset < 0 || sampleOffset >= period)
            throw new IllegalArgumentException("sample offset must be in [0, " + period + "), got " + sampleOffset);
    }

    public long sampleTime(long cycle) { return cycle * period + sampleOffset; }

    /** The cycle whose sample point is the last one at or before {@code time} (floor). */
    public long cycleAtOrBefore(long time) { return Math.floorDiv(time - sampleOffset, period); }

    /** The first cycle whose sample point is at or after {@code time}: where a change at that time is first seen. */
    public long firstCycleSeeing(long time) { return -Math.floorDiv(-(time - sampleOffset), period); }
}
