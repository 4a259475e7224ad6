package io.rtlbench.testbenches.simt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
            throw new IllegalArgumentException("cannot read ELF " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses an ELF image; a truncated or corrupt one fails with one message naming what is out of bounds. */
    public static Elf parse(byte[] bytes, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || b.getInt(0) != 0x464C457F)
            throw new IllegalArgumentException(what + " is not an ELF file");
        if (bytes[4] != 1 || bytes[5] != 1)
            throw new IllegalArgumentException(what + " is not a 32-bit little-endian ELF (RV32 needed)");
        if ((b.getShort(18) & 0xFFFF) != 243)
            throw new IllegalArgumentException(what + " is not a RISC-V ELF (machine " + (b.getShort(18) & 0xFFFF) + ")");
        long entry = u32(b, 24);
        long phoff = u32(b, 28), shoff = u32(b, 32);
        int phentsize = b.getShort(42) & 0xFFFF, phnum = b.getShort(44) & 0xFFFF;
        int shentsize = b.getShort(46) & 0xFFFF, shnum = b.getShort(48) & 0xFFFF;
        if (phnum > 0) inside(bytes, what, "program header table", phoff, (long) phentsize * phnum, phentsize >= 32);
        if (shnum > 0) inside(bytes, what, "section header table", shoff, (long) shentsize * shnum, shentsize >= 40);
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (b.getInt(p) != 1) continue;  // PT_LOAD
            long off = u32(b, p + 4), filesz = u32(b, p + 16), memsz = u32(b, p + 20);
            long paddr = u32(b, p + 12);
            inside(bytes, what, "segment " + i, off, filesz, filesz <= memsz || memsz == 0);
            byte[] data = Arrays.copyOfRange(bytes, (int) off, (int) (off + filesz));
            if (memsz > 0) segs.add(new Segment(paddr, data, memsz));
        }
        Map<String, Long> syms = new HashMap<>();
        for (int i = 0; i < shnum; i++) {
            int s = (int) (shoff + (long) i * shentsize);
            if (b.getInt(s + 4) != 2) continue;  // SHT_SYMTAB
            long off = u32(b, s + 16), size = u32(b, s + 20), link = u32(b, s + 24), entsize = u32(b, s + 36);
            inside(bytes, what, "symbol table", off, size, entsize >= 16 && link < shnum);
            int linked = (int) (shoff + link * shentsize);
            long strOff = u32(b, linked + 16), strSize = u32(b, linked + 20);
            inside(bytes, what, "string table", strOff, strSize, true);
            for (long e = off; e + entsize <= off + size; e += entsize) {
                long name = u32(b, (int) e);
                if (name == 0) continue;
                if (name >= strSize) throw new IllegalArgumentException(what + " is corrupt: a symbol name lies outside the string table");
                syms.put(cString(bytes, (int) (strOff + name), (int) (strOff + strSize)), u32(b, (int) e + 4));
            }
        }
        return new Elf(entry, segs, syms);
    }

    /** Checks that [offset, offset + length) lies inside the file and {@code sane} holds; else one clear error. */
    private static void inside(byte[] bytes, String what, String part, long offset, long length, boolean sane) {
        if (!sane || offset < 0 || length < 0 || offset + length > bytes.length)
            throw new IllegalArgumentException(String.format("%s is truncated or corrupt: its %s (bytes %d..%d) lies outside the %d-byte file",
                    what, part, offset, offset + length, bytes.length));
    }

    /** Address of a symbol, or an error naming the symbol. */
    public long symbol(String name) {
        Long v = symbols.get(name);
        if (v == null) throw new IllegalArgumentException("ELF has no symbol '" + name + "'");
        return v;
    }

    private static long u32(ByteBuffer b, int at) { return b.getInt(at) & 0xFFFF_FFFFL; }

    private static String cString(byte[] bytes, int at, int limit) {
        int end = at;
        while (end < limit && bytes[end] != 0) end++;
        return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
    }
}
