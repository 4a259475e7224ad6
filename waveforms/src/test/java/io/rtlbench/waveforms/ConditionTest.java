package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condition language on hand-set values (no file): operators, precedence, x handling, errors. */
class ConditionTest {
    final Map<String, VcdVar> vars = new HashMap<>();
    final Map<VcdVar, Value> values = new HashMap<>();

    VcdVar v(String name, int width) {
        return vars.computeIfAbsent(name, n -> new VcdVar("TOP." + n, n, "", width, "wire", n, vars.size()));
    }

    void set(String name, int width, String bits) { values.put(v(name, width), Value.ofBits(bits)); }

    boolean holds(String text) {
        return Condition.parse(text, n -> {
            VcdVar x = vars.get(n);
            if (x == null) throw new UnknownSignalException("no signal '" + n + "'", List.of());
            return x;
        }).holds(values::get);
    }

    @Test void operatorsAndPrecedence() {
        set("valid", 1, "1");
        set("data", 8, "00101010");
        set("state", 2, "10");
        assertTrue(holds("valid && data == 0x2a"));
        assertTrue(holds("valid && data == 42 && state != 0"));
        assertFalse(holds("!valid"));
        assertTrue(holds("!valid || data > 41 && data < 43"));
        assertFalse(holds("(!valid || data > 41) && data < 42"));
        assertTrue(holds("data >= 0b0010_1010 && data <= 0x2A"));
        assertTrue(holds("!(state == 1)"));
        assertTrue(holds("state"));
        assertFalse(holds("data == 0x2b"));
    }

    @Test void signedComparisonsAndNegativeLiterals() {
        set("acc", 8, "11111110");  // -2 as INT8, 254 unsigned
        assertTrue(holds("signed(acc) == -2"));
        assertTrue(holds("signed(acc) < 0 && acc > 200"));
        assertFalse(holds("acc < 0"));
        assertTrue(holds("signed(acc) >= -0x2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> holds("acc == -acc")).getMessage().contains("'-' must precede a number"));
    }

    @Test void unknownValuesMakeComparisonsUnknown() {
        set("valid", 1, "1");
        set("data", 8, "0010x010");
        assertFalse(holds("data == 0x2a"));
        assertFalse(holds("data != 0x2a"));
        assertFalse(holds("!(data == 0x2a)"));
        assertTrue(holds("data == 1 || valid"));
        assertFalse(holds("data == 1 && valid"));
    }

    @Test void errorsPointAtTheColumn() {
        set("valid", 1, "1");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> holds("valid && (valid")).getMessage().contains("missing ')' at the end"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> holds("valid & valid")).getMessage().contains("unexpected '&' at column 7"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> holds("valid == 0xzz")).getMessage().contains("bad number '0xzz' at column 10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> holds("valid valid")).getMessage().contains("unexpected 'valid' at column 7"));
        assertThrows(UnknownSignalException.class, () -> holds("vaild == 1"));
    }

    @Test void reportsTheSignalsItReads() {
        set("a", 1, "1");
        set("b", 4, "0001");
        Condition c = Condition.parse("a && (b == 1 || a)", n -> vars.get(n));
        assertEquals(List.of("TOP.a", "TOP.b"), c.signals().stream().map(VcdVar::path).toList());
    }
}
