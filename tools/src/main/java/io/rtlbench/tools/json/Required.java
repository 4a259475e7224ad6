package io.rtlbench.tools.json;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Checks a record tree read from JSON: every component not marked {@link OptionalField} must be present
 * (read records use boxed numbers, so a missing value is null, never a silent 0). The error names
 * the JSON path, e.g. {@code layers[2].simt.energy_pj is missing}.
 */
final class Required {
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private Required() {}

    static void check(Object value, String path) {
        if (value == null) return;
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) throw new IllegalArgumentException(path + "[" + i + "] is null");
                check(list.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                String p = (path.isEmpty() ? "" : path + ".") + e.getKey();
                if (e.getValue() == null) throw new IllegalArgumentException(p + " is null");
                check(e.getValue(), p);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                String p = (path.isEmpty() ? "" : path + ".") + SNAKE.translate(c.getName());
                Object v;
                try {
                    v = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (v == null && c.getAnnotation(OptionalField.class) == null) throw new IllegalArgumentException(p + " is missing");
                check(v, p);
            }
        }
    }
}
