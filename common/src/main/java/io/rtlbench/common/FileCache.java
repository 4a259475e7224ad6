package io.rtlbench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The rtlbench cache (extracted firtool, Verilator builds, compiled kernels, Yosys statistics) and
 * the one way entries are made in it: an entry (file or directory) named by a content hash is
 * produced into a temporary sibling ({@code .tmp-<pid>-<name>-<n>}) and moved into place atomically,
 * so a reader sees a whole entry or none. Producers of the same entry are serialized, threads of a
 * JVM by a lock object and JVMs by a lock file, so each entry is made once. A failed producer's
 * files are kept as {@code <name>.failed} (for its log); temporaries of producers that died (their
 * process is gone) are deleted by the next producer in that folder.
 */
public final class FileCache {
    private static final ConcurrentHashMap<String, Object> LOCKS = new ConcurrentHashMap<>();

    /** Makes the entry's content in {@code tmp} (a file path, or a directory that already exists). */
    @FunctionalInterface
    public interface Producer {
        void produce(Path tmp) throws IOException;
    }

    private FileCache() {}

    /** {@code $RTLBENCH_CACHE}, else {@code $XDG_CACHE_HOME/rtlbench}, else {@code ~/.cache/rtlbench}. */
    public static Path root() {
        String env = System.getenv("RTLBENCH_CACHE");
        if (env != null && !env.isEmpty()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "rtlbench");
        return Path.of(System.getProperty("user.home"), ".cache", "rtlbench");
    }

    /** SHA-256 of the parts (each followed by a NUL), as 16 hex digits: the key of a cache entry. */
    public static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry {@code file}, produced first if it does not exist; the producer writes the file it is given. */
    public static Path file(Path file, Producer producer) { return entry(file, false, producer); }

    /** The entry {@code dir}, produced first if it does not exist; the producer fills the (empty) directory it is given. */
    public static Path directory(Path dir, Producer producer) { return entry(dir, true, producer); }

    /** Where a failed producer's files are kept (and the log inside them found). */
    public static Path failed(Path entry) { return entry.resolveSibling(entry.getFileName() + ".failed"); }

    private static Path entry(Path target, boolean directory, Producer producer) {
        if (Files.exists(target)) return target;
        Path parent = target.toAbsolutePath().getParent();
        synchronized (LOCKS.computeIfAbsent(target.toAbsolutePath().toString(), k -> new Object())) {
            try {
                Files.createDirectories(parent);
                try (FileChannel ch = FileChannel.open(parent.resolve("." + target.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = ch.lock()) {
                    if (Files.exists(target)) return target;
                    sweepStale(parent);
                    Path tmp = parent.resolve(".tmp-" + ProcessHandle.current().pid() + "-" + target.getFileName() + "-" + System.nanoTime());
                    if (directory) Files.createDirectory(tmp);
                    try {
                        producer.produce(tmp);
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException | RuntimeException | Error e) {
                        keepFailed(tmp, failed(target));
                        throw e;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("rtlbench cache entry " + target + ": " + e.getMessage(), e);
            }
        }
        return target;
    }

    /** Deletes {@code .tmp-<pid>-*} entries in {@code dir} whose process no longer runs. */
    static void sweepStale(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".tmp-*")) {
            for (Path p : s) {
                String[] parts = p.getFileName().toString().split("-", 3);
                try {
                    long pid = Long.parseLong(parts[1]);
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                    if (pid == ProcessHandle.current().pid()) continue;
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    continue;
                }
                delete(p);
            }
        } catch (IOException ignored) {
            // best effort: a folder we cannot list keeps its leftovers
        }
    }

    private static void keepFailed(Path tmp, Path failed) {
        try {
            delete(failed);
            if (Files.exists(tmp)) Files.move(tmp, failed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(tmp);
        }
    }

    /** Deletes a file or a directory tree, quietly (a cache leftover is not worth failing for). */
    public static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
