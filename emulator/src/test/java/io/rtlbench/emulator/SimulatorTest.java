package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Simulator API on the Gadget design: ports of any width, batches, run-until, memories, errors. */
class SimulatorTest {
    static Simulator sim;

    @BeforeAll static void start() { sim = Simulator.create(TestDesigns.gadget()); }
    @AfterAll static void stop() { sim.close(); }

    @Test void resetThenStepCountsCycles() {
        sim.reset(3);
        long c0 = sim.cycle();
        assertEquals(0, sim.peek("io_count"));
        sim.step(10);
        assertEquals(10, sim.peek("io_count"));
        assertEquals(c0 + 10, sim.cycle());
    }

    @Test void widePortsRoundTripThroughARegister() {
        BigInteger v = BigInteger.ONE.shiftLeft(99).or(BigInteger.valueOf(0x0123_4567_89AB_CDEFL)).or(BigInteger.ONE.shiftLeft(70));
        sim.poke("io_wideIn", v);
        sim.step(1);
        assertEquals(v, sim.peekBig("io_wideOut"));
        sim.poke("io_wideIn", BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE));  // all ones, 100 bits
        sim.step(1);
        assertEquals(100, sim.peekBig("io_wideOut").bitCount());
    }

    @Test void negativePokesAreMaskedToThePortWidth() {
        sim.poke("io_wideIn", -1);
        sim.step(1);
        assertEquals(BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE), sim.peekBig("io_wideOut"));
    }

    @Test void runUntilReturnsCyclesAndTheLimitNamesTheSignal() {
        sim.reset(1);
        sim.poke("io_limit", 42);
        assertEquals(42, sim.runUntil("io_done", 1000));
        sim.reset(1);
        sim.poke("io_limit", 5000);
        CycleLimitException e = assertThrows(CycleLimitException.class, () -> sim.runUntil("io_done", 100));
        assertTrue(e.getMessage().contains("cycle limit of 100") && e.getMessage().contains("io_done")
                && e.getMessage().contains("io_count=0x64"), e.getMessage());
    }

    @Test void batchedRunSamplesOutputsEveryCycleBeforeTheEdge() {
        sim.reset(1);
        try (Batch b = sim.batch(List.of("io_raddr", "io_wideIn"), List.of("io_count", "io_wideOut"), 50)) {
            for (int c = 0; c < 50; c++) b.set(c, 1, 1000 + c);
            b.run(50);
            for (int c = 0; c < 50; c++) {
                assertEquals(c, b.get(c, 0), "count sampled in cycle " + c);
                if (c > 0) assertEquals(1000 + c - 1, b.get(c, 1), "wideOut in cycle " + c + " is last cycle's wideIn");
            }
            assertEquals(2, b.outputs().get(1).words());
        }
    }

    @Test void memoryBackdoorAndCombinationalRead() {
        long[] words = new long[16];
        for (int i = 0; i < 16; i++) words[i] = (i * 0x111L) & 0xFFF;
        sim.writeMemory("table", 0, words);
        assertArrayEquals(words, sim.readMemory("table", 0, 16));
        sim.poke("io_raddr", 7);
        assertEquals(0x777, sim.peek("io_rdata"));
        sim.poke("io_we", 1);
        sim.poke("io_waddr", 7);
        sim.poke("io_wdata", 0xABC);
        sim.step(1);
        sim.poke("io_we", 0);
        assertEquals(0xABC, sim.readMemory("table", 7, 1)[0]);
        sim.writeMemory("table", 9, new long[] {0xFFFF});  // masked to 12 bits
        assertEquals(0xFFF, sim.readMemory("table", 9, 1)[0]);
    }

    @Test void badNamesAndRangesGetActionableErrors() {
        var e = assertThrows(EmulatorException.class, () -> sim.poke("io_limt", 1));
        assertTrue(e.getMessage().contains("unknown port 'io_limt'") && e.getMessage().contains("io_limit"), e.getMessage());
        e = assertThrows(EmulatorException.class, () -> sim.poke("io_count", 1));
        assertTrue(e.getMessage().contains("is an output"), e.getMessage());
        e = assertThrows(EmulatorException.class, () -> sim.readMemory("tabel", 0, 1));
        assertTrue(e.getMessage().contains("memories are: table"), e.getMessage());
        e = assertThrows(EmulatorException.class, () -> sim.readMemory("table", 10, 7));
        assertTrue(e.getMessage().contains("has 16 words"), e.getMessage());
        e = assertThrows(EmulatorException.class, () -> sim.traceWindow(java.nio.file.Path.of("x.vcd"), 0, 1));
        assertTrue(e.getMessage().contains("trace build"), e.getMessage());
        e = assertThrows(EmulatorException.class, () -> sim.enableToggles(true));
        assertTrue(e.getMessage().contains("toggle build"), e.getMessage());
    }

    @Test void portTableDescribesTheDesign() {
        assertEquals(100, sim.port("io_wideOut").width());
        assertTrue(sim.port("io_limit").input());
        assertEquals(16, sim.memory("table").depth());
        assertEquals(12, sim.memory("table").width());
    }
}
