package io.rtlbench.tools.energy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Energy per event for one technology node, loaded from a properties file whose comments state
 * every assumption ({@code tech-45nm.properties}). {@code 7nm} is derived from 45 nm by the scaling
 * rule in {@code SCALING.md}. All energies in pJ.
 */
public record TechTable(String name, double clockGhz, double mulPjPerBitToggle8b, double addPjPerBitToggle,
                        double regPjPerBitToggle, double clockPjPerRegBitPerCycle, double logicPjPerGateToggle,
                        double leakPjPerGatePerCycle, double leakPjPerSramBitPerCycle, double sramPjPerBit8kb,
                        double sramMinPjPerBit, double offchipPjPerByte) {

    /** "45nm" (default), "7nm" (scaled), or the path of a properties file with the same keys. */
    public static TechTable of(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.equals("45nm")) return load(resource("tech-45nm.properties"), "45nm");
        if (nameOrFile.equals("7nm")) return of("45nm").scaledTo7nm();
        Path p = Path.of(nameOrFile);
        if (!Files.isRegularFile(p))
            throw new IllegalArgumentException("technology table '" + nameOrFile + "' is neither 45nm, 7nm nor a file");
        try (Reader r = Files.newBufferedReader(p)) {
            Properties props = new Properties();
            props.load(r);
            return load(props, p.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read technology table " + p + ": " + e.getMessage(), e);
        }
    }

    private static Properties resource(String name) {
        try (InputStream in = TechTable.class.getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing technology table resource " + name, e);
        }
    }

    private static TechTable load(Properties p, String source) {
        if (num(p, "clock.ghz", source) <= 0)
            throw new IllegalArgumentException("technology table " + source + ": 'clock.ghz' must be > 0 (it turns energy per cycle into power)");
        return new TechTable(p.getProperty("name", source), num(p, "clock.ghz", source), num(p, "mul.pj_per_bit_toggle_8b", source),
                num(p, "add.pj_per_bit_toggle", source), num(p, "reg.pj_per_bit_toggle", source),
                num(p, "clock.pj_per_reg_bit_per_cycle", source), num(p, "logic.pj_per_gate_toggle", source),
                num(p, "leakage.pj_per_gate_per_cycle", source), num(p, "leakage.pj_per_sram_bit_per_cycle", source),
                num(p, "sram.pj_per_bit_8kb", source), num(p, "sram.min_pj_per_bit", source), num(p, "offchip.pj_per_byte", source));
    }

    private static double num(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("technology table " + source + " lacks '" + key + "'");
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("technology table " + source + ": '" + key + "' must be a non-negative number, got '" + v + "'");
        }
    }

    /** The SCALING.md rule: logic x0.076, SRAM x0.25, off-chip x0.2, leakage x0.5, 2 GHz. */
    public TechTable scaledTo7nm() {
        double logic = (7.0 / 45.0) * 0.49, sram = 0.25, off = 0.2, leak = 0.5;
        return new TechTable("7nm (scaled from " + name + ")", 2.0, mulPjPerBitToggle8b * logic, addPjPerBitToggle * logic,
                regPjPerBitToggle * logic, clockPjPerRegBitPerCycle * logic, logicPjPerGateToggle * logic,
                leakPjPerGatePerCycle * leak, leakPjPerSramBitPerCycle * leak, sramPjPerBit8kb * sram, sramMinPjPerBit * sram,
                offchipPjPerByte * off);
    }

    /** Energy of one toggled operand bit of a multiplier whose operand is {@code width} bits. */
    public double mulPerToggle(int width) { return mulPjPerBitToggle8b * Math.max(1, width) / 8.0; }

    /** Energy per accessed bit of an SRAM of {@code bytes} capacity. */
    public double sramPerBit(double bytes) { return Math.max(sramMinPjPerBit, sramPjPerBit8kb * Math.sqrt(bytes / 8192.0)); }
}
