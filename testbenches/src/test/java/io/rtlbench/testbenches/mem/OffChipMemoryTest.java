package io.rtlbench.testbenches.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.mem.OffChipMemory;
import org.junit.jupiter.api.Test;

/** The shared off-chip model: sustained bandwidth, exact latency, masked writes, backdoor, counters. */
class OffChipMemoryTest {
    static Simulator start(OffChipConfig cfg) {
        Simulator sim = Simulator.create(Designs.elaborate(() -> new OffChipMemory(cfg)));
        sim.reset(1);
        return sim;
    }

    @Test void bandwidthLimitsAcceptedBeats() {
        OffChipConfig cfg = new OffChipConfig(16, 4, 5, 4096);
        try (Simulator sim = start(cfg)) {
            sim.poke("io_port_reqValid", 1);
            int accepted = 0;
            for (int c = 0; c < 400; c++) {
                if (sim.peek("io_port_reqReady") == 1) accepted++;
                sim.step(1);
            }
            // 4 B/cycle on a 16 B bus: one beat every 4 cycles (first one immediately).
            assertEquals(100, accepted);
            assertEquals(1600, sim.peek("io_bytesRead"));
        }
    }

    @Test void bandwidthCanBeChangedAtRunTimeWithoutARebuild() {
        try (Simulator sim = start(new OffChipConfig(16, 16, 5, 4096))) {
            sim.poke("io_bandwidth", 2);  // 2 B/cycle: one beat every 8 cycles
            sim.poke("io_port_reqValid", 1);
            int accepted = 0;
            for (int c = 0; c < 800; c++) {
                if (sim.peek("io_port_reqReady") == 1) accepted++;
                sim.step(1);
            }
            assertEquals(100, accepted);
        }
    }

    @Test void readsReturnExactlyLatencyCyclesLaterInOrder() {
        OffChipConfig cfg = new OffChipConfig(16, 16, 7, 4096);
        try (Simulator sim = start(cfg)) {
            long[] words = new long[2 * 4];
            for (int i = 0; i < words.length; i++) words[i] = 0x1111_0000L + i;
            sim.writeMemory("store", 10, words);  // 4 words of 128 bits = 2 longs each
            sim.poke("io_port_reqValid", 1);
            int[] respondedAt = new int[4];
            long[] data = new long[4];
            int got = 0;
            for (int c = 0; c < 20; c++) {
                sim.poke("io_port_reqValid", c < 4 ? 1 : 0);
                sim.poke("io_port_reqAddr", (10 + Math.min(c, 3)) * 16L);
                if (sim.peek("io_port_respValid") == 1) {
                    respondedAt[got] = c;
                    data[got++] = sim.peek("io_port_respData");
                }
                sim.step(1);
            }
            assertEquals(4, got);
            for (int i = 0; i < 4; i++) {
                assertEquals(i + 7, respondedAt[i], "response " + i);
                assertEquals(0x1111_0000L + 2 * i, data[i], "data of response " + i);
            }
        }
    }

    @Test void maskedWritesMergeBytes() {
        try (Simulator sim = start(new OffChipConfig(8, 8, 1, 1024))) {
            sim.writeMemory("store", 3, new long[] {0x1122334455667788L});
            sim.poke("io_port_reqValid", 1);
            sim.poke("io_port_reqWrite", 1);
            sim.poke("io_port_reqAddr", 3 * 8);
            sim.poke("io_port_reqData", 0xAABBCCDDEEFF0099L);
            sim.poke("io_port_reqMask", 0b0000_0101);
            sim.step(1);
            sim.poke("io_port_reqValid", 0);
            assertEquals(0x1122334455FF7799L, sim.readMemory("store", 3, 1)[0]);
            assertEquals(8, sim.peek("io_bytesWritten"));
        }
    }

    @Test void invalidConfigsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OffChipConfig(12, 4, 5, 4096));
        assertThrows(IllegalArgumentException.class, () -> new OffChipConfig(16, 32, 5, 4096));
        assertThrows(IllegalArgumentException.class, () -> new OffChipConfig(16, 16, 0, 4096));
    }
}
