package io.rtlbench.tools.area;

import io.rtlbench.emulator.Design;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.EnergyModel;

/**
 * Which category an instance's area belongs to: "instance path -> category", the same question the
 * energy model asks. {@code null} means "not part of the core" (the off-chip memory model,
 * measurement counters): no area. {@link #of(Design)} answers it from the energy roles the RTL
 * attached to the design, exactly as {@link EnergyModel#categoryOf} does for energy.
 */
public interface InstanceCategory {
    /** Category of the registers and logic of the instance at {@code path} ("" is the top), or null. */
    Category logic(String path);

    /** Category of the memory named {@code name} (as the simulator lists it), or null. */
    Category memory(String name);

    /** The design's energy roles, read as instance categories. */
    static InstanceCategory of(Design design) {
        return new InstanceCategory() {
            @Override public Category logic(String path) { return EnergyModel.categoryOf(design, path, false).orElse(null); }

            @Override public Category memory(String name) {
                if (EnergyModel.categoryOf(design, name + "_ext", false).isEmpty()) return null;
                return EnergyModel.categoryOf(design, name, true).orElse(null);
            }
        };
    }
}
