package io.rtlbench.waveforms;

import java.math.BigInteger;
import java.util.Map;

/**
 * A signal's value: its bits, most significant first, each '0', '1', 'x' or 'z' (or, for a real
 * variable, the decimal text in {@link #real}). Formats itself in a {@link Radix}, with optional
 * enum names for state signals. A value with x or z bits prints as 'x' / 'z' unless in binary.
 */
public record Value(String bits, String real) {
    public static Value ofBits(String bits) { return new Value(bits, null); }

    public int width() { return bits.length(); }

    public boolean isKnown() { return real == null && bits.indexOf('x') < 0 && bits.indexOf('z') < 0; }

    /** Unsigned value; throws when not {@link #isKnown()}. */
    public BigInteger unsigned() {
        if (!isKnown()) throw new IllegalStateException("value " + this + " has unknown bits");
        return new BigInteger(bits, 2);
    }

    /** Two's complement value of this width. */
    public BigInteger signed() {
        BigInteger u = unsigned();
        return bits.charAt(0) == '1' ? u.subtract(BigInteger.ONE.shiftLeft(bits.length())) : u;
    }

    public String format(Radix radix) { return format(radix, Map.of()); }

    /** Formatted value; {@code enumNames} (unsigned value to name) wins when it has the value. */
    public String format(Radix radix, Map<Integer, String> enumNames) {
        if (real != null) return real;
        if (radix == Radix.BIN) return bits;
        if (!isKnown()) return bits.indexOf('x') >= 0 ? "x" : "z";
        BigInteger u = unsigned();
        if (!enumNames.isEmpty() && u.bitLength() < 32) {
            String n = enumNames.get(u.intValue());
            if (n != null) return n;
        }
        return switch (radix) {
            case HEX -> u.toString(16);
            case DEC -> u.toString();
            case SIGNED -> signed().toString();
            case BIN -> bits;
        };
    }

    @Override public String toString() { return real != null ? real : "b" + bits; }
}
