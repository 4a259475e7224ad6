package io.rtlbench.testbenches.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.formats.Fp8.Overflow;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** FP8 codes against the OCP OFP8 tables, and conversion against a brute-force nearest-value search. */
class Fp8Test {
    static final NumberFormat E4M3 = NumberFormat.FP8_E4M3, E5M2 = NumberFormat.FP8_E5M2;

    @Test void tableValuesOfTheSpec() {
        assertEquals(448f, Fp8.decode(E4M3, 0x7E));
        assertEquals(-448f, Fp8.decode(E4M3, 0xFE));
        assertTrue(Float.isNaN(Fp8.decode(E4M3, 0x7F)) && Float.isNaN(Fp8.decode(E4M3, 0xFF)));
        assertEquals(0x1p-6f, Fp8.decode(E4M3, 0x08));
        assertEquals(0.875f * 0x1p-6f, Fp8.decode(E4M3, 0x07));
        assertEquals(0x1p-9f, Fp8.decode(E4M3, 0x01));
        assertEquals(57344f, Fp8.decode(E5M2, 0x7B));
        assertEquals(Float.POSITIVE_INFINITY, Fp8.decode(E5M2, 0x7C));
        assertEquals(Float.NEGATIVE_INFINITY, Fp8.decode(E5M2, 0xFC));
        for (int c : new int[] {0x7D, 0x7E, 0x7F, 0xFD, 0xFE, 0xFF}) assertTrue(Float.isNaN(Fp8.decode(E5M2, c)), "E5M2 NaN " + c);
        assertEquals(0x1p-14f, Fp8.decode(E5M2, 0x04));
        assertEquals(0.75f * 0x1p-14f, Fp8.decode(E5M2, 0x03));
        assertEquals(0x1p-16f, Fp8.decode(E5M2, 0x01));
        assertEquals(448.0, Fp8.max(E4M3));
        assertEquals(57344.0, Fp8.max(E5M2));
        int nan4 = 0, nan5 = 0, inf5 = 0;
        for (int c = 0; c < 256; c++) {
            if (Fp8.isNan(E4M3, c)) nan4++;
            if (Fp8.isNan(E5M2, c)) nan5++;
            if (Fp8.isInf(E5M2, c)) inf5++;
        }
        assertEquals(2, nan4, "E4M3 has two NaN patterns (S.1111.111)");
        assertEquals(6, nan5, "E5M2 NaN S.11111.{01,10,11}");
        assertEquals(2, inf5);
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "FP8_E5M2"})
    void everyFiniteCodeRoundTrips(NumberFormat f) {
        for (int c = 0; c < 256; c++) {
            if (Fp8.isNan(f, c)) continue;
            assertEquals(c, Fp8.encode(f, Fp8.decode(f, c), Overflow.NON_SATURATE) & 0xFF, "code 0x" + Integer.toHexString(c));
        }
    }

    @Test void roundingTiesToEvenAndOverflow() {
        assertEquals(0x7E, Fp8.encode(E4M3, 464f) & 0xFF, "464 is halfway 448..480: ties to even 448");
        assertEquals(0x7E, Fp8.encode(E4M3, 465f) & 0xFF, "rounds to 480 > max: saturates");
        assertEquals(0x7F, Fp8.encode(E4M3, 465f, Overflow.NON_SATURATE) & 0xFF, "non-saturating E4M3 overflow is NaN");
        assertEquals(0x38, Fp8.encode(E4M3, 1.0625f) & 0xFF, "1 + 1/16 ties to 1.0");
        assertEquals(0x3A, Fp8.encode(E4M3, 1.1875f) & 0xFF, "1 + 3/16 ties to 1.25");
        assertEquals(0x00, Fp8.encode(E4M3, 0x1p-10f) & 0xFF, "half the smallest subnormal ties to +0");
        assertEquals(0x80, Fp8.encode(E4M3, -0x1p-11f) & 0xFF, "negative underflow keeps the sign");
        assertEquals(0x02, Fp8.encode(E4M3, 3 * 0x1p-10f) & 0xFF, "1.5 subnormal steps ties to 2");
        assertEquals(0x7B, Fp8.encode(E5M2, 61440f) & 0xFF, "E5M2 halfway 57344..65536 rounds up past max: saturates");
        assertEquals(0x7C, Fp8.encode(E5M2, 61440f, Overflow.NON_SATURATE) & 0xFF, "non-saturating E5M2 overflow is Inf");
        assertEquals(0x7B, Fp8.encode(E5M2, 61439f, Overflow.NON_SATURATE) & 0xFF, "below halfway stays finite");
        assertEquals(0xFE, Fp8.encode(E4M3, Float.NEGATIVE_INFINITY) & 0xFF);
        assertEquals(0xFC, Fp8.encode(E5M2, Float.NEGATIVE_INFINITY, Overflow.NON_SATURATE) & 0xFF);
        assertEquals(0x7F, Fp8.encode(E5M2, Float.NaN) & 0xFF);
    }

    /** Oracle: the finite code nearest to x, ties to the even mantissa, compared as exact doubles. */
    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "FP8_E5M2"})
    void randomFloatsRoundToTheNearestCode(NumberFormat f) {
        Random rnd = new Random(14);
        for (int n = 0; n < 200_000; n++) {
            float x = rnd.nextBoolean() ? Float.intBitsToFloat(rnd.nextInt())
                    : (float) Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(40) - 22);
            if (!Float.isFinite(x)) continue;
            if (Math.abs(x) > 2 * Fp8.max(f)) {  // far above max: saturates (the oracle's doubles cannot tell)
                assertEquals(Fp8.max(f) * Math.signum(x), (double) Fp8.decode(f, Fp8.encode(f, x)), "x = " + x);
                continue;
            }
            int best = -1;
            double bestErr = Double.MAX_VALUE;
            for (int c = 0; c < 256; c++) {
                if (Fp8.isNan(f, c) || Fp8.isInf(f, c)) continue;
                double err = Math.abs((double) Fp8.decode(f, c) - x);
                if (err < bestErr || (err == bestErr && (c & 1) == 0 && (best & 1) == 1)) { best = c; bestErr = err; }
            }
            double rounded = Fp8.decode(f, best);
            int got = Fp8.encode(f, x) & 0xFF;
            if (rounded == 0) assertEquals(x < 0 ? 0x80 : 0x00, got, "x = " + x + " underflows to a zero of its sign");
            else assertEquals(rounded, (double) Fp8.decode(f, got), "x = " + x + " (" + Float.floatToRawIntBits(x) + ")");
        }
    }
}
