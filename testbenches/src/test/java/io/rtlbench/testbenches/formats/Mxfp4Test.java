package io.rtlbench.testbenches.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** E2M1 elements and E8M0 scales as the OCP MX spec and its reference define them. */
class Mxfp4Test {
    @Test void elementValues() {
        double[] expected = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
        for (int c = 0; c < 8; c++) {
            assertEquals(expected[c], Mxfp4.element(c));
            assertEquals(-expected[c], Mxfp4.element(c | 8));
            assertEquals(c, Mxfp4.encodeElement(expected[c]));
        }
        assertEquals(8, Mxfp4.encodeElement(-0.0));
    }

    @Test void elementsRoundToNearestEvenAndSaturate() {
        double[][] cases = {{0.25, 0}, {0.75, 1}, {1.25, 1}, {1.75, 2}, {2.5, 2}, {3.5, 4}, {5, 4}, {5.01, 6}, {7, 6}, {1e9, 6},
            {-2.5, -2}, {0.2, 0}, {0.26, 0.5}};
        for (double[] c : cases) assertEquals(c[1], Mxfp4.element(Mxfp4.encodeElement(c[0])), "element of " + c[0]);
    }

    @Test void scaleIsTheBlockMaxExponentMinusTwo() {
        assertEquals(127, Mxfp4.scale(new float[] {6f, -1f}, 0, 2), "max 6: floor(log2 6) - 2 = 0");
        assertEquals(125, Mxfp4.scale(new float[] {1f}, 0, 1));
        assertEquals(127 - 2 - 10, Mxfp4.scale(new float[] {0.001f, -0.0015f}, 0, 2), "floor(log2 0.0015) = -10");
        assertEquals(0, Mxfp4.scale(new float[] {0f, -0f}, 0, 2), "zero block: -126 - 2 clamps to -127");
        assertEquals(0, Mxfp4.scale(new float[] {Float.MIN_VALUE}, 0, 1));
        assertEquals(252, Mxfp4.scale(new float[] {Float.MAX_VALUE}, 0, 1));
        assertEquals(255, Mxfp4.scale(new float[] {1f, Float.NaN}, 0, 2));
        assertEquals(255, Mxfp4.scale(new float[] {Float.NEGATIVE_INFINITY}, 0, 1));
    }

    @Test void blockQuantization() {
        float[] v = {6f, 3.1f, -0.7f, 0.1f, 12f};
        byte[] codes = new byte[5];
        int s = Mxfp4.quantize(v, 0, 4, codes);
        assertEquals(127, s);
        assertEquals(6.0, Mxfp4.element(codes[0]));
        assertEquals(3.0, Mxfp4.element(codes[1]));
        assertEquals(-0.5, Mxfp4.element(codes[2]));
        assertEquals(0.0, Mxfp4.element(codes[3]));
        s = Mxfp4.quantize(v, 4, 5, codes);
        assertEquals(128, s, "12: floor(log2 12) - 2 = 1");
        assertEquals(6.0, Mxfp4.element(codes[4]));
    }
}
