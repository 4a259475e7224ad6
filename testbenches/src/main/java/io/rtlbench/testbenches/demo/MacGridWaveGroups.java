package io.rtlbench.testbenches.demo;

import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.waveforms.GtkwGroup;
import io.rtlbench.waveforms.Radix;
import java.util.ArrayList;
import java.util.List;

/**
 * The useful signal groups of a traced {@code MacGrid}, for GTKWave save files
 * ({@link io.rtlbench.waveforms.GtkwSaveFile}): the host interface, the grid's left and top edges
 * (where the skewed operands enter), and the accumulators row by row in signed decimal.
 * An example of the pattern; the systolic and SIMT cores define their own groups the same way.
 */
public final class MacGridWaveGroups {
    private MacGridWaveGroups() {}

    public static List<GtkwGroup> groups(MacGridConfig cfg) {
        List<GtkwGroup> g = new ArrayList<>();
        g.add(new GtkwGroup("control", List.of("TOP.clock", "TOP.reset", "TOP.io_clear"), Radix.HEX));
        List<String> left = new ArrayList<>(), top = new ArrayList<>();
        for (int i = 0; i < cfg.rows(); i++) left.add("TOP.MacGrid.pe_" + i + "_0.io_a");
        for (int j = 0; j < cfg.cols(); j++) top.add("TOP.MacGrid.pe_0_" + j + ".io_b");
        g.add(new GtkwGroup("left edge (A rows in)", left, Radix.SIGNED));
        g.add(new GtkwGroup("top edge (B columns in)", top, Radix.SIGNED));
        for (int i = 0; i < cfg.rows(); i++)
            g.add(new GtkwGroup("accumulators row " + i, List.of("TOP.MacGrid.pe_" + i + "_*.acc"), Radix.SIGNED));
        return g;
    }
}
