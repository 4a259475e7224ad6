package io.rtlbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache entries: made once under concurrency, whole or absent, failures kept for their logs, dead producers' leftovers swept. */
class FileCacheTest {
    @TempDir Path dir;

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test void eightThreadsProduceAnEntryOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Path target = dir.resolve("entry");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Path>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++)
            fs.add(pool.submit(() -> FileCache.directory(target, tmp -> {
                made.incrementAndGet();
                Files.writeString(tmp.resolve("x"), "42");
            })));
        for (Future<Path> f : fs) assertEquals(target, f.get());
        pool.shutdown();
        assertEquals(1, made.get());
        assertEquals("42", Files.readString(target.resolve("x")));
        assertEquals(List.of(".entry.lock", "entry"), names(dir), "no temporaries left");
    }

    @Test void aFailedProducerLeavesItsFilesAsFailedAndNoEntry() throws Exception {
        Path target = dir.resolve("lib");
        var e = assertThrows(IllegalStateException.class, () -> FileCache.directory(target, tmp -> {
            Files.writeString(tmp.resolve("build.log"), "error: no such signal");
            throw new IllegalStateException("build failed; log: " + FileCache.failed(target).resolve("build.log"));
        }));
        assertTrue(e.getMessage().contains("lib.failed"));
        assertFalse(Files.exists(target));
        assertEquals("error: no such signal", Files.readString(FileCache.failed(target).resolve("build.log")));
        assertEquals(List.of(".lib.lock", "lib.failed"), names(dir));
        FileCache.file(dir.resolve("f.txt"), tmp -> Files.writeString(tmp, "ok"));  // a later success elsewhere is unaffected
        assertEquals("ok", Files.readString(dir.resolve("f.txt")));
    }

    @Test void leftoversOfDeadProducersAreSwept() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = dir.resolve(".tmp-" + dead.pid() + "-old-123");
        Files.createDirectories(stale.resolve("obj"));
        Path live = dir.resolve(".tmp-" + ProcessHandle.current().pid() + "-mine-1");
        Files.createDirectories(live);
        FileCache.file(dir.resolve("new"), tmp -> Files.writeString(tmp, "x"));
        assertFalse(Files.exists(stale), "a dead process's temporary is removed");
        assertTrue(Files.exists(live), "this process's own temporaries are left alone");
    }

    @Test void hashIsStableAndSeparatesParts() {
        assertEquals(FileCache.hash("a", "b"), FileCache.hash("a", "b"));
        assertFalse(FileCache.hash("ab", "").equals(FileCache.hash("a", "b")));
        assertEquals(16, FileCache.hash("x").length());
    }
}
