package io.rtlbench.tools.area;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Area of Yosys's generic cells ({@code $_AND_}, {@code $_SDFFE_PP0P_}, ...) in NAND2 equivalents,
 * from {@code cells-asap7.properties} (ratios of ASAP7 cell footprints, cited there). A type is looked
 * up by its longest listed prefix, so every flip-flop variant ({@code $_DFF_P_}, {@code $_DFF_PN0_})
 * finds its family. An unknown type is an error, not a silent zero: the accounting would be wrong.
 */
public final class CellAreas {
    private final Map<String, Double> nand2Eq;

    private CellAreas(Map<String, Double> nand2Eq) { this.nand2Eq = Map.copyOf(nand2Eq); }

    /** The ASAP7-derived ratios shipped with rtlbench. */
    public static CellAreas asap7() {
        Properties p = new Properties();
        try (InputStream in = CellAreas.class.getResourceAsStream("cells-asap7.properties")) {
            if (in == null) throw new IllegalStateException("missing resource cells-asap7.properties");
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read cells-asap7.properties", e);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, Double.parseDouble(p.getProperty(k).trim()));
        return new CellAreas(m);
    }

    /** A copy with some ratios replaced (keys are Yosys types or prefixes). */
    public CellAreas with(Map<String, Double> overrides) {
        Map<String, Double> m = new LinkedHashMap<>(nand2Eq);
        overrides.forEach((k, v) -> {
            if (v < 0 || v.isNaN()) throw new IllegalArgumentException("cell area of " + k + " must be >= 0, got " + v);
            m.put(k, v);
        });
        return new CellAreas(m);
    }

    @Override public boolean equals(Object o) { return o instanceof CellAreas c && c.nand2Eq.equals(nand2Eq); }

    @Override public int hashCode() { return nand2Eq.hashCode(); }

    @Override public String toString() { return "CellAreas" + new java.util.TreeMap<>(nand2Eq); }

    /** NAND2 equivalents of one cell of Yosys type {@code type}. */
    public double nand2Eq(String type) {
        String best = null;
        for (String k : nand2Eq.keySet())
            if (type.startsWith(k) && (best == null || k.length() > best.length())) best = k;
        if (best == null)
            throw new IllegalArgumentException("no area for Yosys cell type " + type + " (add area.cell." + type + " to the technology table)");
        return nand2Eq.get(best);
    }

    /** Flip-flops and latches (the rest is combinational logic). */
    public static boolean sequential(String type) { return io.rtlbench.tools.energy.GateCounts.sequential(type); }
}
