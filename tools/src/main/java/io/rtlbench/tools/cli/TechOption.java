package io.rtlbench.tools.cli;

import io.rtlbench.tools.energy.TechTable;
import picocli.CommandLine.Option;

/** The technology table of the energy model ({@code --tech}); checked before any emulation starts. */
public final class TechOption {
    @Option(names = "--tech", defaultValue = "45nm", description = "technology table: 45nm, 7nm or a properties FILE (default ${DEFAULT-VALUE})")
    public String tech;

    public TechTable table() { return TechTable.of(tech); }
}
