package io.rtlbench.waveforms;

/** How to print a value: hexadecimal, unsigned decimal, two's complement decimal, or binary. */
public enum Radix {
    HEX, DEC, SIGNED, BIN;

    /** Parses hex/dec/signed/bin (case-insensitive), with a message listing the choices. */
    public static Radix parse(String s) {
        for (Radix r : values()) if (r.name().equalsIgnoreCase(s)) return r;
        throw new IllegalArgumentException("unknown radix '" + s + "'; use hex, dec, signed or bin");
    }
}
