package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names resolve by full path, suffix or glob; unknown names list near matches. */
class SignalMatcherTest {
    static VcdHeader h;

    @BeforeAll static void open() {
        Path p = Path.of("target/test-vcd/matcher.vcd");
        SyntheticVcd.counter(p, 3, 1);
        h = Waveform.open(p).header();
    }

    @Test void fullPathSuffixAndGlob() {
        assertEquals("TOP.core.count", h.find("TOP.core.count").path());
        assertEquals("TOP.core.count", h.find("core.count").path());
        assertEquals("TOP.core.count", h.find("count").path());
        assertEquals(List.of("TOP.data", "TOP.core.data_in"), h.select(List.of("*data*")).stream().map(VcdVar::path).toList());
        assertEquals(List.of("TOP.core.state", "TOP.core.count"), h.select(List.of("TOP.core.?????", "TOP.core.count")).stream().map(VcdVar::path).toList());
    }

    @Test void typosGetNearMatches() {
        var e = assertThrows(UnknownSignalException.class, () -> h.find("TOP.core.cuont"));
        assertEquals("TOP.core.count", e.suggestions().get(0), e.getMessage());
        assertTrue(e.getMessage().contains("no signal 'TOP.core.cuont'") && e.getMessage().contains("did you mean: TOP.core.count"), e.getMessage());
        assertEquals("TOP.core.state", assertThrows(UnknownSignalException.class, () -> h.find("stat")).suggestions().get(0));
        assertEquals("TOP.valid", assertThrows(UnknownSignalException.class, () -> h.find("vaild")).suggestions().get(0));
    }

    @Test void substringsComeFirstAndFarNamesAreDropped() {
        var e = assertThrows(UnknownSignalException.class, () -> h.find("dat"));
        assertEquals(List.of("TOP.data", "TOP.core.data_in"), e.suggestions().subList(0, 2), "containing the query first");
        assertTrue(assertThrows(UnknownSignalException.class, () -> h.find("zzzzzzzzzzzz")).suggestions().isEmpty());
    }

    @Test void globsMatchingSeveralAreRejectedWhereOneIsNeeded() {
        var e = assertThrows(UnknownSignalException.class, () -> h.find("*a*"));
        assertTrue(e.getMessage().contains("matches"), e.getMessage());
    }

    @Test void editDistance() {
        assertEquals(0, NearMatches.distance("acc", "acc"));
        assertEquals(2, NearMatches.distance("cuont", "count"));
        assertEquals(3, NearMatches.distance("", "abc"));
        assertEquals(1, NearMatches.distance("pe_0_0", "pe_0_1"));
    }
}
