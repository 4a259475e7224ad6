package io.rtlbench.tools.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a design's instances to energy categories: ordered (regex on the instance path -> category)
 * rules, first match wins, else {@link Category#CONTROL} for registers and logic and
 * {@link Category#SRAM} for memories. Multiplier and adder operands are always COMPUTE.
 * Each core supplies its rules (e.g. SIMT: {@code .*regfile.*} -> REGFILE) and the instances to
 * leave out (the off-chip model is charged per byte instead).
 */
public final class CategoryRules {
    private record Rule(Pattern path, Category category) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<Pattern> ignored = new ArrayList<>();

    /** Instances outside the core (the off-chip memory model, measurement counters): not charged. */
    public CategoryRules ignore(String pathRegex) {
        ignored.add(Pattern.compile(pathRegex));
        return this;
    }

    public boolean ignored(String path) {
        for (Pattern p : ignored) if (p.matcher(path).matches()) return true;
        return false;
    }

    public CategoryRules add(String pathRegex, Category category) {
        rules.add(new Rule(Pattern.compile(pathRegex), category));
        return this;
    }

    /** Category of registers and logic in the instance at {@code path}. */
    public Category logic(String path) { return match(path, Category.CONTROL); }

    /** Category of accesses to the memory at {@code path}. */
    public Category memory(String path) { return match(path, Category.SRAM); }

    private Category match(String path, Category fallback) {
        for (Rule r : rules) if (r.path.matcher(path).matches()) return r.category;
        return fallback;
    }
}
