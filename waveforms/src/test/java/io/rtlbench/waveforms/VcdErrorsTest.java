package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed and truncated files fail with the file name, the line number and what is wrong. */
class VcdErrorsTest {
    static final String HEADER = """
            $timescale 1ps $end
            $scope module TOP $end
            $var wire 1 ! clk $end
            $var wire 8 " data [7:0] $end
            $upscope $end
            $enddefinitions $end
            #0
            0!
            b0 "
            """;  // 9 lines

    static Path write(String name, String text) throws IOException {
        Path p = Path.of("target/test-vcd/errors/" + name + ".vcd");
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Reads the whole file (header at open, then a full pass). */
    static VcdException failure(String name, String text) throws IOException {
        Path p = write(name, text);
        return assertThrows(VcdException.class, () -> Waveform.open(p).extent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "undeclared code      | #5\\n1?\\n                 | 11 | undeclared identifier code '?'",
        "time backwards       | #5\\n#3\\n                 | 11 | time goes backwards",
        "bad time             | #5x\\n                     | 10 | bad time '#5x'",
        "bad vector bits      | #5\\nb10201 \"\\n          | 11 | bits must be 0, 1, x or z",
        "too wide             | #5\\nb101010101 \"\\n      | 11 | has 9 bits but '\"' is 8 bits wide",
        "vector without code  | #5\\nb1010\\n              | 11 | has no identifier code",
        "stray token          | #5\\nhello\\n              | 11 | unexpected 'hello'",
        "cut off last line    | #5\\nb1010 \"\\n#6          | 12 | last line (12) is cut off",
    })
    void valueChangeErrorsNameTheLine(String name, String tail, long line, String message) throws IOException {
        String text = HEADER + tail.strip().replace("\\n", "\n");
        if (!name.equals("cut off last line")) text += "\n";
        VcdException e = failure(name.replace(' ', '_'), text);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test void headerWithoutEnddefinitionsIsTruncated() throws IOException {
        String cut = String.join("\n", HEADER.lines().limit(4).toList()) + "\n";
        VcdException e = failure("no_enddefinitions", cut);
        assertTrue(e.getMessage().contains("no $enddefinitions"), e.getMessage());
        assertEquals(5, e.line(), e.getMessage());
    }

    @Test void unclosedVarIsReportedWhereItOpened() throws IOException {
        VcdException e = failure("unclosed_var", "$scope module TOP $end\n$var wire 1 ! clk\n$var wire 1 # rst $end\n$upscope $end\n$enddefinitions $end\n");
        assertTrue(e.getMessage().contains("$var opened on line 2 is not closed"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test void badWidthAndMissingUpscopeAreReported() throws IOException {
        assertTrue(failure("bad_width", "$var wire eight ! clk $end\n$enddefinitions $end\n").getMessage().contains(":1: $var width 'eight' is not a number"));
        VcdException e = failure("open_scope", "$scope module TOP $end\n$var wire 1 ! clk $end\n$enddefinitions $end\n");
        assertTrue(e.getMessage().contains(":3: $enddefinitions while scope 'TOP' is still open"), e.getMessage());
    }

    @Test void notAVcdAtAll() throws IOException {
        VcdException e = failure("text", "hello world\n");
        assertTrue(e.getMessage().contains(":1: unexpected 'hello'"), e.getMessage());
    }

    @Test void aGoodFileReadsCleanly() throws IOException {
        Path p = write("good", HEADER + "#5\n1!\nb101010 \"\n#10\n");
        Waveform w = Waveform.open(p);
        assertEquals(0x2a, w.valueAt("data", 1).unsigned().intValue());
        assertEquals(List.of("TOP.clk", "TOP.data"), w.header().vars().stream().map(VcdVar::path).toList());
    }
}
