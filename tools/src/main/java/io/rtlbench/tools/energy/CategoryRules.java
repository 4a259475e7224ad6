package io.rtlbench.tools.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a design's instances to energy categories: ordered (regex on the instance path -> category)
 * rules, first match wins, else {@link Category#CONTROL} for registers and logic and
 * {@link Category#SRAM} for memories. Multiplier and adder operands are always COMPUTE.
 * Each core supplies its rules (e.g. SIMT: {@code .*regfile.*} -> REGFILE).
 */
public final class CategoryRules {
    private record Rule(Pattern path, Category category) {}

    private final List<Rule> rules = new ArrayList<>();

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
