package io.rtlbench.waveforms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves user-given signal names against a header. A name matches, in this order: a full path
 * ({@code TOP.MacGrid.pe_0_0.acc}); a unique dotted suffix ({@code pe_0_0.acc}, {@code io_clear});
 * a glob ({@code *} any characters, {@code ?} one) on the full path or a dotted suffix of it, e.g.
 * {@code pe_0_*.acc} or {@code TOP.*.acc}.
 * A suffix matching several paths picks the shortest when exactly one is shortest (the top-level
 * port over its copies inside modules), else it is ambiguous. Failures list near matches.
 */
final class SignalMatcher {
    private SignalMatcher() {}

    static VcdVar one(VcdHeader h, String name) {
        List<VcdVar> m = match(h, name);
        if (m.isEmpty()) throw unknown(h, name);
        if (m.size() > 1 && isGlob(name))
            throw new UnknownSignalException("'" + name + "' matches " + m.size() + " signals; name one", m.stream().limit(8).map(VcdVar::path).toList());
        return m.get(0);
    }

    static List<VcdVar> all(VcdHeader h, List<String> patterns) {
        Set<VcdVar> out = new LinkedHashSet<>();
        for (String p : patterns) {
            List<VcdVar> m = match(h, p);
            if (m.isEmpty()) throw unknown(h, p);
            out.addAll(m);
        }
        return new ArrayList<>(out);
    }

    /** All variables a name or glob matches (empty when none). */
    static List<VcdVar> match(VcdHeader h, String name) {
        VcdVar exact = h.byPath().get(name);
        if (exact != null) return List.of(exact);
        if (isGlob(name)) {
            Pattern p = glob(name);
            return h.vars().stream().filter(v -> p.matcher(v.path()).matches()).toList();
        }
        List<VcdVar> suffix = h.vars().stream().filter(v -> v.path().endsWith("." + name)).toList();
        if (suffix.size() <= 1) return suffix;
        int shortest = suffix.stream().mapToInt(v -> v.path().length()).min().orElseThrow();
        List<VcdVar> best = suffix.stream().filter(v -> v.path().length() == shortest).toList();
        if (best.size() == 1) return best;
        throw new UnknownSignalException("'" + name + "' is ambiguous: it ends " + suffix.size() + " paths; give more of the path",
                suffix.stream().limit(8).map(VcdVar::path).toList());
    }

    static boolean isGlob(String s) { return s.indexOf('*') >= 0 || s.indexOf('?') >= 0; }

    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder("(?:.*\\.)?");
        for (char c : g.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    static UnknownSignalException unknown(VcdHeader h, String name) {
        return new UnknownSignalException("no signal '" + name + "' in " + h.file() + " (" + h.vars().size() + " signals)",
                NearMatches.of(name, h.vars().stream().map(VcdVar::path).toList(), 6));
    }
}
