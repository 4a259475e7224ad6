package io.rtlbench.emulator;

/**
 * One activity counter of a toggle build: a register, arithmetic operand or memory port of one
 * instance ({@code pe_0_0.acc}, {@code pe_0_0.io_a}, {@code spad_ext.R0_en}).
 *
 * @param name  instance path and signal name, dot-separated, below the top module
 * @param index position in the native counter table
 * @param width bits
 * @param classes what the signal is (a register feeding an adder is REG and ADD_IN); toggle classes
 *                count bit flips, access classes (memory enables) count enabled cycles
 */
public record Counter(String name, int index, int width, java.util.Set<ActivityClass> classes) {
    public boolean is(ActivityClass c) { return classes.contains(c); }
    /** True when the count is of bit toggles (false: of accesses). */
    public boolean countsToggles() { return classes.stream().allMatch(c -> c.toggles); }
}
