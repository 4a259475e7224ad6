package io.rtlbench.tools.cli;

import io.rtlbench.tools.energy.MemoryPreset;
import io.rtlbench.tools.energy.TechTable;
import picocli.CommandLine.Option;

/**
 * {@code --memory PRESET}: an off-chip memory (ddr4, lpddr5, hbm2e, hbm3, hbm3e) that sets the
 * off-chip bandwidth per core, the latency and the energy per byte together ({@link MemoryPreset},
 * sources in memory-presets.properties). Explicit {@code --offchip-bw} / {@code --offchip-latency}
 * still override the preset's values.
 */
public final class MemoryOption {
    @Option(names = "--memory", paramLabel = "PRESET",
            description = "off-chip memory preset: ddr4, lpddr5, hbm2e, hbm3, hbm3e (sets bandwidth per core, latency and pJ/byte; "
                    + "--offchip-bw/--offchip-latency override)")
    public String memory;

    /** The preset at the table's clock for a bus of {@code busBytes}, or null without {@code --memory}. */
    public MemoryPreset.OffChip resolve(TechTable tech, int busBytes) {
        if (memory == null) return null;
        try {
            return MemoryPreset.of(memory.trim().toLowerCase(java.util.Locale.ROOT)).at(tech, busBytes);
        } catch (IllegalArgumentException e) {
            throw new UserError("--memory: " + e.getMessage());
        }
    }

    /** The energy table with the preset's off-chip energy (unchanged without a preset). */
    public static TechTable apply(TechTable tech, MemoryPreset.OffChip preset) {
        return preset == null ? tech : tech.withOffchip(preset.pjPerByte(), preset.memory());
    }
}
