package io.rtlbench.tools.area;

/**
 * One core's measured totals and the rates that follow at the technology table's clock. An INT8 MAC
 * counts as 2 operations (the vendors' TOPS convention). Units: energy pJ, area mm^2, clock GHz.
 * Since 1 op/pJ = 10^12 op/J, TOPS/W = operations / pJ.
 */
public record CoreFigures(String core, long macs, long cycles, double energyPj, double areaMm2, long offchipBytes,
                          double clockGhz, double peakMacsPerCycle) {
    public CoreFigures {
        if (cycles <= 0 || clockGhz <= 0 || areaMm2 <= 0)
            throw new IllegalArgumentException(core + ": cycles, clock and area must be > 0 (got " + cycles + ", " + clockGhz + ", " + areaMm2 + ")");
    }

    public double macsPerCycle() { return (double) macs / cycles; }

    public double pjPerMac() { return energyPj / macs; }

    /** Achieved tera-operations per second: 2 x MACs/cycle x G cycles/s / 1000. */
    public double tops() { return 2 * macsPerCycle() * clockGhz / 1000; }

    /** At 100% utilization. */
    public double peakTops() { return 2 * peakMacsPerCycle * clockGhz / 1000; }

    /** Average power in W: pJ/cycle x G cycles/s = mW; / 1000. */
    public double watts() { return energyPj / cycles * clockGhz / 1000; }

    public double topsPerWatt() { return 2.0 * macs / energyPj; }

    public double topsPerMm2() { return tops() / areaMm2; }

    public double peakTopsPerMm2() { return peakTops() / areaMm2; }

    public double wattsPerMm2() { return watts() / areaMm2; }

    public double offchipBytesPerCycle() { return (double) offchipBytes / cycles; }

    /** The rates as the JSON carries them (snake_case: {@code tops}, {@code peak_tops}, {@code tops_per_w}, ...). */
    public record Rates(double tops, double peakTops, double watts, double topsPerW, double topsPerMm2, double peakTopsPerMm2,
                        double areaMm2, double clockGhz) {}

    public Rates rates() {
        return new Rates(tops(), peakTops(), watts(), topsPerWatt(), topsPerMm2(), peakTopsPerMm2(), areaMm2, clockGhz);
    }
}
