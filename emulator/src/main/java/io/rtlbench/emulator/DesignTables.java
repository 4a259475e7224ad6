package io.rtlbench.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design-specific half of the harness. Before Verilator: reads firtool's SystemVerilog to find
 * each module's registers and memory arrays and writes the Verilator config that keeps them
 * visible. After Verilator: reads the generated headers (ports of {@code Vdut.h}, members of the
 * root class) and writes {@code design.inc}: port, memory and toggle tables, and the straight-line
 * XOR/popcount code that counts, once per cycle and per instance, the bit toggles of every register,
 * multiplier and adder operand and memory data port, and the accesses of every memory port.
 * Signal names are Verilog hierarchy paths below the top, dot-separated ({@code pe_0_0.acc}).
 */
final class DesignTables {
    private static final Pattern MODULE = Pattern.compile("(?ms)^module\\s+(\\w+)\\s*[(#;].*?^endmodule");
    private static final Pattern SCALAR_REG = Pattern.compile("(?m)^\\s*reg\\s+(?:\\[\\d+:\\d+\\]\\s*)?(\\w+)\\s*;");
    private static final Pattern ARRAY_REG = Pattern.compile("(?m)^\\s*reg\\s+(?:\\[\\d+:\\d+\\]\\s*)?(\\w+)\\s*\\[\\d+:\\d+\\]\\s*;");
    private static final Pattern PORT = Pattern.compile("VL_(IN|OUT|INOUT)(8|16|64|W)?\\(&(\\w+),(\\d+),(\\d+)(?:,(\\d+))?\\)");
    private static final Pattern MEMBER = Pattern.compile(
            "(?m)^\\s*(CData|SData|IData|QData|VlWide<(\\d+)>)/\\*(\\d+):(\\d+)\\*/\\s+(\\w+);");
    private static final Pattern ARRAY_MEMBER = Pattern.compile(
            "(?m)^\\s*VlUnpacked<(CData|SData|IData|QData|VlWide<(\\d+)>)/\\*(\\d+):(\\d+)\\*/,\\s*(\\d+)>\\s+(\\w+);");

    record Port(String name, int width, boolean input, int bytes, int words32) {}
    record Memory(String name, String member, long depth, int width, int bytes, int words32) {}
    /** A counted signal; {@code addrMember}: for a memory read enable, its port's address (or null). */
    record Signal(String name, String member, int width, int words32, java.util.EnumSet<ActivityClass> cls, String addrMember) {
        boolean toggles() { return cls.stream().allMatch(c -> c.toggles); }
        int mask() { return cls.stream().mapToInt(c -> 1 << c.ordinal()).sum(); }
    }

    private static final Pattern PORT_COPY = Pattern.compile("^\\s*wire\\s+(?:\\[\\d+:\\d+\\]\\s*)?(\\w+)_0\\b");
    private static final Pattern HEADER_NAME = Pattern.compile("\\b(?!input\\b|output\\b|inout\\b|wire\\b|reg\\b|logic\\b|signed\\b)([A-Za-z_]\\w*)\\s*(?:,|\\)|$)");
    private final SvScan scan;
    private final String sv;

    DesignTables(String systemVerilog) {
        this.scan = new SvScan(systemVerilog);
        this.sv = systemVerilog;
    }

    /**
     * Source lines that declare firtool's copies of a module's ports ({@code wire io_x_0 = io_x;},
     * kept by {@code -preserve-values=named}): the same net as the port, so traces leave them out
     * and every signal appears once in a dump.
     */
    List<Integer> portCopyLines() {
        List<Integer> out = new ArrayList<>();
        String[] lines = sv.split("\n", -1);
        Set<String> ports = new LinkedHashSet<>();
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("module ")) {
                ports.clear();
                header = true;
            }
            if (header) {
                Matcher m = HEADER_NAME.matcher(l.startsWith("module ") ? l.substring(l.indexOf('(') + 1) : l);
                while (m.find()) ports.add(m.group(1));
                if (l.contains(");")) header = false;
                continue;
            }
            Matcher c = PORT_COPY.matcher(l);
            if (c.find() && ports.contains(c.group(1))) out.add(i + 1);
        }
        return out;
    }

    /** Verilator configuration: memories writable from C++, registers readable (toggle builds), port copies untraced. */
    String verilatorConfig(boolean toggles) {
        StringBuilder b = new StringBuilder("`verilator_config\n");
        for (int line : portCopyLines()) b.append("tracing_off -file \"*dut.sv\" -lines ").append(line).append('\n');
        scan.arrays.forEach((mod, names) -> names.forEach(n ->
                b.append("public_flat_rw -module \"").append(mod).append("\" -var \"").append(n).append("\"\n")));
        if (toggles) scan.classes.forEach((mod, names) -> names.keySet().stream().sorted().forEach(n ->
                b.append("public_flat_rd -module \"").append(mod).append("\" -var \"").append(n).append("\"\n")));
        if (toggles) scan.readAddrs.forEach((mod, names) -> names.forEach(n ->
                b.append("public_flat_rd -module \"").append(mod).append("\" -var \"").append(n).append("\"\n")));
        return b.toString();
    }

    static List<Port> ports(String modelHeader) {
        List<Port> out = new ArrayList<>();
        Matcher m = PORT.matcher(modelHeader);
        while (m.find()) {
            int width = Integer.parseInt(m.group(4)) - Integer.parseInt(m.group(5)) + 1;
            String kind = m.group(2);
            // VL_IN8/16/64/W; plain VL_IN is 32-bit
            int bytes = kind == null ? 4 : switch (kind) { case "8" -> 1; case "16" -> 2; case "64" -> 8; default -> 0; };
            int words32 = bytes == 0 ? Integer.parseInt(m.group(6)) : 0;
            out.add(new Port(m.group(3), width, !m.group(1).equals("OUT"), bytes, words32));
        }
        return out;
    }

    List<Memory> memories(String rootHeader, String top) {
        List<Memory> out = new ArrayList<>();
        Matcher m = ARRAY_MEMBER.matcher(rootHeader);
        while (m.find()) {
            String member = m.group(6);
            if (!member.startsWith(top + "__DOT__")) continue;
            String path = userPath(member, top);
            String last = path.substring(path.lastIndexOf('.') + 1);
            if (scan.arrays.values().stream().noneMatch(s -> s.contains(last))) continue;
            if (path.endsWith(".Memory")) path = path.substring(0, path.length() - ".Memory".length());
            if (path.endsWith("_ext")) path = path.substring(0, path.length() - "_ext".length());
            int width = Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(4)) + 1;
            out.add(new Memory(path, member, Long.parseLong(m.group(5)), width, bytesOf(m.group(1)), words32Of(m.group(2))));
        }
        return out;
    }

    /** Every counted signal (registers, arithmetic operands, memory ports) present in the model. */
    List<Signal> counted(String rootHeader, String top) {
        List<Signal> out = new ArrayList<>();
        Map<String, String> scalarMembers = new java.util.HashMap<>();
        Matcher m = MEMBER.matcher(rootHeader);
        while (m.find()) {
            String member = m.group(5);
            if (!member.startsWith(top + "__DOT__")) continue;
            String path = userPath(member, top);
            if (m.group(2) == null) scalarMembers.put(path, member);
            if (path.substring(path.lastIndexOf('.') + 1).startsWith("_")) continue;
            java.util.EnumSet<ActivityClass> cls = scan.classOf(top, path);
            if (cls == null || cls.isEmpty()) continue;
            int width = Integer.parseInt(m.group(3)) - Integer.parseInt(m.group(4)) + 1;
            out.add(new Signal(path, member, width, words32Of(m.group(2)), cls, null));
        }
        // A read port counts an access when enabled with a new address (an SRAM whose address did
        // not change needs no new read: its output holds the word).
        List<Signal> withAddr = new ArrayList<>();
        for (Signal sig : out) {
            String addr = sig.cls().contains(ActivityClass.MEM_READ) && sig.name().endsWith("_en")
                    ? scalarMembers.get(sig.name().substring(0, sig.name().length() - 3) + "_addr") : null;
            withAddr.add(addr == null ? sig : new Signal(sig.name(), sig.member(), sig.width(), sig.words32(), sig.cls(), addr));
        }
        return withAddr;
    }

    private static String userPath(String member, String top) {
        return member.substring(top.length() + "__DOT__".length()).replace("__DOT__", ".");
    }

    private static int bytesOf(String type) {
        return switch (type) { case "CData" -> 1; case "SData" -> 2; case "IData" -> 4; case "QData" -> 8; default -> 0; };
    }

    private static int words32Of(String wide) { return wide == null ? 0 : Integer.parseInt(wide); }

    /** The generated C++ tables included by harness.cpp. */
    static String designInc(List<Port> ports, List<Memory> mems, List<Signal> toggles, boolean countToggles) {
        StringBuilder b = new StringBuilder("// Generated by rtlbench DesignTables: do not edit.\n");
        b.append("#define RB_NUM_PORTS ").append(ports.size()).append('\n');
        b.append("static const RbPortInfo RB_PORTS[] = {\n");
        for (Port p : ports)
            b.append(String.format("  {\"%s\", %d, %d, %d, %d},%n", p.name(), p.width(), p.input() ? 0 : 1, p.bytes(), p.words32()));
        b.append("  {nullptr, 0, 0, 0, 0}};\n");
        b.append("static void rb_port_ptrs(Vdut* m, void** p) {\n");
        for (int i = 0; i < ports.size(); i++) b.append("  p[").append(i).append("] = &m->").append(ports.get(i).name()).append(";\n");
        b.append("}\n#define RB_NUM_MEMS ").append(mems.size()).append('\n');
        b.append("static const RbMemInfo RB_MEMS[] = {\n");
        for (Memory m : mems)
            b.append(String.format("  {\"%s\", %dLL, %d, %d, %d},%n", m.name(), m.depth(), m.width(), m.bytes(), m.words32()));
        b.append("  {nullptr, 0, 0, 0, 0}};\n");
        b.append("static void rb_mem_ptrs(Vdut___024root* r, void** p) {\n");
        for (int i = 0; i < mems.size(); i++) b.append("  p[").append(i).append("] = &r->").append(mems.get(i).member()).append("[0];\n");
        b.append("  (void)r; (void)p;\n}\n");
        List<Signal> sigs = countToggles ? toggles : List.of();
        b.append("#define RB_NUM_TOGGLES ").append(sigs.size()).append('\n');
        b.append("static const RbSigInfo RB_TOGGLES[] = {\n");
        for (Signal s : sigs) b.append(String.format("  {\"%s\", %d, %d},%n", s.name(), s.width(), s.mask()));
        b.append("  {nullptr, 0, 0}};\n");
        b.append("struct RbTogglePrev {\n  int unused_;\n");
        for (int i = 0; i < sigs.size(); i++) {
            Signal s = sigs.get(i);
            b.append(s.words32() > 0 ? "  EData s" + i + "[" + s.words32() + "];\n" : "  uint64_t s" + i + ";\n");
            if (s.addrMember() != null) b.append("  uint64_t a" + i + ";\n");
        }
        b.append("};\n");
        b.append("static inline void rb_count_toggles(Vdut___024root* r, RbTogglePrev* p, uint64_t* c, bool accesses) {\n");
        for (int i = 0; i < sigs.size(); i++) {
            Signal s = sigs.get(i);
            if (!s.toggles() && s.addrMember() != null) {
                b.append(String.format("  if (accesses) { uint64_t a = r->%s; if (r->%s != 0 && a != p->a%d) c[%d]++; p->a%d = a; }%n",
                        s.addrMember(), s.member(), i, i, i));
            } else if (!s.toggles()) {
                b.append(s.words32() > 0
                        ? String.format("  if (accesses) { EData any = 0; for (int k = 0; k < %d; k++) any |= r->%s[k]; c[%d] += any != 0; }%n", s.words32(), s.member(), i)
                        : String.format("  if (accesses) c[%d] += r->%s != 0;%n", i, s.member()));
            } else if (s.words32() > 0) {
                b.append(String.format("  for (int k = 0; k < %d; k++) { EData v = r->%s[k]; c[%d] += __builtin_popcount(v ^ p->s%d[k]); p->s%d[k] = v; }%n",
                        s.words32(), s.member(), i, i, i));
            } else {
                b.append(String.format("  { uint64_t v = r->%s; c[%d] += __builtin_popcountll(v ^ p->s%d); p->s%d = v; }%n",
                        s.member(), i, i, i));
            }
        }
        b.append("  (void)r; (void)p; (void)c; (void)accesses;\n}\n");
        b.append("static inline void rb_snapshot_toggles(Vdut___024root* r, RbTogglePrev* p) {\n");
        for (int i = 0; i < sigs.size(); i++) {
            Signal s = sigs.get(i);
            if (s.addrMember() != null) b.append(String.format("  p->a%d = ~0ULL;%n", i));
            if (s.words32() > 0) b.append(String.format("  for (int k = 0; k < %d; k++) p->s%d[k] = r->%s[k];%n", s.words32(), i, s.member()));
            else b.append(String.format("  p->s%d = r->%s;%n", i, s.member()));
        }
        b.append("  (void)r; (void)p;\n}\n");
        return b.toString();
    }
}
