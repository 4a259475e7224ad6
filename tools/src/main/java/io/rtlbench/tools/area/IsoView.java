package io.rtlbench.tools.area;

/**
 * The comparison restated at equal silicon area and at equal power, from two cores' measured figures
 * (pure arithmetic, no simulation). Iso-area: as many SIMT cores as fit in the systolic core's area
 * (a fraction is kept: 2.5 cores do 2.5x the work), sharing the off-chip bandwidth the systolic core
 * had; each SIMT core keeps its measured MACs/cycle, off-chip bytes per MAC and pJ/MAC, so the group
 * runs at min(cores x MACs/cycle, shared bytes/cycle / bytes per MAC). Iso-power likewise with the
 * systolic core's average power. Simplifications: perfect work split, no contention beyond the
 * bandwidth cap, no shared-memory or interconnect area; when a multi-core SIMT run was measured,
 * pass its figures (and area) as {@code simt} instead.
 *
 * @param simtCoresInArea       systolic area / SIMT area
 * @param isoAreaMacsPerCycle   what those SIMT cores do together (MACs/cycle)
 * @param isoAreaBoundBy        "compute" or "bandwidth"
 * @param isoAreaSpeedup        systolic MACs/cycle / iso-area SIMT MACs/cycle
 * @param simtCoresInPower      systolic W / SIMT W
 * @param isoPowerMacsPerCycle  what those SIMT cores do together (MACs/cycle)
 * @param isoPowerSpeedup       systolic MACs/cycle / iso-power SIMT MACs/cycle
 */
public record IsoView(CoreFigures systolic, CoreFigures simt, double sharedBytesPerCycle, double simtCoresInArea,
                      double isoAreaMacsPerCycle, String isoAreaBoundBy, double isoAreaSpeedup, double simtCoresInPower,
                      double isoPowerMacsPerCycle, String isoPowerBoundBy, double isoPowerSpeedup) {

    /** {@code sharedBytesPerCycle}: the off-chip bandwidth the SIMT cores share (e.g. the systolic core's share of the chip). */
    public static IsoView of(CoreFigures systolic, CoreFigures simt, double sharedBytesPerCycle) {
        if (!(sharedBytesPerCycle > 0)) throw new IllegalArgumentException("shared bandwidth must be > 0 bytes/cycle");
        double nArea = systolic.areaMm2() / simt.areaMm2();
        double nPower = systolic.watts() / simt.watts();
        double[] a = group(simt, nArea, sharedBytesPerCycle), p = group(simt, nPower, sharedBytesPerCycle);
        return new IsoView(systolic, simt, sharedBytesPerCycle, nArea, a[0], a[1] > 0 ? "bandwidth" : "compute",
                systolic.macsPerCycle() / a[0], nPower, p[0], p[1] > 0 ? "bandwidth" : "compute", systolic.macsPerCycle() / p[0]);
    }

    /** {MACs/cycle of n SIMT cores, 1 if the bandwidth caps them else 0}. */
    private static double[] group(CoreFigures simt, double n, double bandwidth) {
        double compute = n * simt.macsPerCycle();
        double bytesPerMac = (double) simt.offchipBytes() / simt.macs();
        double capped = bytesPerMac == 0 ? compute : bandwidth / bytesPerMac;
        return compute <= capped ? new double[] {compute, 0} : new double[] {capped, 1};
    }

    /** What the JSON and the report carry (snake_case keys). */
    public record Summary(double systolicTopsPerMm2, double simtTopsPerMm2, double systolicTopsPerW, double simtTopsPerW,
                          double sharedOffchipBytesPerCycle, double simtCoresInSystolicArea, double isoAreaSimtMacsPerCycle,
                          String isoAreaBoundBy, double isoAreaSpeedup, double simtCoresInSystolicPower,
                          double isoPowerSimtMacsPerCycle, String isoPowerBoundBy, double isoPowerSpeedup) {}

    public Summary summary() {
        return new Summary(systolic.topsPerMm2(), simt.topsPerMm2(), systolic.topsPerWatt(), simt.topsPerWatt(), sharedBytesPerCycle,
                simtCoresInArea, isoAreaMacsPerCycle, isoAreaBoundBy, isoAreaSpeedup, simtCoresInPower, isoPowerMacsPerCycle,
                isoPowerBoundBy, isoPowerSpeedup);
    }

    public String table() {
        return String.format("""
                iso-area / iso-power (%.1f B/cycle off chip shared):
                                     systolic        simt
                  TOPS/mm^2        %10.4f  %10.4f
                  TOPS/W           %10.4f  %10.4f
                  %.2f SIMT cores fit in the systolic core's area: %.2f MACs/cycle together (%s-bound); systolic %.2f: %.1fx
                  %.2f SIMT cores fit in the systolic core's power: %.2f MACs/cycle together (%s-bound); systolic %.2f: %.1fx
                """, sharedBytesPerCycle, systolic.topsPerMm2(), simt.topsPerMm2(), systolic.topsPerWatt(), simt.topsPerWatt(),
                simtCoresInArea, isoAreaMacsPerCycle, isoAreaBoundBy, systolic.macsPerCycle(), isoAreaSpeedup,
                simtCoresInPower, isoPowerMacsPerCycle, isoPowerBoundBy, systolic.macsPerCycle(), isoPowerSpeedup);
    }
}
