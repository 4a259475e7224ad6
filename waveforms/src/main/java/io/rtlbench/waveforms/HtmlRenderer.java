package io.rtlbench.waveforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a self-contained HTML viewer (no network: data, CSS and JS inline) for some signals of a
 * cycle range: hierarchy tree, signal search, zoom, and a cursor that shows values. The page
 * template is the resource {@code wave-template.html}; the data goes in as one JSON object, values
 * as hex strings ("x"/"z" when a bit is unknown). Refuses ranges holding more than
 * {@link HtmlOptions#maxChanges} changes, so pages stay loadable.
 */
public final class HtmlRenderer {
    private HtmlRenderer() {}

    public static void write(Waveform w, List<VcdVar> vars, HtmlOptions o, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, render(w, vars, o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    public static String render(Waveform w, List<VcdVar> vars, HtmlOptions o) {
        Map<Integer, StringBuilder> data = new LinkedHashMap<>();
        for (VcdVar v : vars) data.putIfAbsent(v.slot(), new StringBuilder());
        long[] span = collect(w, vars, o, data);
        StringBuilder json = new StringBuilder(1024 + data.values().stream().mapToInt(StringBuilder::length).sum());
        json.append("{\"title\":").append(str(o.title())).append(",\"file\":").append(str(w.file().toString()))
                .append(",\"timescale\":").append(str(w.header().timescale()))
                .append(",\"period\":").append(w.cycles().period()).append(",\"offset\":").append(w.cycles().sampleOffset())
                .append(",\"t0\":").append(span[0]).append(",\"t1\":").append(span[1])
                .append(",\"initial\":").append(o.initialSignals()).append(",\"signals\":[");
        List<Integer> slots = new ArrayList<>(data.keySet());
        for (int i = 0; i < vars.size(); i++) {
            VcdVar v = vars.get(i);
            if (i > 0) json.append(',');
            json.append("{\"p\":").append(str(v.path())).append(",\"w\":").append(v.width()).append(",\"d\":").append(slots.indexOf(v.slot())).append('}');
        }
        json.append("],\"data\":[");
        int k = 0;
        for (StringBuilder sb : data.values()) json.append(k++ > 0 ? "," : "").append('[').append(sb).append(']');
        json.append("]}");
        String page = template().replace("/*WAVE_TITLE*/", escapeHtml(o.title()));
        return page.replace("/*WAVE_DATA*/null", json.toString().replace("</", "<\\/"));
    }

    /** Fills {@code data} with "t,value" pairs per slot; returns the time span [t0, t1] shown. */
    private static long[] collect(Waveform w, List<VcdVar> vars, HtmlOptions o, Map<Integer, StringBuilder> data) {
        CycleMap cm = w.cycles();
        long lo0 = cm.sampleTime(o.fromCycle()), hi = cm.sampleTime(o.toCycle());
        boolean[] real = new boolean[w.header().slots()];
        for (VcdVar v : vars) real[v.slot()] = v.isReal();
        return w.stream(vars, s -> {
            long[] lo = {lo0};
            long[] count = {0};
            boolean[] started = {false};
            long[] now = {-1};
            boolean reachedEnd = s.run(new VcdStream.Listener() {
                @Override public boolean time(long t) {
                    if (now[0] < 0) lo[0] = Math.max(lo[0], t);
                    now[0] = t;
                    if (!started[0] && t > lo[0]) { started[0] = true; snapshot(s, data, lo[0], real); }
                    return t < hi;
                }

                @Override public void change(int slot) {
                    if (!started[0] || !data.containsKey(slot)) return;
                    if (++count[0] > o.maxChanges())
                        throw new IllegalArgumentException("the page would hold more than " + o.maxChanges()
                                + " value changes; choose fewer signals or a shorter cycle range (--from/--to)");
                    append(data.get(slot), now[0], encode(s, slot, real[slot]));
                }
            });
            if (now[0] < 0) throw new IllegalArgumentException(w.file() + " has no value changes to show");
            if (!started[0] && lo[0] > s.lastTime())
                throw new IllegalArgumentException("cycle " + o.fromCycle() + " is after the end of " + w.file() + " (last time " + s.lastTime() + ")");
            if (!started[0]) snapshot(s, data, lo[0], real);
            return new long[] {lo[0], reachedEnd ? Math.min(hi, Math.max(s.lastTime(), lo[0] + cm.period())) : hi};
        });
    }

    private static void snapshot(VcdStream s, Map<Integer, StringBuilder> data, long t, boolean[] real) {
        for (var e : data.entrySet()) append(e.getValue(), t, encode(s, e.getKey(), real[e.getKey()]));
    }

    private static void append(StringBuilder sb, long t, String v) {
        if (sb.length() > 0) sb.append(',');
        sb.append(t).append(",\"").append(v).append('"');
    }

    private static String encode(VcdStream s, int slot, boolean real) {
        if (real) return s.real(slot) == null ? "x" : "r" + s.real(slot).replace("\"", "");
        byte[] b = s.bits(slot);
        for (byte x : b) if (x == 'x' || x == 'z') return String.valueOf((char) x);
        return new BigInteger(new String(b, StandardCharsets.ISO_8859_1), 2).toString(16);
    }

    private static String template() {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("wave-template.html")) {
            if (in == null) throw new IllegalStateException("resource wave-template.html missing from the waveforms jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 32) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String escapeHtml(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
