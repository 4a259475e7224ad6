package io.rtlbench.testbenches.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tiling compiler without the emulator: every compiled program, run by {@link CommandInterpreter}
 * (the command semantics, independent of the compiler), must produce the golden result, and its
 * waits must order every cross-unit conflict. Shapes include edge tiles, K and M beyond the
 * scratchpads (slot reuse), bias and requantization; configs include packed rows (8x8 and 2x5 on a
 * 16-byte bus), unpacked padded rows (4x4 on a 4-byte bus) and 64-row memories. Also pins the traffic and command counts of 8x8 64^3.
 */
class SystolicCompilerTest {
    static final int[][] SHAPES = {{1, 1, 1}, {4, 4, 4}, {7, 1, 3}, {2, 13, 11}, {17, 3, 29}, {31, 37, 5}, {150, 9, 6}, {40, 130, 23}, {97, 70, 61}};

    static List<SystolicConfig> configs(Dataflow df) {
        SystolicConfig small = SystolicFixtures.small(4, 4, df);
        List<SystolicConfig> out = new ArrayList<>(List.of(small, SystolicFixtures.small(2, 5, df), SystolicConfig.of(8, 8, df)));
        for (int bus : new int[] {4, 8}) out.add(small.withOffChip(new OffChipConfig(bus, bus, 20, 1 << 22)));
        return out;
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void compiledProgramsComputeTheGoldenResultWithCorrectWaits(Dataflow df) {
        Random rnd = new Random(99 + df.ordinal());
        int programs = 0;
        for (SystolicConfig cfg : configs(df))
            for (int[] s : SHAPES) {
                if (cfg.rows() * cfg.cols() < 64 && s[0] * s[1] * s[2] > 100_000) continue;  // thousands of commands: slow, and 8x8 has it
                for (boolean requant : new boolean[] {false, true}) {
                    SystolicConfig big = new SystolicConfig(cfg.array(), cfg.memories(), cfg.offchip(), 65536);
                    GemmJob job = SystolicFixtures.randomJob(rnd, s[0], s[1], s[2], requant);
                    SystolicProgram p = SystolicCompiler.compile(big, job);
                    String where = big.rows() + "x" + big.cols() + " " + df + " bus " + big.busBytes() + " spad " + big.memories().spadRows()
                            + ", M=" + s[0] + " K=" + s[1] + " N=" + s[2] + (requant ? " requant" : " raw");
                    assertNull(CommandInterpreter.hazards(p), where);
                    assertNull(GemmGolden.firstMismatch(job.expected(), p.unpack(CommandInterpreter.run(p))), where);
                    long macs = p.commands().stream().filter(c -> c.op() == Cmd.Op.COMPUTE)
                            .mapToLong(c -> Cmd.get(c.bits(), Cmd.Field.MACS) * Cmd.get(c.bits(), Cmd.Field.T)).sum();
                    assertEquals(job.macs(), macs, where + ": MACS fields add up to the real MACs");
                    programs++;
                }
            }
        System.out.println(df + ": " + programs + " compiled programs verified by the command interpreter");
    }

    /** 8x8, 64^3: A and B are moved in once (64 x 8 rows of A, 8 x 8 tiles of 8 B rows), C out once; command counts pinned. */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void trafficAndCommandsOf64CubedOn8x8(Dataflow df) {
        SystolicProgram p = SystolicCompiler.compile(SystolicConfig.of(8, 8, df), new GemmJob(new byte[64][64], new byte[64][64], null, null));
        long[] rows = new long[3];
        long outRows = 0, computes = 0;
        for (Cmd.Builder c : p.commands()) {
            if (c.op() == Cmd.Op.MVIN) rows[(int) Cmd.get(c.bits(), Cmd.Field.TARGET)] += Cmd.get(c.bits(), Cmd.Field.ROWS);
            if (c.op() == Cmd.Op.MVOUT) outRows += Cmd.get(c.bits(), Cmd.Field.ROWS);
            if (c.op() == Cmd.Op.COMPUTE) computes++;
        }
        assertEquals(64, computes, "64 folds");
        assertEquals(512, rows[0], "A rows moved in (8 K tiles of 64 rows WS, 8 M tiles of 64 K rows OS)");
        assertEquals(512, rows[1], "B rows moved in");
        assertEquals(0, rows[2], "no bias");
        assertEquals(512, outRows, "C rows moved out: 64 rows x 8 column tiles");
        assertEquals(df == Dataflow.WS ? 266 : 146, p.commands().size(), "265 / 145 dispatched and END: " + p.listing());
        assertTrue(p.listing().startsWith("    0  CONFIG SCALE=1 SHIFT=0 RELU=0 RAW=1"), p.listing());
    }
}
