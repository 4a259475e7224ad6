package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.rtl.hw.Elaborator;
import org.junit.jupiter.api.Test;

/** Two designs (and two instances of one) in one JVM, interleaved and closed in any order. */
class MultiDesignTest {
    @Test void differentDesignsLiveSideBySide() {
        try (Simulator grid = Simulator.create(Elaborator.elaborate(() -> new MacGrid(new MacGridConfig(2, 2))));
             Simulator g1 = Simulator.create(TestDesigns.gadget());
             Simulator g2 = Simulator.create(TestDesigns.gadget())) {
            grid.reset(1);
            g1.reset(1);
            g2.reset(1);
            grid.poke("io_a_0", 3);
            grid.poke("io_b_0", -4);
            g1.step(5);
            grid.step(1);
            g2.step(2);
            assertEquals(-12, grid.peekSigned("io_acc_0"));
            assertEquals(5, g1.peek("io_count"));
            assertEquals(2, g2.peek("io_count"));
            g1.close();  // deleting one model must not disturb (or deadlock) the others
            g2.step(1);
            assertEquals(3, g2.peek("io_count"));
            assertTrue(g2.build().cached(), "second instance of the same design reuses the cached library");
        }
    }
}
