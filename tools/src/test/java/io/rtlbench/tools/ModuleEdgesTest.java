package io.rtlbench.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module edges of DESIGN.md hold in the sources: tools goes through testbenches (never the
 * hardware generators), the emulator knows nothing of rtl, results are typed (no Map-of-Object plumbing).
 */
class ModuleEdgesTest {
    static final Path ROOT = Path.of("..");

    static List<String> offending(Path dir, String needle) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains(needle);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test void toolsDoesNotImportTheHardwareGenerators() throws Exception {
        assertEquals(List.of(), offending(ROOT.resolve("tools/src/main"), "io.rtlbench.rtl."));
    }

    @Test void toolsHasNoMapOfObjectResults() throws Exception {
        assertEquals(List.of(), offending(ROOT.resolve("tools/src/main"), "Map<String, Object>"));
    }

    @Test void emulatorDoesNotDependOnRtl() throws Exception {
        assertFalse(Files.readString(ROOT.resolve("emulator/pom.xml")).contains("rtlbench-rtl"));
        assertEquals(List.of(), offending(ROOT.resolve("emulator/src"), "io.rtlbench.rtl."));
    }
}
