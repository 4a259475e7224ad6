package io.rtlbench.waveforms;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a GTKWave save file (.gtkw) that opens a VCD with the given signal groups already on
 * screen: each group is a collapsible GTKWave group holding its signals in file order, vectors
 * in the group's radix, 1-bit signals in binary. Patterns are resolved against the VCD's header,
 * so a misspelt name fails here (with near matches) rather than silently in the viewer.
 * Simplification: no colours, markers or zoom; the core-specific groupings live with the cores.
 */
public final class GtkwSaveFile {
    private GtkwSaveFile() {}

    // GTKWave trace flags: 0x20 right-justify, 0x2 hex, 0x4 dec, 0x8 bin, 0x400 signed,
    // 0x200 blank (comment) row, 0x800000 group begin, 0x1000000 group end.
    static String flags(Radix r, int width) {
        if (width == 1) return "@28";
        return switch (r) {
            case HEX -> "@22";
            case DEC -> "@24";
            case SIGNED -> "@424";
            case BIN -> "@28";
        };
    }

    public static String render(VcdHeader h, Path vcd, List<GtkwGroup> groups) {
        StringBuilder sb = new StringBuilder();
        sb.append("[*] written by rtlbench (io.rtlbench.waveforms.GtkwSaveFile)\n");
        sb.append("[dumpfile] \"").append(vcd.toAbsolutePath()).append("\"\n");
        sb.append("[timestart] 0\n[size] 1400 800\n[signals_width] 300\n[sst_expanded] 1\n");
        for (VcdScope top : h.root().children()) sb.append("[treeopen] ").append(top.path()).append(".\n");
        for (GtkwGroup g : groups) {
            List<VcdVar> vars = h.select(g.patterns());
            sb.append("@800200\n-").append(g.name()).append('\n');
            String last = "";
            for (VcdVar v : vars) {
                String f = flags(g.radix(), v.width());
                if (!f.equals(last)) sb.append(f).append('\n');
                last = f;
                sb.append(gtkwaveName(v)).append('\n');
            }
            sb.append("@1000200\n-").append(g.name()).append('\n');
        }
        sb.append("[pattern_trace] 1\n[pattern_trace] 0\n");
        return sb.toString();
    }

    /** GTKWave's name for a variable: its path with the declared bit range appended. */
    static String gtkwaveName(VcdVar v) {
        return v.path().endsWith(v.range()) ? v.path() : v.path() + v.range();
    }
}
