package io.rtlbench.rtl.hw;

import java.util.Map;

/**
 * A design lowered to SystemVerilog: the top module's name, the whole SV text (all modules) and the
 * energy role of each tagged instance or memory, by its path below the top (e.g. {@code core.executeUnit.mesh},
 * {@code core.regFile0}).
 */
public record Elaborated(String topName, String systemVerilog, Map<String, EnergyRole> roles) {
    public Elaborated {
        roles = Map.copyOf(roles);
    }

    public Elaborated(String topName, String systemVerilog) { this(topName, systemVerilog, Map.of()); }
}
