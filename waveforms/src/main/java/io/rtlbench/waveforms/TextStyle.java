package io.rtlbench.waveforms;

import java.util.Map;

/**
 * How {@link TextRenderer} prints values.
 *
 * @param radix       number base for multi-bit values (1-bit values always print 0/1)
 * @param enums       per signal path, names for values (state encodings); may be empty
 * @param width       terminal columns to fill before wrapping into another block (0 = never wrap)
 * @param changesOnly print a value only where it changed; '.' where it repeats
 */
public record TextStyle(Radix radix, Map<String, Map<Integer, String>> enums, int width, boolean changesOnly) {
    public static final TextStyle DEFAULT = new TextStyle(Radix.HEX, Map.of(), 120, false);

    public TextStyle {
        enums = Map.copyOf(enums);
        if (width < 0) throw new IllegalArgumentException("width must be >= 0, got " + width);
    }

    Map<Integer, String> enumsOf(String path) { return enums.getOrDefault(path, Map.of()); }
}
