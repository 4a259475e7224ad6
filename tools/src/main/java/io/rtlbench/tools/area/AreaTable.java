package io.rtlbench.tools.area;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Area parameters of one technology node (keys {@code area.*} of a technology table; every one is
 * optional in a user's table and defaults to the 45 nm values, see {@code tech-45nm.properties}).
 *
 * @param nand2Um2            area of one NAND2 equivalent, um^2 (logic and flip-flops are counted in NAND2 equivalents)
 * @param sramBitcellUm2      area of one 6T SRAM bit cell, um^2
 * @param sramArrayEfficiency bit-cell area / macro area (periphery: decoders, sense amplifiers, I/O), 0 < e <= 1
 * @param sramMinMacroBits    memories smaller than this many bits are flip-flop arrays, not SRAM macros
 * @param cells               Yosys cell type -> NAND2 equivalents
 */
public record AreaTable(double nand2Um2, double sramBitcellUm2, double sramArrayEfficiency, long sramMinMacroBits,
                        CellAreas cells) {
    public AreaTable {
        if (!(nand2Um2 > 0) || !(sramBitcellUm2 > 0))
            throw new IllegalArgumentException("area.nand2_um2 and area.sram_bitcell_um2 must be > 0");
        if (!(sramArrayEfficiency > 0 && sramArrayEfficiency <= 1))
            throw new IllegalArgumentException("area.sram_array_efficiency must be in (0, 1], got " + sramArrayEfficiency);
        if (sramMinMacroBits < 0) throw new IllegalArgumentException("area.sram_min_macro_bits must be >= 0");
    }

    /** The 45 nm values, used for any key a table leaves out. */
    public static final AreaTable DEFAULT_45NM = new AreaTable(0.798, 0.346, 0.70, 4096, CellAreas.asap7());

    /** Reads the {@code area.*} keys of a technology table; missing keys come from {@code defaults}. */
    public static AreaTable load(Properties p, String source, AreaTable defaults) {
        Map<String, Double> cellOverrides = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames())
            if (k.startsWith("area.cell.")) cellOverrides.put(k.substring("area.cell.".length()), num(p, k, source, 0));
        return new AreaTable(num(p, "area.nand2_um2", source, defaults.nand2Um2),
                num(p, "area.sram_bitcell_um2", source, defaults.sramBitcellUm2),
                num(p, "area.sram_array_efficiency", source, defaults.sramArrayEfficiency),
                (long) num(p, "area.sram_min_macro_bits", source, defaults.sramMinMacroBits),
                defaults.cells.with(cellOverrides));
    }

    private static double num(Properties p, String key, String source, double fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("technology table " + source + ": '" + key + "' must be a non-negative number, got '" + v + "'");
        }
    }

    /** um^2 of {@code count} cells of Yosys type {@code type}. */
    public double cellUm2(String type, long count) { return count * cells.nand2Eq(type) * nand2Um2; }

    /**
     * um^2 of a memory of {@code bits}: an SRAM macro (bits x bit cell / array efficiency) from
     * {@link #sramMinMacroBits} up, else a flip-flop array (an enable flop per bit plus a 2:1 mux per bit
     * for the read tree; one read port).
     */
    public double memoryUm2(long bits) {
        if (bits >= sramMinMacroBits) return bits * sramBitcellUm2 / sramArrayEfficiency;
        return bits * (cells.nand2Eq("$_DFFE_PP_") + cells.nand2Eq("$_MUX_")) * nand2Um2;
    }

    /** True when a memory of {@code bits} is costed as an SRAM macro. */
    public boolean isMacro(long bits) { return bits >= sramMinMacroBits; }
}
