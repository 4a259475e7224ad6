package io.rtlbench.waveforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws sampled values as a table for the terminal: one row per signal, one column per cycle,
 * the cycle numbers in a header row; columns are as wide as their widest value; when the table is
 * wider than the terminal it continues in further blocks below. Example:
 * <pre>
 * cycle                    10  11  12
 * TOP.MacGrid.pe_0_0.acc    0  2a  54
 * TOP.io_clear              1   0   0
 * </pre>
 */
public final class TextRenderer {
    private TextRenderer() {}

    public static String render(Samples s, TextStyle style) {
        if (s.size() == 0) return "(no cycles of the dump in the requested range)\n";
        int nv = s.vars().size();
        String[][] cells = new String[nv][s.size()];
        for (int v = 0; v < nv; v++) {
            VcdVar var = s.vars().get(v);
            var names = style.enumsOf(var.path());
            for (int i = 0; i < s.size(); i++) {
                Value val = s.get(i, v);
                boolean repeat = style.changesOnly() && i > 0 && val.equals(s.get(i - 1, v));
                cells[v][i] = repeat ? "." : val.format(var.width() == 1 ? Radix.BIN : style.radix(), names);
            }
        }
        int nameWidth = "cycle".length();
        for (VcdVar v : s.vars()) nameWidth = Math.max(nameWidth, v.path().length());
        int[] colWidth = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            colWidth[i] = String.valueOf(s.cycles().get(i)).length();
            for (int v = 0; v < nv; v++) colWidth[i] = Math.max(colWidth[i], cells[v][i].length());
        }
        StringBuilder out = new StringBuilder();
        for (int[] block : blocks(colWidth, nameWidth, style.width())) {
            if (out.length() > 0) out.append('\n');
            row(out, "cycle", nameWidth, colWidth, block, i -> String.valueOf(s.cycles().get(i)));
            for (int v = 0; v < nv; v++) {
                final int vv = v;
                row(out, s.vars().get(v).path(), nameWidth, colWidth, block, i -> cells[vv][i]);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int nameWidth, int[] colWidth, int[] block, java.util.function.IntFunction<String> cell) {
        out.append(name).append(" ".repeat(nameWidth - name.length()));
        for (int i = block[0]; i < block[1]; i++) {
            String c = cell.apply(i);
            out.append("  ").append(" ".repeat(colWidth[i] - c.length())).append(c);
        }
        out.append('\n');
    }

    /** [start, end) column ranges that fit in {@code width} characters (at least one column each). */
    private static List<int[]> blocks(int[] colWidth, int nameWidth, int width) {
        List<int[]> out = new ArrayList<>();
        int start = 0, used = nameWidth;
        for (int i = 0; i < colWidth.length; i++) {
            if (width > 0 && i > start && used + 2 + colWidth[i] > width) {
                out.add(new int[] {start, i});
                start = i;
                used = nameWidth;
            }
            used += 2 + colWidth[i];
        }
        out.add(new int[] {start, colWidth.length});
        return out;
    }
}
