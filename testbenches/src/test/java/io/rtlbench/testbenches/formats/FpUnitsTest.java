package io.rtlbench.testbenches.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtlbench.emulator.Batch;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.formats.FixedToFp32;
import io.rtlbench.rtl.formats.Fp32Add;
import io.rtlbench.testbenches.Designs;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The floating-point blocks of the systolic array on the emulator, bit-exact against their golden
 * twins: {@link Fp32Add} against Java's float addition (IEEE, round to nearest even), and
 * {@link FixedToFp32} against {@link Fp32Round}, on random operands weighted towards the hard
 * cases (specials, subnormals, near-cancellation, overflow, underflow). Seed: -Drtlbench.seed.
 */
class FpUnitsTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final int N = 1 << 16;
    static final int[] SPECIAL = {0, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0xFFC0_0001, 1, 0x8000_0001, 0x007F_FFFF,
        0x0080_0000, 0x8080_0000, 0x7F7F_FFFF, 0xFF7F_FFFF, 0x3F80_0000, 0xBF80_0000};

    static int operand(Random rnd, int other) {
        return switch (rnd.nextInt(6)) {
            case 0 -> SPECIAL[rnd.nextInt(SPECIAL.length)];
            case 1 -> rnd.nextInt(0x0100_0000) | (rnd.nextBoolean() ? 0x8000_0000 : 0);        // subnormal or tiny normal
            case 2 -> (other ^ 0x8000_0000) + rnd.nextInt(5) - 2;                               // near cancellation
            case 3 -> (other & 0xFF80_0000) ^ (rnd.nextBoolean() ? 0x8000_0000 : 0) | rnd.nextInt(0x80_0000); // same exponent
            case 4 -> other + (rnd.nextInt(60) - 30 << 23);                                     // exponent difference < 30
            default -> rnd.nextInt();
        };
    }

    @Test void fp32AddMatchesJavaFloatAddition() {
        Random rnd = new Random(SEED);
        try (Simulator sim = Simulator.create(Designs.elaborate(Fp32Add::new));
             Batch batch = sim.batch(List.of("io_a", "io_b"), List.of("io_sum"), N)) {
            int[] a = new int[N], b = new int[N];
            for (int i = 0; i < N; i++) {
                a[i] = rnd.nextInt(4) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt();
                b[i] = operand(rnd, a[i]);
                batch.set(i, 0, a[i] & 0xFFFF_FFFFL);
                batch.set(i, 1, b[i] & 0xFFFF_FFFFL);
            }
            batch.run(N);
            for (int i = 0; i < N; i++) {
                int expected = Fp32Round.bits(Float.intBitsToFloat(a[i]) + Float.intBitsToFloat(b[i]));
                int actual = (int) batch.get(i, 0);
                assertEquals(expected, actual, String.format("0x%08x + 0x%08x (%s + %s): expected 0x%08x, actual 0x%08x; seed %d",
                        a[i], b[i], Float.intBitsToFloat(a[i]), Float.intBitsToFloat(b[i]), expected, actual, SEED));
            }
        }
    }

    @Test void fixedToFp32MatchesTheGoldenRounding() {
        int bits = 69;
        Random rnd = new Random(SEED + 1);
        try (Simulator sim = Simulator.create(Designs.elaborate(() -> new FixedToFp32(bits, true)));
             Batch batch = sim.batch(List.of("io_neg", "io_mag", "io_exp", "io_nan", "io_pinf", "io_ninf"), List.of("io_out"), N)) {
            BigInteger[] mag = new BigInteger[N];
            int[] exp = new int[N], flags = new int[N];
            boolean[] neg = new boolean[N];
            var in = batch.inputBuffer();
            int row = batch.inputRowWords();
            for (int i = 0; i < N; i++) {
                mag[i] = new BigInteger(rnd.nextInt(bits + 1), rnd);
                exp[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(1024) - 512 : rnd.nextInt(120) - 100;
                neg[i] = rnd.nextBoolean();
                flags[i] = rnd.nextInt(16) == 0 ? 1 + rnd.nextInt(7) : 0;
                in.put(i * row, neg[i] ? 1 : 0);
                in.put(i * row + 1, mag[i].longValue());
                in.put(i * row + 2, mag[i].shiftRight(64).longValue());
                in.put(i * row + 3, exp[i] & 0x3FF);
                for (int f = 0; f < 3; f++) in.put(i * row + 4 + f, (flags[i] >> f) & 1);
            }
            batch.run(N);
            for (int i = 0; i < N; i++) {
                boolean nan = (flags[i] & 1) != 0, pinf = (flags[i] & 2) != 0, ninf = (flags[i] & 4) != 0;
                int expected = nan || (pinf && ninf) ? FixedToFp32.CANONICAL_NAN : pinf ? 0x7F80_0000 : ninf ? 0xFF80_0000
                        : Fp32Round.round(neg[i], mag[i], exp[i]);
                assertEquals(expected, (int) batch.get(i, 0), "mag " + mag[i] + " exp " + exp[i] + " neg " + neg[i] + " flags " + flags[i]
                        + ", seed " + SEED);
            }
        }
    }
}
