package io.rtlbench.rtl.hw;

/**
 * What a block of hardware is for, as the energy and area model charges it. A role is attached
 * where the hardware is generated ({@link Hw#instance(String, EnergyRole, java.util.function.Supplier)},
 * {@link Hw#mem(String, int, chisel3.Data, EnergyRole)}) and covers everything inside the tagged
 * instance or memory unless something inside has a role of its own. Untagged logic is
 * {@link #CONTROL}, untagged memories {@link #SRAM}. Renaming an instance never moves energy.
 */
public enum EnergyRole {
    /** Arithmetic datapath: MAC PEs, SIMT lanes, dividers, matrix units. */
    COMPUTE,
    /** Per-thread architectural register files. */
    REGFILE,
    /** Instruction (or command) supply: instruction memory, fetch, decode, command memory. */
    INSTRUCTION,
    /** On-chip data memories (scratchpads, accumulators, shared memory). */
    SRAM,
    /** Pipeline and control logic. */
    CONTROL,
    /** Not part of the core: the off-chip memory model (charged per byte) and measurement counters. */
    EXTERNAL
}
