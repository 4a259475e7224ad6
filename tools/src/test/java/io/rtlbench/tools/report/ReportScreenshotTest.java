package io.rtlbench.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fixture's report in headless Chromium and checks the screenshot is not blank (many
 * distinct colours, both core colours present). Skipped without /usr/bin/chromium. Keep the page and
 * screenshot with -Drtlbench.reportKeep=DIR.
 */
@Tag("slow")
class ReportScreenshotTest {
    @TempDir Path tmp;

    @Test void chromiumRendersANonBlankPage() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium");
        String keep = System.getProperty("rtlbench.reportKeep");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : tmp;
        Path html = ReportWriter.write(ReportWriterTest.fixture(), dir.resolve("page.html")).get(0);
        Path png = dir.resolve("page.png");
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + png, "--window-size=1400,2400",
                html.toUri().toString())).redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(tmp.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        boolean sys = false, simt = false;
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                sys |= rgb == 0x2463a8;
                simt |= rgb == 0xe07020;
            }
        assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
        assertTrue(sys && simt, "both core colours should appear in the charts (systolic " + sys + ", SIMT " + simt + ")");
    }
}
