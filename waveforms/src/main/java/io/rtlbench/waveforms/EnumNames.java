package io.rtlbench.waveforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Value-to-name maps for state signals, built from the same Java enum the RTL encodes, so the
 * waveform tools print names instead of magic numbers ({@link TextStyle#enums()}).
 */
public final class EnumNames {
    private EnumNames() {}

    /** Names by ordinal: the encoding when the RTL uses {@code ordinal()} as the state value. */
    public static <E extends Enum<E>> Map<Integer, String> of(Class<E> type) { return of(type, Enum::ordinal); }

    /** Names by an explicit encoding function (e.g. a one-hot or a field of the enum). */
    public static <E extends Enum<E>> Map<Integer, String> of(Class<E> type, ToIntFunction<E> encoding) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            String old = m.put(encoding.applyAsInt(e), e.name());
            if (old != null) throw new IllegalArgumentException(type.getSimpleName() + "." + e.name() + " and " + old + " have the same encoding");
        }
        return m;
    }
}
