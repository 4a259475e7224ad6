package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML page is self-contained and carries the requested range's values (browser check: HtmlScreenshotTest). */
class HtmlRendererTest {
    static SyntheticVcd.Counter want;
    static Waveform w;

    @BeforeAll static void write() {
        Path p = Path.of("target/test-vcd/html.vcd");
        want = SyntheticVcd.counter(p, 100, 3);
        w = Waveform.open(p);
    }

    @Test void pageIsSelfContainedAndHasTheData() {
        String page = HtmlRenderer.render(w, w.header().vars(), new HtmlOptions("counter <test>", 10, 20, 10_000, 24));
        assertFalse(Pattern.compile("(src|href)\\s*=|https?://|@import|fetch\\(").matcher(page).find(), "no external resources");
        assertTrue(page.contains("<title>counter &lt;test&gt;</title>"));
        assertTrue(page.contains("{\"p\":\"TOP.core.count\",\"w\":16,\"d\":4}"), "signal list");
        // count at cycle 10 is the snapshot at time 100; the first change after that is at an edge 10c+5
        assertTrue(page.contains("[100,\"" + Integer.toHexString(want.count()[10]) + "\""), "initial value of count at cycle 10");
        assertTrue(page.contains("\"t0\":100,\"t1\":200"), "time span of cycles [10, 20)");
        assertFalse(page.contains("/*WAVE_DATA*/"));
    }

    @Test void refusesPagesThatWouldBeTooBig() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HtmlRenderer.render(w, w.header().vars(), new HtmlOptions("t", 0, 100, 50, 24)));
        assertTrue(e.getMessage().contains("more than 50 value changes"), e.getMessage());
    }

    enum State { IDLE, LOAD, RUN }

    @Test void enumNamesComeFromAJavaEnum() {
        assertTrue(EnumNames.of(State.class).equals(java.util.Map.of(0, "IDLE", 1, "LOAD", 2, "RUN")));
        assertTrue(EnumNames.of(State.class, e -> 1 << e.ordinal()).equals(java.util.Map.of(1, "IDLE", 2, "LOAD", 4, "RUN")));
        assertThrows(IllegalArgumentException.class, () -> EnumNames.of(State.class, e -> 0));
    }

    @Test void textRendererShowsCyclesAcrossAndEnumNames() {
        VcdVar state = w.header().find("state"), data = w.header().find("TOP.data");
        Samples s = w.sample(List.of(state, data), 3, 8, 100);
        String text = TextRenderer.render(s, new TextStyle(Radix.DEC, java.util.Map.of("TOP.core.state",
                EnumNames.of(State.class)), 0, false));
        String[] lines = text.split("\n");
        assertTrue(lines[0].matches("cycle\\s+3\\s+4\\s+5\\s+6\\s+7"), lines[0]);
        String[] names = {"IDLE", "LOAD", "RUN"};
        StringBuilder st = new StringBuilder("TOP.core.state"), dt = new StringBuilder("TOP.data");
        for (int c = 3; c < 8; c++) { st.append(' ').append(names[want.state()[c]]); dt.append(' ').append(want.data()[c]); }
        assertTrue(lines[1].replaceAll("\\s+", " ").equals(st.toString()), lines[1] + " vs " + st);
        assertTrue(lines[2].replaceAll("\\s+", " ").equals(dt.toString()), lines[2] + " vs " + dt);
        String narrow = TextRenderer.render(s, new TextStyle(Radix.HEX, java.util.Map.of(), 30, false));
        assertTrue(narrow.split("\n\n").length > 1, "wraps into blocks:\n" + narrow);
    }
}
