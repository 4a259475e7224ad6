package io.rtlbench.rtl.formats;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element formats a core can multiply, with the facts the hardware generators and the golden
 * models share. Sources, checked at the source:
 * <ul>
 * <li>FP8: OCP 8-bit Floating Point Specification (OFP8) Revision 1.0, 2023-06-20
 *     (github.com/opencomputeproject/FP8, commit bfaa167), Tables 1 and 2: E4M3 bias 7, no
 *     infinities, NaN only S.1111.111, max normal S.1111.110 = 448, min subnormal 2^-9; E5M2 bias 15,
 *     infinities S.11111.00, NaN S.11111.{01,10,11}, max normal S.11110.11 = 57344, min subnormal
 *     2^-16; subnormals in both.</li>
 * <li>MXFP4: OCP Microscaling Formats (MX) v1.0 (opencompute.org/documents/ocp-microscaling-
 *     formats-mx-v1-0-spec-final-pdf), as implemented by its reference, Microsoft microxcaling
 *     (commit 7bc4195, mx/formats.py and mx/mx_ops.py): blocks of 32 elements along the reduction
 *     dimension; elements FP4 E2M1 (2 exponent bits, 1 mantissa bit, emax 2, min normal exponent 0,
 *     so bias 1; values 0, 0.5, 1, 1.5, 2, 3, 4, 6 and negatives; no inf/NaN); one shared E8M0
 *     scale per block (2^(E - 127), E = 0..254, 255 = NaN; scale exponent clamped to [-127, 127]).</li>
 * </ul>
 * A finite element is (-1)^s * sig * 2^(eEff - bias - mant), with sig = 1.mant (normal, exponent
 * field eEff = field) or 0.mant (subnormal, eEff = 1). The product of two finite elements is
 * therefore an integer times 2^{@link #productLsbExponent()}: the PEs add such products exactly.
 */
public enum NumberFormat {
    INT8("int8", 8, 0, 0, 0, 0),
    FP8_E4M3("fp8e4m3", 8, 4, 3, 7, 0),
    FP8_E5M2("fp8e5m2", 8, 5, 2, 15, 0),
    MXFP4("mxfp4", 4, 2, 1, 1, 32);

    /** Name on the command line and in JSON. */
    public final String cliName;
    /** Bits per element in memory. */
    public final int elementBits;
    public final int expBits, mantBits, bias;
    /** Elements sharing one E8M0 scale along K (MX formats), else 0. */
    public final int blockSize;

    NumberFormat(String cliName, int elementBits, int expBits, int mantBits, int bias, int blockSize) {
        this.cliName = cliName;
        this.elementBits = elementBits;
        this.expBits = expBits;
        this.mantBits = mantBits;
        this.bias = bias;
        this.blockSize = blockSize;
    }

    public boolean isFloat() { return this != INT8; }
    public boolean isBlockScaled() { return blockSize > 0; }
    /** E4M3: S.1111.111 is NaN. E5M2: exponent field all ones is Inf (mantissa 0) or NaN. */
    public boolean hasNaN() { return this == FP8_E4M3 || this == FP8_E5M2; }
    public boolean hasInfinity() { return this == FP8_E5M2; }

    /** Largest exponent field of a finite element (E4M3 uses the all-ones field for finite values). */
    public int maxFiniteExpField() {
        int all = (1 << expBits) - 1;
        return this == FP8_E5M2 ? all - 1 : all;
    }

    /** Exponent of the least significant bit of an exact element product: 2 - 2 * (bias + mant). */
    public int productLsbExponent() { return 2 - 2 * (bias + mantBits); }

    /** Largest left shift of a significand product: 2 * (max finite exponent field - 1). */
    public int maxProductShift() { return 2 * (maxFiniteExpField() - 1); }

    /** Bits of a product's magnitude in units of 2^productLsbExponent: E4M3 36, E5M2 64, E2M1 8. */
    public int productBits() { return 2 * (mantBits + 1) + maxProductShift(); }

    /** Signed width that holds the exact sum of {@code terms} products without overflow. */
    public int exactSumBits(int terms) {
        return productBits() + 1 + (32 - Integer.numberOfLeadingZeros(Math.max(1, terms - 1)));
    }

    public static NumberFormat fromName(String name) {
        for (NumberFormat f : values()) if (f.cliName.equalsIgnoreCase(name)) return f;
        throw new IllegalArgumentException("unknown number format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.cliName).collect(Collectors.joining(", ")));
    }

    @Override public String toString() { return cliName; }
}
