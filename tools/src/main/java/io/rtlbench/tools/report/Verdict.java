package io.rtlbench.tools.report;

import io.rtlbench.tools.report.ReportData.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which core wins a layer on cycles and on energy, and a one-line "why" derived from the numbers:
 * for cycles, MACs/cycle against each core's peak and the share of cycles spent not computing
 * (memory stalls); for energy, the two breakdown categories where the loser spends the most pJ more
 * than the winner, as a share of the loser's energy ("SIMT spends 58% in instruction supply +
 * register file (systolic 9%)"). A tie (equal values) names no winner.
 */
record Verdict(String cycleWinner, String cycleWhy, String energyWinner, String energyWhy) {
    static final Map<String, String> LABELS = Map.of("compute", "compute", "sram", "SRAM", "regfile", "register file",
            "control", "control", "instruction", "instruction supply", "clock", "clock", "leakage", "leakage", "offchip", "off-chip traffic");

    static Verdict of(Run sys, Run simt, double sysPeak, double simtPeak) {
        String cw = winner(sys.totalCycles(), simt.totalCycles());
        String cycleWhy = String.format(Locale.ROOT, "%s vs %s MACs/cycle%s", Axis.fmt(sys.macsPerCycle()), Axis.fmt(simt.macsPerCycle()),
                sysPeak > 0 && simtPeak > 0 ? String.format(Locale.ROOT, " (peaks %s vs %s)", Axis.fmt(sysPeak), Axis.fmt(simtPeak)) : "");
        for (int k = 0; k < 2; k++) {
            Run r = k == 0 ? sys : simt;
            double stall = r.totalCycles() > 0 ? 1 - r.computeCycles() / r.totalCycles() : 0;
            if (stall >= 0.3) cycleWhy += String.format(Locale.ROOT, "; %s not computing %d%% of cycles (memory)", k == 0 ? "systolic" : "SIMT", Math.round(100 * stall));
        }
        String ew = winner(sys.energyPj(), simt.energyPj());
        String energyWhy;
        if (ew.equals("tie")) energyWhy = "equal energy";
        else {
            Run loser = ew.equals("systolic") ? simt : sys, win = ew.equals("systolic") ? sys : simt;
            List<String> cats = new ArrayList<>(ReportData.CATEGORIES);
            cats.sort(Comparator.comparingDouble((String c) -> win.breakdown().get(c) - loser.breakdown().get(c)));
            List<String> top = cats.subList(0, 2);
            double lShare = loser.share(top.get(0)) + loser.share(top.get(1));
            double wShare = win.share(top.get(0)) + win.share(top.get(1));
            energyWhy = String.format(Locale.ROOT, "%s spends %d%% in %s + %s (%s %d%%); %s vs %s pJ/MAC",
                    ew.equals("systolic") ? "SIMT" : "systolic", Math.round(100 * lShare), LABELS.get(top.get(0)), LABELS.get(top.get(1)),
                    ew, Math.round(100 * wShare), Axis.fmt(sys.pjPerMac()), Axis.fmt(simt.pjPerMac()));
        }
        return new Verdict(cw, cycleWhy, ew, energyWhy);
    }

    private static String winner(double sys, double simt) {
        return sys < simt ? "systolic" : simt < sys ? "SIMT" : "tie";
    }
}
