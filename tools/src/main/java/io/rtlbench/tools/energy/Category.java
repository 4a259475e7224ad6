package io.rtlbench.tools.energy;

/** Where energy goes, as the report breaks it down. */
public enum Category {
    COMPUTE("compute datapath"),
    SRAM("on-chip SRAM"),
    REGFILE("register file"),
    CONTROL("pipeline/control"),
    INSTRUCTION("instruction fetch+decode"),
    CLOCK("clock"),
    LEAKAGE("leakage"),
    OFFCHIP("off-chip");

    public final String label;

    Category(String label) { this.label = label; }

    /** JSON key: lower-case name. */
    public String key() { return name().toLowerCase(); }
}
