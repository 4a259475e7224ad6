package io.rtlbench.testbenches.simt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal ELF32 little-endian RISC-V reader: the loadable segments (PT_LOAD: physical address,
 * file bytes, memory size; the rest of memsz is zero) and the symbol table (name -> value).
 */
public record Elf(long entry, List<Segment> segments, Map<String, Long> symbols) {
    public record Segment(long address, byte[] data, long memSize) {}

    public static Elf read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ELF " + file + ": " + e.getMessage(), e);
        }
    }

    public static Elf parse(byte[] bytes, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || b.getInt(0) != 0x464C457F)
            throw new IllegalArgumentException(what + " is not an ELF file");
        if (bytes[4] != 1 || bytes[5] != 1)
            throw new IllegalArgumentException(what + " is not a 32-bit little-endian ELF (RV32 needed)");
        if ((b.getShort(18) & 0xFFFF) != 243)
            throw new IllegalArgumentException(what + " is not a RISC-V ELF (machine " + (b.getShort(18) & 0xFFFF) + ")");
        long entry = u32(b, 24);
        int phoff = b.getInt(28), shoff = b.getInt(32);
        int phentsize = b.getShort(42) & 0xFFFF, phnum = b.getShort(44) & 0xFFFF;
        int shentsize = b.getShort(46) & 0xFFFF, shnum = b.getShort(48) & 0xFFFF;
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = phoff + i * phentsize;
            if (b.getInt(p) != 1) continue;  // PT_LOAD
            int off = b.getInt(p + 4), filesz = b.getInt(p + 16), memsz = b.getInt(p + 20);
            long paddr = u32(b, p + 12);
            byte[] data = new byte[filesz];
            System.arraycopy(bytes, off, data, 0, filesz);
            if (memsz > 0) segs.add(new Segment(paddr, data, memsz & 0xFFFF_FFFFL));
        }
        Map<String, Long> syms = new HashMap<>();
        for (int i = 0; i < shnum; i++) {
            int s = shoff + i * shentsize;
            if (b.getInt(s + 4) != 2) continue;  // SHT_SYMTAB
            int off = b.getInt(s + 16), size = b.getInt(s + 20), link = b.getInt(s + 24), entsize = b.getInt(s + 36);
            int strOff = b.getInt(shoff + link * shentsize + 16);
            for (int e = off; e + entsize <= off + size; e += entsize) {
                int name = b.getInt(e);
                if (name == 0) continue;
                syms.put(cString(bytes, strOff + name), u32(b, e + 4));
            }
        }
        return new Elf(entry, segs, syms);
    }

    /** Address of a symbol, or an error naming the symbol. */
    public long symbol(String name) {
        Long v = symbols.get(name);
        if (v == null) throw new IllegalArgumentException("ELF has no symbol '" + name + "'");
        return v;
    }

    private static long u32(ByteBuffer b, int at) { return b.getInt(at) & 0xFFFF_FFFFL; }

    private static String cString(byte[] bytes, int at) {
        int end = at;
        while (end < bytes.length && bytes[end] != 0) end++;
        return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
    }
}
