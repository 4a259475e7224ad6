package io.rtlbench.waveforms;

/**
 * What {@link HtmlRenderer} puts in a page.
 *
 * @param title          page title (e.g. the VCD's file name)
 * @param fromCycle      first cycle to include (clipped to the dump)
 * @param toCycle        end cycle, exclusive (clipped to the dump)
 * @param maxChanges     refuse to build a page holding more value changes than this (pages stay small)
 * @param initialSignals how many of the selected signals are shown at first (the rest via the tree)
 */
public record HtmlOptions(String title, long fromCycle, long toCycle, int maxChanges, int initialSignals) {
    /** Everything (cycles 0 .. 2^40), up to 2 M changes, 24 signals shown at first. */
    public static HtmlOptions of(String title) { return new HtmlOptions(title, 0, 1L << 40, 2_000_000, 24); }

    public HtmlOptions {
        if (toCycle <= fromCycle) throw new IllegalArgumentException("empty cycle range [" + fromCycle + ", " + toCycle + ")");
        if (maxChanges < 1 || initialSignals < 0) throw new IllegalArgumentException("maxChanges must be >= 1 and initialSignals >= 0");
    }
}
