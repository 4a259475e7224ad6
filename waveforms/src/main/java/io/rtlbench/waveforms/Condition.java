package io.rtlbench.waveforms;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A boolean condition on signal values, e.g. {@code valid && data == 0x2a}. Grammar, loosest first:
 * {@code ||}, {@code &&}, comparisons {@code == != < > <= >=} (unsigned, on whole values), unary
 * {@code !}, then parentheses, literals (decimal, {@code 0x} hex, {@code 0b} binary, {@code _}
 * separators allowed, {@code -} for negative), signal names (resolved like {@link VcdHeader#find}) and
 * {@code signed(name)}, the two's complement value (e.g. {@code signed(acc) < -100}). A bare signal is true
 * when non-zero. Unknown (x/z) values make a comparison unknown; a condition holds only when it is
 * known to be true ({@code x && 0} is false, {@code x || 1} is true).
 */
public final class Condition {
    private sealed interface Node permits Lit, Sig, Not, Bin {}
    private record Lit(BigInteger v) implements Node {}
    private record Sig(VcdVar var, boolean signed) implements Node {}
    private record Not(Node e) implements Node {}
    private record Bin(String op, Node l, Node r) implements Node {}

    private final String text;
    private final Node root;
    private final Set<VcdVar> signals = new LinkedHashSet<>();

    private Condition(String text, Node root) {
        this.text = text;
        this.root = root;
        collect(root);
    }

    /** Parses {@code text}, resolving signal names in {@code header}; errors point at the column. */
    public static Condition parse(String text, VcdHeader header) { return parse(text, header::find); }

    public static Condition parse(String text, Function<String, VcdVar> resolve) {
        Parser p = new Parser(text, resolve);
        Node n = p.or();
        if (p.pos < p.toks.size()) throw p.error("unexpected '" + p.toks.get(p.pos) + "'");
        return new Condition(text, n);
    }

    public String text() { return text; }

    /** The signals the condition reads, in order of appearance. */
    public List<VcdVar> signals() { return List.copyOf(signals); }

    /** True when the condition is known to hold for the given values. */
    public boolean holds(Function<VcdVar, Value> values) {
        BigInteger v = eval(root, values);
        return v != null && v.signum() != 0;
    }

    private void collect(Node n) {
        if (n instanceof Sig s) signals.add(s.var());
        else if (n instanceof Not x) collect(x.e());
        else if (n instanceof Bin b) { collect(b.l()); collect(b.r()); }
    }

    /** The node's value, or null when unknown. */
    private static BigInteger eval(Node n, Function<VcdVar, Value> values) {
        if (n instanceof Lit l) return l.v();
        if (n instanceof Sig s) {
            Value v = values.apply(s.var());
            return v != null && v.isKnown() ? (s.signed() ? v.signed() : v.unsigned()) : null;
        }
        if (n instanceof Not x) {
            BigInteger v = eval(x.e(), values);
            return v == null ? null : bool(v.signum() == 0);
        }
        return binary((Bin) n, values);
    }

    private static BigInteger binary(Bin b, Function<VcdVar, Value> values) {
        BigInteger l = eval(b.l(), values);
        if (b.op().equals("&&") && l != null && l.signum() == 0) return BigInteger.ZERO;
        if (b.op().equals("||") && l != null && l.signum() != 0) return BigInteger.ONE;
        BigInteger r = eval(b.r(), values);
        if (b.op().equals("&&")) return r != null && r.signum() == 0 ? BigInteger.ZERO : l == null || r == null ? null : BigInteger.ONE;
        if (b.op().equals("||")) return r != null && r.signum() != 0 ? BigInteger.ONE : l == null || r == null ? null : BigInteger.ZERO;
        if (l == null || r == null) return null;
        int c = l.compareTo(r);
        return bool(switch (b.op()) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalStateException(b.op());
        });
    }

    private static BigInteger bool(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }

    @Override public String toString() { return text; }

    /** Recursive descent over a token list; remembers each token's column for errors. */
    private static final class Parser {
        final String src;
        final List<String> toks = new ArrayList<>();
        final List<Integer> cols = new ArrayList<>();
        final Function<String, VcdVar> resolve;
        int pos;

        Parser(String src, Function<String, VcdVar> resolve) {
            this.src = src;
            this.resolve = resolve;
            int i = 0;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (Character.isWhitespace(c)) { i++; continue; }
                int j = i;
                if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || "_$.[]:".indexOf(src.charAt(j)) >= 0)) j++;
                } else if (src.startsWith("&&", i) || src.startsWith("||", i) || src.startsWith("==", i) || src.startsWith("!=", i)
                        || src.startsWith("<=", i) || src.startsWith(">=", i)) {
                    j = i + 2;
                } else if ("()!<>-".indexOf(c) >= 0) {
                    j = i + 1;
                } else {
                    throw new IllegalArgumentException("condition '" + src + "': unexpected '" + c + "' at column " + (i + 1)
                            + " (operators: == != < > <= >= && || ! - signed() and parentheses)");
                }
                toks.add(src.substring(i, j));
                cols.add(i + 1);
                i = j;
            }
        }

        IllegalArgumentException error(String what) {
            String where = pos < cols.size() ? " at column " + cols.get(pos) : " at the end";
            return new IllegalArgumentException("condition '" + src + "': " + what + where);
        }

        boolean eat(String t) {
            if (pos < toks.size() && toks.get(pos).equals(t)) { pos++; return true; }
            return false;
        }

        Node or() {
            Node n = and();
            while (eat("||")) n = new Bin("||", n, and());
            return n;
        }

        Node and() {
            Node n = cmp();
            while (eat("&&")) n = new Bin("&&", n, cmp());
            return n;
        }

        Node cmp() {
            Node n = unary();
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"})
                if (eat(op)) return new Bin(op, n, unary());
            return n;
        }

        Node unary() {
            if (eat("!")) return new Not(unary());
            if (eat("(")) {
                Node n = or();
                if (!eat(")")) throw error("missing ')'");
                return n;
            }
            if (eat("-")) {
                if (pos >= toks.size() || !Character.isDigit(toks.get(pos).charAt(0))) throw error("'-' must precede a number");
                return new Lit(number(toks.get(pos++)).negate());
            }
            if (pos >= toks.size()) throw error("expected a signal or a number");
            String t = toks.get(pos);
            if (t.equals("signed") && pos + 1 < toks.size() && toks.get(pos + 1).equals("(")) {
                pos += 2;
                if (pos >= toks.size() || !Character.isLetter(toks.get(pos).charAt(0)) && toks.get(pos).charAt(0) != '_') throw error("signed() takes a signal name");
                Node n = new Sig(resolve.apply(toks.get(pos++)), true);
                if (!eat(")")) throw error("missing ')' after signed(...");
                return n;
            }
            if (!Character.isLetterOrDigit(t.charAt(0)) && t.charAt(0) != '_' && t.charAt(0) != '$') throw error("unexpected '" + t + "'");
            pos++;
            if (Character.isDigit(t.charAt(0))) return new Lit(number(t));
            return new Sig(resolve.apply(t), false);
        }

        BigInteger number(String t) {
            String s = t.replace("_", "").toLowerCase(java.util.Locale.ROOT);
            try {
                if (s.startsWith("0x")) return new BigInteger(s.substring(2), 16);
                if (s.startsWith("0b")) return new BigInteger(s.substring(2), 2);
                return new BigInteger(s);
            } catch (NumberFormatException e) {
                pos--;
                throw error("bad number '" + t + "'");
            }
        }
    }
}
