package io.rtlbench.tools.sweep;

import io.rtlbench.tools.cli.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The sweep's results file (Apache Commons CSV): one row per (point, layer), appended as points
 * finish and read back at start so finished points are not run again. The file is locked for the
 * whole sweep ({@code <file>.lock}, across processes): a second sweep on it is refused. A last line
 * cut short by an interrupted run is removed (with a warning); any other malformed line is an error
 * naming it. {@link #read} reads a CSV another process may be writing (merge, status). A CSV with the
 * columns of version 1 (before format and sampling) is read as int8 rows with every tile emulated, and
 * rewritten with the current columns when a sweep opens it (its rows then resume an int8 {@code --sample off}
 * sweep; other sweeps append their rows next to them).
 */
final class SweepCsv implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<SweepRow> rows = new ArrayList<>();

    private SweepCsv(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static SweepCsv open(Path file) {
        if (Files.isDirectory(file)) throw new UserError("--out " + file + " is a directory; give a CSV file name");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            FileChannel ch = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new UserError("another sweep is writing " + file + "; wait for it to finish or use another --out");
            }
            SweepCsv c = new SweepCsv(file, ch, lock);
            try {
                c.load();
            } catch (IOException | RuntimeException e) {
                c.close();  // a file we refuse must not stay locked
                throw e;
            }
            return c;
        } catch (IOException e) {
            throw new UserError("cannot open " + file + ": " + e.getMessage());
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.writeString(file, String.join(",", SweepRow.COLUMNS) + "\n");
            return;
        }
        repairTail();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        rows.addAll(parse(file, text));
        if (!text.startsWith(String.join(",", SweepRow.COLUMNS) + "\n")) {
            write(file, rows);
            System.err.println("rtlbench: note: " + file + " had the columns of an earlier rtlbench; rewrote it with format, sample, sampled,"
                    + " tiles_total, tiles_emulated and cycles_ci (its " + rows.size() + " rows were int8, every tile emulated: --sample off)");
        }
    }

    /**
     * The rows of a sweep CSV, read without locking or changing it (a shard may still be appending: a
     * last line without its newline is not finished and is left out).
     */
    static List<SweepRow> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return parse(file, end < 0 ? "" : text.substring(0, end + 1));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<SweepRow> parse(Path file, String text) throws IOException {
        List<SweepRow> out = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text)) {
            List<CSVRecord> records = FORMAT.parse(r).getRecords();
            List<String> header = records.isEmpty() ? List.of() : records.get(0).toList();
            if (!header.equals(SweepRow.COLUMNS) && !header.equals(SweepRow.V1_COLUMNS))
                throw new UserError(file + " is not a sweep CSV of this version (its header differs); use another --out");
            for (CSVRecord rec : records.subList(1, records.size())) {
                if (rec.size() != header.size())
                    throw new UserError(file + " line " + rec.getRecordNumber() + " has " + rec.size() + " fields, not " + header.size()
                            + "; repair or remove the file");
                try {
                    out.add(SweepRow.parse(rec.toList()));
                } catch (IllegalArgumentException e) {
                    throw new UserError(file + " line " + rec.getRecordNumber() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** Writes {@code rows} under the header to {@code file} at once (a temporary sibling renamed over it). */
    static void write(Path file, List<SweepRow> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord(SweepRow.COLUMNS);
                for (SweepRow r : rows) p.printRecord(r.fields());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A file that does not end in a newline lost its last line to an interrupted write: cut it off. */
    private void repairTail() throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all[all.length - 1] == '\n') return;
        int cut = all.length - 1;
        while (cut >= 0 && all[cut] != '\n') cut--;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(cut + 1);
        }
        System.err.println("rtlbench: warning: " + file + " ended in a partial line (an interrupted run); removed it");
    }

    /** True when every one of {@code layers} rows of the point with this key is present. */
    synchronized boolean has(String pointKey, List<String> layers) {
        for (String layer : layers)
            if (rows.stream().noneMatch(r -> r.pointKey().equals(pointKey) && r.layer().equals(layer))) return false;
        return true;
    }

    synchronized void append(List<SweepRow> newRows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            for (SweepRow r : newRows) p.printRecord(r.fields());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
        rows.addAll(newRows);
    }

    synchronized List<SweepRow> rows() { return List.copyOf(rows); }

    /**
     * Drops the rows of a point that has only some of its layers (a run killed while appending them),
     * so that running it again does not duplicate the others. Rewrites the file once, atomically.
     */
    synchronized void dropPartial(String pointKey) {
        if (rows.removeIf(r -> r.pointKey().equals(pointKey))) write(file, rows);
    }

    @Override public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
