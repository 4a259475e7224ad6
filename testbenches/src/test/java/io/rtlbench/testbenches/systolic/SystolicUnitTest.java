package io.rtlbench.testbenches.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import org.junit.jupiter.api.Test;

/** Pure-Java parts: the requantization rule, the command encoding, configuration and compiler errors. */
class SystolicUnitTest {
    @Test void requantRoundsHalfUpShiftsArithmeticallyAndSaturates() {
        Requant r = new Requant(1, 2, false);
        assertEquals(1, r.apply(2));      // 0.5 -> 1
        assertEquals(0, r.apply(-2));     // -0.5 -> 0 (half up)
        assertEquals(-1, r.apply(-3));    // -0.75 -> -1
        assertEquals(127, r.apply(1 << 20));
        assertEquals(-128, r.apply(-(1 << 20)));
        assertEquals(0, new Requant(1, 2, true).apply(-100));
        assertEquals(-7, new Requant(-7, 0, false).apply(1));
        assertEquals(1, new Requant(Integer.MAX_VALUE, 62, false).apply(Integer.MAX_VALUE));  // (2^31-1)^2 / 2^62 rounds to 1
        assertEquals(1, new Requant(Integer.MIN_VALUE, 62, false).apply(Integer.MIN_VALUE));  // 2^62 / 2^62
        assertThrows(IllegalArgumentException.class, () -> new Requant(1, 63, false));
    }

    @Test void commandFieldsRoundTripAndRangeCheck() {
        Cmd.Builder b = new Cmd.Builder(Cmd.Op.COMPUTE).set(Cmd.Field.A_ROW, 65535).set(Cmd.Field.T, 7)
                .set(Cmd.Field.MACS, 4096).set(Cmd.Field.WAIT_DMA, 3);
        assertEquals(Cmd.Op.COMPUTE.ordinal(), Cmd.get(b.bits(), Cmd.Field.OP));
        assertEquals(65535, Cmd.get(b.bits(), Cmd.Field.A_ROW));
        assertEquals(7, Cmd.get(b.bits(), Cmd.Field.T));
        assertEquals(4096, Cmd.get(b.bits(), Cmd.Field.MACS));
        assertEquals(3, Cmd.get(b.bits(), Cmd.Field.WAIT_DMA));
        assertEquals(0xFFFF_FFF9L, Cmd.get(new Cmd.Builder(Cmd.Op.CONFIG).set(Cmd.Field.SCALE, -7).bits(), Cmd.Field.SCALE));
        assertEquals("COMPUTE A_ROW=65535 B_ROW=0 T=7 ACC_ROW=0 ACCUMULATE=0 MACS=4096 [wait dma>=3 compute>=0]", Cmd.describe(b.bits()));
        assertEquals("MVIN TARGET=SPAD_B DRAM_ADDR=0x40 LOCAL_ROW=0 ROWS=2 REPEAT=0 [wait dma>=0 compute>=0]", Cmd.describe(new Cmd.Builder(Cmd.Op.MVIN)
                .set(Cmd.Field.TARGET, 1).set(Cmd.Field.DRAM_ADDR, 64).set(Cmd.Field.ROWS, 2).bits()));
        var e = assertThrows(IllegalArgumentException.class, () -> new Cmd.Builder(Cmd.Op.MVIN).set(Cmd.Field.ROWS, 1 << 16));
        assertTrue(e.getMessage().contains("MVIN.ROWS"), e.getMessage());
    }

    @Test void badConfigsAndShapesGetClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> SystolicConfig.of(1, 8, Dataflow.WS));
        assertTrue(e.getMessage().contains("2..64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SystolicConfig.of(8, 65, Dataflow.OS));
        assertThrows(IllegalArgumentException.class, () -> new SystolicConfig.Memories(100, 64));
        assertThrows(IllegalArgumentException.class, () -> new GemmJob(new byte[3][4], new byte[5][2], null, null));
        assertThrows(IllegalArgumentException.class, () -> Workload.parse("gemm:0,4,4", 1));
        assertThrows(IllegalArgumentException.class, () -> Workload.parse("fft:8", 1));
        SystolicConfig tiny = new SystolicConfig(new SystolicConfig.Array(2, 2, Dataflow.WS), new SystolicConfig.Memories(64, 64),
                io.rtlbench.rtl.mem.OffChipConfig.defaults(), 16);
        // compilation ignores the command-memory depth; the requirements say what the host must build
        var req = SystolicSizing.requirements(tiny, 64, 64, 64, false, false, WeightStructure.DENSE);
        var p = SystolicCompiler.compile(tiny, new GemmJob(new byte[64][64], new byte[64][64], null, null));
        assertEquals(p.commands().size(), req.commands());
        assertEquals(p.image().size(), req.offchipBytes());
        assertTrue(req.cmdDepth() >= req.commands() && req.applyTo(tiny).cmdDepth() == req.cmdDepth(), req.toString());
        e = assertThrows(IllegalArgumentException.class, () -> new SystolicSizing.Requirements(2_000_000, 0).cmdDepth());
        assertTrue(e.getMessage().contains("at most 1048576"), e.getMessage());
    }

    @Test void compilerEmitsOnlyBackwardWaits() {
        for (Dataflow df : Dataflow.values()) {
            SystolicConfig cfg = SystolicConfig.of(4, 4, df).withMemories(new SystolicConfig.Memories(64, 64));
            var p = SystolicCompiler.compile(new SystolicConfig(cfg.array(), cfg.memories(), cfg.offchip(), 8192),
                    new GemmJob(new byte[37][53], new byte[53][29], new int[29], new Requant(3, 4, true)));
            int dma = 0, compute = 0;
            for (Cmd.Builder c : p.commands()) {
                assertTrue(Cmd.get(c.bits(), Cmd.Field.WAIT_DMA) <= dma && Cmd.get(c.bits(), Cmd.Field.WAIT_COMPUTE) <= compute,
                        df + ": command " + c.op() + " waits for a later command");
                switch (c.op()) {
                    case CONFIG, MVIN, MVOUT -> dma++;
                    case COMPUTE -> compute++;
                    default -> { }
                }
            }
        }
    }

    @Test void sampledProgramsFitTheirSizingBound() {
        java.util.Random rnd = new java.util.Random(5);
        for (Dataflow df : Dataflow.values())
            for (int[] shape : new int[][] {{300, 200, 100}, {49, 700, 90}, {1, 512, 300}}) {
                SystolicConfig cfg = SystolicConfig.of(8, 8, df);
                GemmJob job = new GemmJob(GemmGolden.random(rnd, shape[0], shape[1]), GemmGolden.random(rnd, shape[1], shape[2]),
                        GemmGolden.randomBias(rnd, shape[2], 100), new Requant(1, 8, false));
                var bound = SystolicSizing.sampleRequirements(cfg, shape[0], shape[1], shape[2], true, true, WeightStructure.DENSE,
                        SystolicTiledLayer.SPAN);
                int tiles = SystolicSizing.tiles(cfg, shape[0], shape[1], shape[2], true, true, WeightStructure.DENSE).size();
                for (int u = 0; u < tiles; u += Math.max(1, tiles / 7)) {
                    SystolicProgram p = SystolicCompiler.compileTiles(cfg, job, WeightStructure.DENSE, u - 4, u + 2);
                    assertTrue(p.commands().size() <= bound.commands() && p.image().size() <= bound.offchipBytes(),
                            df + " " + java.util.Arrays.toString(shape) + " tile " + u + ": " + p.commands().size() + " commands, "
                                    + p.image().size() + " bytes > " + bound);
                }
            }
    }
}
