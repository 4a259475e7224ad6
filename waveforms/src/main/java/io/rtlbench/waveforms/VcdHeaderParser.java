package io.rtlbench.waveforms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the declaration section of a VCD (up to {@code $enddefinitions $end}) from a
 * {@link TokenScanner}, leaving it positioned at the first value-change token. Unknown
 * {@code $keyword ... $end} sections (attributes, comments) are skipped. Simplification: a variable
 * declared twice with the same path keeps both, the second named with its bit range appended.
 */
final class VcdHeaderParser {
    private VcdHeaderParser() {}

    static VcdHeader parse(TokenScanner sc) {
        String timescale = "", version = "";
        VcdScope root = new VcdScope("", "", "root");
        Deque<VcdScope> stack = new ArrayDeque<>();
        stack.push(root);
        List<VcdVar> vars = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        IdTable ids = new IdTable();
        Set<String> paths = new HashSet<>();
        long openLine = -1;
        while (sc.next()) {
            if (sc.is("$enddefinitions")) {
                readSection(sc, "$enddefinitions");
                if (stack.size() > 1) throw sc.error("$enddefinitions while scope '" + stack.peek().path() + "' is still open (missing $upscope)");
                int[] w = widths.stream().mapToInt(Integer::intValue).toArray();
                return new VcdHeader(sc.file, timescale, version, root, vars, w, ids, sc.line());
            } else if (sc.is("$scope")) {
                List<String> t = readSection(sc, "$scope");
                if (t.size() < 2) throw sc.error("$scope needs a kind and a name, got: $scope " + String.join(" ", t) + " $end");
                VcdScope parent = stack.peek();
                String path = parent.path().isEmpty() ? t.get(1) : parent.path() + "." + t.get(1);
                VcdScope s = new VcdScope(t.get(1), path, t.get(0));
                parent.add(s);
                stack.push(s);
            } else if (sc.is("$upscope")) {
                readSection(sc, "$upscope");
                if (stack.size() == 1) throw sc.error("$upscope without a matching $scope");
                stack.pop();
            } else if (sc.is("$var")) {
                openLine = sc.tokLine;
                VcdVar v = parseVar(sc, readSection(sc, "$var"), stack.peek(), ids, widths, paths, openLine);
                vars.add(v);
                stack.peek().add(v);
            } else if (sc.is("$timescale")) {
                timescale = String.join("", readSection(sc, "$timescale"));
            } else if (sc.is("$version")) {
                version = String.join(" ", readSection(sc, "$version"));
            } else if (sc.len > 0 && sc.tok[0] == '$') {
                readSection(sc, sc.text());
            } else {
                throw sc.error("unexpected '" + abbreviate(sc.text()) + "' in the header (expected a $keyword; is this a VCD file?)");
            }
        }
        throw VcdException.at(sc.file, sc.line(), "truncated or not a VCD: the header has no $enddefinitions (file ends at line " + sc.line() + ")");
    }

    private static VcdVar parseVar(TokenScanner sc, List<String> t, VcdScope scope, IdTable ids, List<Integer> widths, Set<String> paths, long line) {
        if (t.size() < 4) throw VcdException.at(sc.file, line, "$var needs type, width, code and name, got: $var " + String.join(" ", t) + " $end");
        int width;
        try {
            width = Integer.parseInt(t.get(1));
        } catch (NumberFormatException e) {
            throw VcdException.at(sc.file, line, "$var width '" + t.get(1) + "' is not a number");
        }
        if (width < 1) throw VcdException.at(sc.file, line, "$var width must be >= 1, got " + width);
        String code = t.get(2), name = t.get(3), range = t.size() > 4 ? String.join("", t.subList(4, t.size())) : "";
        int br = name.indexOf('[');
        if (br > 0 && name.endsWith("]") && range.isEmpty()) {
            range = name.substring(br);
            name = name.substring(0, br);
        }
        String path = scope.path().isEmpty() ? name : scope.path() + "." + name;
        if (!paths.add(path)) {
            path = path + range;
            paths.add(path);
        }
        byte[] cb = code.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int slot = ids.get(cb, 0, cb.length);
        if (slot < 0) {
            slot = widths.size();
            widths.add(width);
            ids.put(code, slot);
        } else if (widths.get(slot) != width) {
            throw VcdException.at(sc.file, line, "$var '" + path + "' reuses code '" + code + "' with width " + width
                    + " but it was declared with width " + widths.get(slot));
        }
        return new VcdVar(path, name, range, width, t.get(0), code, slot);
    }

    /** Tokens up to {@code $end}; errors when the file ends first. */
    private static List<String> readSection(TokenScanner sc, String keyword) {
        long start = sc.tokLine;
        List<String> out = new ArrayList<>();
        while (sc.next()) {
            if (sc.is("$end")) return out;
            if (!keyword.equals("$comment") && (sc.is("$var") || sc.is("$scope") || sc.is("$upscope") || sc.is("$enddefinitions")))
                throw sc.error(keyword + " opened on line " + start + " is not closed by $end before '" + sc.text() + "'");
            if (out.size() < 64) out.add(sc.text());
        }
        throw VcdException.at(sc.file, sc.line(), "truncated: " + keyword + " opened on line " + start + " is not closed by $end (file ends at line " + sc.line() + ")");
    }

    static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 37) + "..."; }
}
