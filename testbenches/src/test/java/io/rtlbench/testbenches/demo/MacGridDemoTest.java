package io.rtlbench.testbenches.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.testbenches.Designs;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spine end to end: 8x8 INT8 MAC grid, random matrices, bit-exact against Java, batched API. */
class MacGridDemoTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final MacGridConfig CFG = new MacGridConfig(8, 8);
    static Simulator sim;
    static MacGridDriver driver;

    @BeforeAll static void build() {
        sim = Simulator.create(Designs.elaborate(() -> new MacGrid(CFG)));
        sim.reset(2);
        driver = new MacGridDriver(sim, CFG);
    }

    @AfterAll static void close() { sim.close(); }

    @Test void randomMatricesAreBitExact() {
        Random rnd = new Random(SEED);
        for (int k : new int[] {1, 2, 8, 37, 100}) {
            byte[][] a = MatMulGolden.random(rnd, 8, k), b = MatMulGolden.random(rnd, k, 8);
            int[][] actual = driver.multiply(a, b);
            String mismatch = MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), actual);
            assertNull(mismatch, "seed " + SEED + " (-Drtlbench.seed=" + SEED + "), k=" + k + ": " + mismatch);
            assertEquals(1 + CFG.cyclesFor(k) + 1, driver.lastCycles);
        }
    }

    @Test void extremeValuesAccumulateWithoutLoss() {
        byte[][] a = new byte[8][64], b = new byte[64][8];
        for (byte[] r : a) java.util.Arrays.fill(r, Byte.MIN_VALUE);
        for (byte[] r : b) java.util.Arrays.fill(r, Byte.MIN_VALUE);
        int[][] c = driver.multiply(a, b);
        assertEquals(64 * 128 * 128, c[7][7]);
        assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), c));
    }

    @Test void wrongShapesGetAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> driver.multiply(new byte[7][4], new byte[4][8]));
        assertTrue(e.getMessage().contains("8x8 grid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.multiply(new byte[8][4], new byte[5][8]));
    }
}
