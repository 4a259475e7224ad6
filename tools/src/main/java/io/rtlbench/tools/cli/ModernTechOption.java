package io.rtlbench.tools.cli;

import io.rtlbench.tools.energy.TechTable;
import picocli.CommandLine.Option;

/**
 * {@code --tech} for {@code compare}: the modern 7 nm table by default (issue 13; sources in the
 * table's SOURCES.md), 45 nm one flag away. Other commands keep {@link TechOption}'s 45 nm default.
 */
public final class ModernTechOption {
    @Option(names = "--tech", defaultValue = "7nm",
            description = "technology table: 7nm (the modern default), 45nm, 7nm-scaled or a properties FILE (default ${DEFAULT-VALUE})")
    public String tech;

    public TechTable table() {
        try {
            return TechTable.of(tech);
        } catch (IllegalArgumentException e) {
            throw new UserError("--tech: " + e.getMessage());
        }
    }
}
