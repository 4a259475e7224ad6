package io.rtlbench.tools.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.rtlbench.tools.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON in and out of the tool, with Jackson: result records are written as they are declared
 * (component order; camelCase names become snake_case keys; null components are left out; NaN and
 * infinities become null) and read back into records, where every component not marked
 * {@link OptionalField} is required (use boxed numbers in read records). Every failure is one
 * {@link UserError} line naming the file and the JSON path ({@code layers[2].simt.energy_pj}).
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addSerializer(Double.class, new FiniteDouble()).addSerializer(double.class, new FiniteDouble()));

    private JsonFiles() {}

    public static ObjectMapper mapper() { return MAPPER; }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Fails early (before hours of emulation) when {@code file} cannot be written: a folder, or a file under a file. */
    public static void checkTarget(Path file) {
        if (file == null) return;
        if (Files.isDirectory(file)) throw new UserError(file + " is a directory; give a file name");
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent())
            if (Files.exists(p) && !Files.isDirectory(p)) throw new UserError("cannot write " + file + ": " + p + " is a file, not a folder");
    }

    /** Writes {@code value} to {@code file} (parent folders created); a folder or unwritable path is a user error. */
    public static void write(Path file, Object value) {
        if (Files.isDirectory(file)) throw new UserError(file + " is a directory; give a file name for the JSON");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, write(value));
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Reads {@code file} into {@code type}; {@code what} names the file's role in errors (e.g. "compare result"). */
    public static <T> T read(Path file, Class<T> type, String what) { return read(file, MAPPER.constructType(type), what); }

    /** Reads a JSON object of named entries (e.g. regression baselines) into an ordered map of {@code valueType}. */
    public static <V> java.util.LinkedHashMap<String, V> readMap(Path file, Class<V> valueType, String what) {
        return read(file, MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, valueType), what);
    }

    private static <T> T read(Path file, com.fasterxml.jackson.databind.JavaType type, String what) {
        if (!Files.isRegularFile(file)) throw new UserError("no such " + what + " file: " + file);
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            if (value == null) throw new UserError(what + " " + file + " is empty");
            Required.check(value, "");
            return value;
        } catch (IllegalArgumentException e) {
            throw new UserError(what + " " + file + ": " + e.getMessage());
        } catch (JsonMappingException e) {
            throw new UserError(what + " " + file + ": " + describe(e));
        } catch (IOException e) {
            throw new UserError(what + " " + file + " is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** "layers[2].simt.energy_pj has the wrong type (expected ...)" from Jackson's reference chain (missing values: {@link Required}). */
    static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
            else path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        }
        String p = path.length() == 0 ? "the document" : path.toString();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.contains("from String") || msg.contains("Cannot deserialize value of type") || msg.contains("Cannot coerce"))
            return p + " has the wrong type (" + firstLine(msg).replaceAll("Cannot deserialize value of type `([^`]*)`.*", "expected $1") + ")";
        return p + ": " + firstLine(msg);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** NaN and infinities are not JSON: written as null. */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() { super(Double.class); }

        @Override public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || v.isNaN() || v.isInfinite()) g.writeNull();
            else g.writeNumber(v);
        }
    }
}
