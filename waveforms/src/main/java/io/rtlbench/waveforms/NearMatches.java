package io.rtlbench.waveforms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the candidates nearest to a mistyped name. Score: the smaller Levenshtein distance
 * between the query and either the whole candidate or its last path elements of the same depth;
 * candidates containing the query (case-insensitive) come first. Candidates too far away
 * (distance above a third of the query length + 2) are dropped.
 */
public final class NearMatches {
    private NearMatches() {}

    public static List<String> of(String query, List<String> candidates, int max) {
        String q = query.toLowerCase(Locale.ROOT);
        int depth = (int) query.chars().filter(c -> c == '.').count() + 1;
        record Scored(String s, int score) {}
        List<Scored> scored = new ArrayList<>();
        int limit = q.length() / 3 + 2;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d;
            if (lc.contains(q)) d = -1000 + lc.length() - q.length();
            else d = Math.min(distance(q, lc), distance(q, tail(lc, depth)));
            if (d <= limit) scored.add(new Scored(c, d));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::s))
                .limit(max).map(Scored::s).toList();
    }

    /** The last {@code n} dotted elements of a path. */
    static String tail(String path, int n) {
        int i = path.length();
        for (int k = 0; k < n; k++) {
            i = path.lastIndexOf('.', i - 1);
            if (i < 0) return path;
        }
        return path.substring(i + 1);
    }

    /** Levenshtein edit distance (insert, delete, substitute; each costs 1). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
