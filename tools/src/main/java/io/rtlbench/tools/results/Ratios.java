package io.rtlbench.tools.results;

/** SIMT over systolic: speedup = SIMT cycles / systolic cycles; energy and pJ/MAC likewise (higher: the systolic core wins). */
public record Ratios(double speedup, double energyRatio, double pjPerMacRatio) {
    public static Ratios of(double sysCycles, double simtCycles, double sysPj, double simtPj, double sysPjPerMac, double simtPjPerMac) {
        return new Ratios(simtCycles / sysCycles, simtPj / sysPj, simtPjPerMac / sysPjPerMac);
    }

    public static Ratios of(CoreRun sys, CoreRun simt) {
        return of(sys.totalCycles(), simt.totalCycles(), sys.energyPj(), simt.energyPj(), sys.pjPerMac(), simt.pjPerMac());
    }

    public static Ratios of(CoreTotals sys, CoreTotals simt) {
        return of(sys.totalCycles(), simt.totalCycles(), sys.energyPj(), simt.energyPj(), sys.pjPerMac(), simt.pjPerMac());
    }
}
