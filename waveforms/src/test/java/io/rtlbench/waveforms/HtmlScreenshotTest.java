package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens a generated page in headless Chromium (Debian's {@code chromium}) and checks the screenshot
 * is not blank: enough pixels in the waveform colour and the tree colour. Skipped, saying why,
 * when chromium is not installed ({@code apt-get install -y chromium}).
 */
@Tag("slow")
class HtmlScreenshotTest {
    static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
            if (new File(c).canExecute()) return c;
        return null;
    }

    @Test void pageRendersWaves() throws Exception {
        String exe = chromium();
        assumeTrue(exe != null, "headless Chromium not found (/usr/bin/chromium): install it with apt-get install -y chromium; skipping the screenshot check");
        Path dir = Path.of("target/test-vcd/html-shot").toAbsolutePath();
        Files.createDirectories(dir);
        Path vcd = dir.resolve("counter.vcd"), page = dir.resolve("page.html"), png = dir.resolve("shot.png");
        Files.deleteIfExists(png);
        SyntheticVcd.counter(vcd, 60, 5);
        Waveform w = Waveform.open(vcd);
        HtmlRenderer.write(w, w.header().vars(), new HtmlOptions("screenshot test", 0, 60, 100_000, 24), page);
        Process p = new ProcessBuilder(exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--screenshot=" + png, "--window-size=1200,800",
                page.toUri().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s (log: " + dir.resolve("chromium.log") + ")");
        assertEquals(0, p.exitValue(), "chromium failed; log: " + Files.readString(dir.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        int green = 0, blue = 0, other = 0, bg = img.getRGB(img.getWidth() - 5, img.getHeight() - 5);
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (g > 150 && r < 160 && b < 160) green++;            // wave lines (#7ee787)
                else if (b > 200 && g > 150 && r < 190) blue++;        // scope names in the tree (#9cdcfe)
                else if (rgb != (bg & 0xffffff)) other++;
            }
        assertTrue(green > 2000, "too few waveform pixels: " + green + " (screenshot " + png + ")");
        assertTrue(blue > 50, "too few tree pixels: " + blue + " (screenshot " + png + ")");
        assertTrue(other > 1000, "page looks blank: " + other + " non-background pixels (screenshot " + png + ")");
    }

    /** The cursor's value column, read from the DOM after the page's JS ran, equals the fixture's values. */
    @Test void cursorShowsTheValuesOfThatCycle() throws Exception {
        String exe = chromium();
        assumeTrue(exe != null, "headless Chromium not found (/usr/bin/chromium): install it with apt-get install -y chromium; skipping the DOM check");
        Path dir = Path.of("target/test-vcd/html-dom").toAbsolutePath();
        Files.createDirectories(dir);
        Path vcd = dir.resolve("counter.vcd"), page = dir.resolve("page.html");
        SyntheticVcd.Counter want = SyntheticVcd.counter(vcd, 40, 8);
        Waveform w = Waveform.open(vcd);
        HtmlRenderer.write(w, w.header().vars(), new HtmlOptions("dom test", 0, 40, 100_000, 24), page);
        int at = 17;
        Process p = new ProcessBuilder(exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--dump-dom", page.toUri() + "#cursor=" + at + "&radix=dec")
                .redirectError(dir.resolve("chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<div id=\"values\">(.*?)</div></div>").matcher(dom);
        assertTrue(m.find(), "no values column in the DOM: " + dom.substring(0, Math.min(2000, dom.length())));
        List<String> cells = java.util.regex.Pattern.compile("<div class=\"row\">([^<]*)</div>").matcher(m.group(1) + "</div>")
                .results().map(r -> r.group(1)).toList();
        // rows: header, clock, valid, data, state, count, data_in
        assertEquals(List.of("@" + at, "0", String.valueOf(want.valid()[at]), String.valueOf(want.data()[at]),
                String.valueOf(want.state()[at]), String.valueOf(want.count()[at]), String.valueOf(want.data()[at])), cells, dom.length() + " chars of DOM");
    }
}
