package io.rtlbench.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Minimal JSON writer for reports: maps (insertion-ordered: use LinkedHashMap), collections,
 * numbers, booleans, strings and null. Pretty-printed with two-space indents.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.append('\n').toString();
    }

    public static void writeFile(Path file, Object value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, write(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) b.append("null");
        else if (v instanceof Boolean) b.append(v);
        else if (v instanceof Double d) b.append(d.isNaN() || d.isInfinite() ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d)));
        else if (v instanceof Float f) write(b, f.doubleValue(), indent);
        else if (v instanceof Number) b.append(v);
        else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) { b.append("{}"); return; }
            b.append("{\n");
            int i = 0;
            for (var e : m.entrySet()) {
                b.append(indent).append("  ");
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), indent + "  ");
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) { b.append("[]"); return; }
            b.append("[\n");
            int i = 0;
            for (Object o : c) {
                b.append(indent).append("  ");
                write(b, o, indent + "  ");
                b.append(++i < c.size() ? ",\n" : "\n");
            }
            b.append(indent).append(']');
        } else string(b, v.toString());
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
            }
        }
        b.append('"');
    }
}
