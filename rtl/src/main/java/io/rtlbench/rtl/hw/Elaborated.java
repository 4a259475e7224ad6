package io.rtlbench.rtl.hw;

/** A design lowered to SystemVerilog: the top module's name and the whole SV text (all modules). */
public record Elaborated(String topName, String systemVerilog) {}
