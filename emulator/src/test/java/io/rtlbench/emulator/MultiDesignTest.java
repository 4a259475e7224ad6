package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Two designs (and two instances of one) in one JVM, interleaved and closed in any order. */
class MultiDesignTest {
    @Test void differentDesignsLiveSideBySide() {
        try (Simulator mac = Simulator.create(TestDesigns.mac());
             Simulator g1 = Simulator.create(TestDesigns.gadget());
             Simulator g2 = Simulator.create(TestDesigns.gadget())) {
            mac.reset(1);
            g1.reset(1);
            g2.reset(1);
            mac.poke("io_a", 3);
            mac.poke("io_b", -4);
            g1.step(5);
            mac.step(1);
            g2.step(2);
            assertEquals(-12, mac.peekSigned("io_acc"));
            assertEquals(5, g1.peek("io_count"));
            assertEquals(2, g2.peek("io_count"));
            g1.close();  // deleting one model must not disturb (or deadlock) the others
            g2.step(1);
            assertEquals(3, g2.peek("io_count"));
            assertTrue(g2.build().cached(), "second instance of the same design reuses the cached library");
        }
    }
}
