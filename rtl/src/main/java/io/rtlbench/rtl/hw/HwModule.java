package io.rtlbench.rtl.hw;

/**
 * Base of every hardware block written in Java: a Chisel {@code Module} (implicit clock and
 * synchronous active-high reset) whose Verilog module name is {@link #desiredName()}, by default the
 * Java class name. Build the hardware in the subclass constructor with {@link Hw} and {@link Ops}.
 */
public abstract class HwModule extends chisel3.Module {
    @Override public String desiredName() { return getClass().getSimpleName(); }
}
