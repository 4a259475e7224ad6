package io.rtlbench.tools.report;

import java.util.List;
import java.util.Locale;

/**
 * A small hand-written SVG chart canvas: a title, a plot area with axes (linear or log, see
 * {@link Axis}), grid lines and tick labels, categorical x bands, bars, polylines, markers with
 * tooltips, text and a legend. All text is XML-escaped; the output is a standalone, well-formed SVG
 * document with no external resources. Typical use: construct, set axes, draw, {@link #svg()}.
 */
final class SvgChart {
    static final String FONT = "font-family=\"Helvetica,Arial,sans-serif\"";
    final int width, height;
    final double left = 78, right, top, bottom;
    private final StringBuilder body = new StringBuilder();
    private final String title;
    Axis x, y;
    private List<String> categories;

    SvgChart(String title, int width, int height, double topMargin, double rightMargin, double bottomMargin) {
        this.title = title; this.width = width; this.height = height;
        this.top = topMargin; this.right = width - rightMargin; this.bottom = height - bottomMargin;
    }

    SvgChart(String title, int width, int height) { this(title, width, height, 58, 24, 70); }

    /** Draws a y axis with horizontal grid lines, tick labels and a rotated label. */
    void yAxis(Axis a, String label) {
        y = a;
        for (double t : a.ticks()) {
            double py = a.px(t);
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>%n", left, py, right, py));
            text(left - 6, py + 4, Axis.fmt(t), "end", 11, "#444");
        }
        body.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\" %s>%s</text>%n",
                (top + bottom) / 2, (top + bottom) / 2, FONT, esc(label + (a.log ? " (log)" : ""))));
        frame();
    }

    /** Draws a numeric x axis with vertical grid lines and tick labels. */
    void xAxis(Axis a, String label) {
        x = a;
        for (double t : a.ticks()) {
            double px = a.px(t);
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>%n", px, top, px, bottom));
            text(px, bottom + 16, Axis.fmt(t), "middle", 11, "#444");
        }
        text((left + right) / 2, bottom + 36, label + (a.log ? " (log)" : ""), "middle", 12, "#222");
    }

    /** A categorical x axis: one band per category, labelled under the plot. */
    void categories(List<String> cats, String label) {
        categories = cats;
        for (int i = 0; i < cats.size(); i++) text((band(i)[0] + band(i)[1]) / 2, bottom + 16, cats.get(i), "middle", 11, "#222");
        text((left + right) / 2, bottom + 38, label, "middle", 12, "#222");
    }

    /** Pixel span [x0, x1] of category band i (with 15% padding each side). */
    double[] band(int i) {
        double w = (right - left) / categories.size();
        return new double[] {left + i * w + 0.15 * w, left + (i + 1) * w - 0.15 * w};
    }

    /** A bar at pixel x..x+w from data value v0 to v1 on the y axis. */
    void bar(double px, double pw, double v0, double v1, String color, String tooltip) {
        double a = y.px(v0), b = y.px(v1);
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                px, Math.min(a, b), pw, Math.abs(a - b), color, esc(tooltip)));
    }

    /** A line through data points (x, y pairs). */
    void polyline(List<double[]> pts, String color, double strokeWidth, boolean dashed) {
        StringBuilder p = new StringBuilder();
        for (double[] d : pts) p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.px(d[0]), y.px(d[1])));
        body.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                p.toString().strip(), color, strokeWidth, dashed ? " stroke-dasharray=\"6 4\"" : ""));
    }

    /** A marker at a data point: a circle, or a square when {@code square}. */
    void marker(double dx, double dy, String color, boolean square, String tooltip) {
        double px = x.px(dx), py = y.px(dy);
        String shape = square
                ? String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\" stroke=\"#fff\">", px - 5, py - 5, color)
                : String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\" fill=\"%s\" stroke=\"#fff\">", px, py, color);
        body.append(shape).append("<title>").append(esc(tooltip)).append(square ? "</title></rect>\n" : "</title></circle>\n");
    }

    void text(double px, double py, String s, String anchor, int size, String color) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\" %s>%s</text>%n",
                px, py, anchor, size, color, FONT, esc(s)));
    }

    /** Text with a white halo so it stays readable over lines and markers. */
    void label(double px, double py, String s, String anchor, int size, String color) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" %s>%s</text>%n",
                px, py, anchor, size, color, FONT, esc(s)));
    }

    /** A legend under the title: a swatch and a name per entry, wrapping to a new row (16 px) at the right edge. */
    void legend(List<String> names, List<String> colors) {
        double px = left, py = 32;
        for (int i = 0; i < names.size(); i++) {
            double w = 26 + 6.6 * names.get(i).length();
            if (px > left && px + w - 12 > right) { px = left; py += 17; }
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", px, py, colors.get(i)));
            text(px + 16, py + 10, names.get(i), "start", 12, "#222");
            px += w;
        }
    }

    /** A dashed vertical marker line at data value {@code dx} on the x axis, labelled at the top. */
    void vline(double dx, String label) {
        double px = x.px(dx);
        body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" stroke-dasharray=\"3 3\"/>%n", px, top, px, bottom));
        text(px + 4, top + 12, label, "start", 10, "#555");
    }

    private void frame() {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>%n",
                left, top, right - left, bottom - top));
    }

    String svg() {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", width, height, width, height)
                + String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", width, height)
                + String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#111\" %s>%s</text>%n", left, FONT, esc(title))
                + body + "</svg>\n";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> { if (c >= 0x20 || c == '\n' || c == '\t') b.append(c); }
            }
        }
        return b.toString();
    }
}
