package io.rtlbench.tools.area;

import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.CategoryRules;

/**
 * Which category an instance's area belongs to: "instance path -> category", the same question the
 * energy model asks. {@code null} means "not part of the core" (the off-chip memory model,
 * measurement counters): no area. Today it is answered by {@link CategoryRules}; per-instance roles
 * attached in the RTL can implement it directly.
 */
public interface InstanceCategory {
    /** Category of the registers and logic of the instance at {@code path} ("" is the top), or null. */
    Category logic(String path);

    /** Category of the memory named {@code name} (as the simulator lists it), or null. */
    Category memory(String name);

    /** The energy model's rules, read as instance categories. */
    static InstanceCategory of(CategoryRules rules) {
        return new InstanceCategory() {
            @Override public Category logic(String path) { return rules.ignored(path) ? null : rules.logic(path); }

            @Override public Category memory(String name) {
                return rules.ignored(name) || rules.ignored(name + "_ext") ? null : rules.memory(name);
            }
        };
    }
}
