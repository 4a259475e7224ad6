package io.rtlbench.emulator;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads firtool's SystemVerilog just enough for the emulator: per module, its registers, memory
 * arrays, the operands of multipliers and adders, memory-port signals, and its child instances
 * (so that a Verilator member path can be mapped back to the module that declares it).
 * Simplification: an arithmetic statement's right-hand-side identifiers all count as operands of
 * that operator (a mux around an adder adds its select); a statement with both {@code *} and
 * {@code +} counts as a multiplier.
 */
public final class SvScan {
    private static final Pattern MODULE = Pattern.compile("(?ms)^module\\s+(\\w+)\\s*[(#;].*?^endmodule");
    private static final Pattern SCALAR_REG = Pattern.compile("(?m)^\\s*reg\\s+(?:\\[\\d+:\\d+\\]\\s*)?(\\w+)\\s*;");
    private static final Pattern ARRAY_REG = Pattern.compile("(?m)^\\s*reg\\s+(?:\\[\\d+:\\d+\\]\\s*)?(\\w+)\\s*\\[\\d+:\\d+\\]\\s*;");
    private static final Pattern STATEMENT = Pattern.compile("(?m)(?:=|<=)([^;=]*(?:==[^;=]*)*);");
    private static final Pattern LITERAL = Pattern.compile("\\d*'[sS]?[bBhHdDoO][0-9a-fA-FxXzZ_]+");
    private static final Pattern IDENT = Pattern.compile("\\b([A-Za-z_]\\w*)\\b");
    private static final Pattern MEM_PORT = Pattern.compile("\\b((?:R|W)\\d+_(?:en|data))\\b");
    private static final Pattern MEM_RADDR = Pattern.compile("\\b(R\\d+_addr)\\b");
    private static final Set<String> KEYWORDS = Set.of("begin", "end", "if", "else", "assign", "wire", "reg", "always",
            "posedge", "negedge", "or", "and", "not", "signed", "unsigned");

    /** Per module: signal name -> classes (a register feeding an adder is both REG and ADD_IN). */
    final Map<String, Map<String, EnumSet<ActivityClass>>> classes = new LinkedHashMap<>();
    /** Per module: read-address ports of memory modules (kept visible to count reads of new words). */
    final Map<String, Set<String>> readAddrs = new LinkedHashMap<>();
    /** Per module: memory arrays. */
    final Map<String, Set<String>> arrays = new LinkedHashMap<>();
    /** Per module: child instance name -> module name. */
    final Map<String, Map<String, String>> children = new LinkedHashMap<>();

    public SvScan(String sv) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = MODULE.matcher(sv);
        while (m.find()) bodies.put(m.group(1), m.group());
        for (var e : bodies.entrySet()) {
            String body = e.getValue();
            Map<String, EnumSet<ActivityClass>> cls = new HashMap<>();
            Set<String> arr = new java.util.LinkedHashSet<>();
            Matcher a = ARRAY_REG.matcher(body);
            while (a.find()) arr.add(a.group(1));
            Matcher st = STATEMENT.matcher(body);
            while (st.find()) {
                String rhs = st.group(1);
                ActivityClass c = rhs.contains("*") ? ActivityClass.MUL_IN
                        : rhs.matches("(?s).*[^\\[:]\\s*[+-]\\s*[^\\]:].*") ? ActivityClass.ADD_IN : null;
                if (c == null) continue;
                Matcher id = IDENT.matcher(LITERAL.matcher(rhs).replaceAll(" "));
                while (id.find()) {
                    String name = id.group(1);
                    if (KEYWORDS.contains(name) || arr.contains(name)) continue;
                    cls.computeIfAbsent(name, k -> EnumSet.noneOf(ActivityClass.class)).add(c);
                }
            }
            Set<String> addrs = new java.util.LinkedHashSet<>();
            if (arr.contains("Memory")) {
                Matcher ra = MEM_RADDR.matcher(body.substring(0, body.indexOf(");") + 2));
                while (ra.find()) addrs.add(ra.group(1));
                Matcher p = MEM_PORT.matcher(body.substring(0, body.indexOf(");") + 2));
                while (p.find()) {
                    String n = p.group(1);
                    cls.put(n, EnumSet.of(n.startsWith("R") ? (n.endsWith("en") ? ActivityClass.MEM_READ : ActivityClass.MEM_RDATA)
                            : (n.endsWith("en") ? ActivityClass.MEM_WRITE : ActivityClass.MEM_WDATA)));
                }
            }
            Matcher r = SCALAR_REG.matcher(body);
            while (r.find()) cls.computeIfAbsent(r.group(1), k -> EnumSet.noneOf(ActivityClass.class)).add(ActivityClass.REG);
            Map<String, String> kids = new LinkedHashMap<>();
            for (String other : bodies.keySet()) {
                Matcher inst = Pattern.compile("(?m)^\\s*" + Pattern.quote(other) + "\\s+(\\w+)\\s*\\(").matcher(body);
                while (inst.find()) kids.put(inst.group(1), other);
            }
            classes.put(e.getKey(), cls);
            readAddrs.put(e.getKey(), addrs);
            arrays.put(e.getKey(), arr);
            children.put(e.getKey(), kids);
        }
    }

    /** Every instance below and including the top: dot-path ("" for the top) -> module name. */
    public Map<String, String> instances(String top) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(top, "", out);
        return out;
    }

    private void walk(String module, String path, Map<String, String> out) {
        out.put(path, module);
        children.getOrDefault(module, Map.of()).forEach((inst, mod) -> walk(mod, path.isEmpty() ? inst : path + "." + inst, out));
    }

    /** The module declaring the signal at dot-path {@code path} below {@code top}, or null. */
    String moduleOf(String top, String path) {
        String mod = top;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1 && mod != null; i++) mod = children.getOrDefault(mod, Map.of()).get(parts[i]);
        return mod;
    }

    /** Classes of the signal at {@code path} (e.g. {@code pe_0_0.acc}), or null when not counted. */
    EnumSet<ActivityClass> classOf(String top, String path) {
        String mod = moduleOf(top, path);
        if (mod == null) return null;
        return classes.getOrDefault(mod, Map.of()).get(path.substring(path.lastIndexOf('.') + 1));
    }
}
