package io.rtlbench.waveforms;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads an FST file (GTKWave's compressed format, Verilator's --trace-fst) as a VCD stream by
 * running GTKWave's {@code fst2vcd} and reading its output; closing the stream stops the process.
 * Simplification: needs {@code fst2vcd} on the PATH (Debian package {@code gtkwave}); each query
 * converts again (fst2vcd streams, so memory stays bounded).
 */
final class FstSource {
    private FstSource() {}

    static InputStream open(Path fst) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("fst2vcd", fst.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new VcdException("reading " + fst + " needs GTKWave's fst2vcd on the PATH (apt-get install gtkwave): " + e.getMessage(), e);
        }
        return new FilterInputStream(p.getInputStream()) {
            private boolean ended;

            @Override public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0 && !ended) {
                    ended = true;
                    try {
                        if (p.waitFor() != 0) throw new IOException("fst2vcd failed on " + fst + " (exit code " + p.exitValue() + "; is it an FST file?)");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for fst2vcd", e);
                    }
                }
                return n;
            }

            @Override public void close() throws IOException {
                p.destroy();
                super.close();
            }
        };
    }
}
