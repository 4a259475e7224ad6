package io.rtlbench.tools.energy;

/**
 * The energy categories of each core's instances (paths below its SoC top). The off-chip memory
 * model ({@code offchip}) is charged per byte, not per toggle, and performance counters are
 * measurement, not design, so both are left out.
 */
public final class CoreRules {
    private CoreRules() {}

    /** Systolic: PEs and mesh are compute; command memory is instruction supply; SRAMs by default. */
    public static CategoryRules systolic() {
        return new CategoryRules().ignore("offchip(\\..*)?")
                .add(".*mesh(\\..*)?", Category.COMPUTE)
                .add(".*cmds(_ext)?", Category.INSTRUCTION);
    }

    /** SIMT: lanes' register files, instruction fetch/decode, lanes and divider as compute. */
    public static CategoryRules simt() {
        return new CategoryRules().ignore("offchip(\\..*)?").ignore(".*perf(\\..*)?")
                .add(".*\\.rf\\w*", Category.REGFILE)
                .add(".*(fetch|dec|imem)(_ext)?(\\..*)?", Category.INSTRUCTION)
                .add(".*(lane_?\\d*|divider)(\\..*)?", Category.COMPUTE);
    }

    /** The demo MAC grid: everything is the PE datapath. */
    public static CategoryRules macGrid() { return new CategoryRules().add("pe_\\d+_\\d+", Category.COMPUTE); }
}
