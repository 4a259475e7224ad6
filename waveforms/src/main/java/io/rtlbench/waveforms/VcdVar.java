package io.rtlbench.waveforms;

/**
 * One {@code $var} of a VCD header.
 *
 * @param path   full dotted path, scopes then name, e.g. {@code TOP.MacGrid.pe_0_0.acc}
 * @param name   the last path element (bit range removed)
 * @param range  the declared bit range such as {@code [31:0]}, or "" when none
 * @param width  bits
 * @param type   VCD var type ({@code wire}, {@code reg}, {@code real}, ...)
 * @param code   the identifier code used in the value changes (aliases share one)
 * @param slot   dense index of {@code code} (0..number of distinct codes - 1)
 */
public record VcdVar(String path, String name, String range, int width, String type, String code, int slot) {
    public String scope() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    public boolean isReal() { return type.equals("real") || type.equals("realtime"); }

    @Override public String toString() { return path + (width > 1 ? " [" + width + " bits]" : ""); }
}
