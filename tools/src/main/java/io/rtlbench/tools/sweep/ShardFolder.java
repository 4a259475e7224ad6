package io.rtlbench.tools.sweep;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of shard outputs: {@code sweep.json} (the sweep's description, its id and the number of
 * shards it is split into; written by the first shard or by {@code --slurm}, then only checked), and
 * per shard {@code shard-I-of-N.csv} (rows appended as points finish, resumable) and
 * {@code shard-I-of-N.json} (its rows, written when the shard is done). A folder holds one sweep and
 * one split: a shard of another sweep or split is refused before it runs.
 */
final class ShardFolder {
    static final String DESCRIPTION_FILE = "sweep.json";
    private static final Pattern SHARD_CSV = Pattern.compile("shard-(\\d+)-of-(\\d+)\\.csv");

    /** What {@code sweep.json} holds. */
    public record FolderFile(String sweepId, Integer shards, SweepDescription description) {}

    private ShardFolder() {}

    static Path csv(Path dir, Shard s) { return dir.resolve("shard-" + s.index() + "-of-" + s.count() + ".csv"); }

    static Path json(Path dir, Shard s) { return dir.resolve("shard-" + s.index() + "-of-" + s.count() + ".json"); }

    /**
     * Makes {@code dir} the folder of sweep {@code d} split into {@code shards}: writes its
     * {@code sweep.json}, or checks that the one there says the same; {@code option} names the flag.
     */
    static void claim(Path dir, SweepDescription d, int shards, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UserError(option + " " + dir + " is a file; with " + (option.equals("--out") ? "--shard" : option) + " it names a folder");
        Path file = dir.resolve(DESCRIPTION_FILE);
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, DESCRIPTION_FILE, ".tmp");
                Files.writeString(tmp, JsonFiles.write(new FolderFile(d.id(), shards, d)));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UserError("cannot write " + file + ": " + e.getMessage());
            }
        }
        FolderFile there = read(dir);
        if (!there.sweepId().equals(d.id()))
            throw new UserError(dir + " holds shards of sweep " + there.sweepId() + ", not of this sweep (" + d.id()
                    + "): the options differ from the ones it was made with; use another folder");
        if (there.shards() != shards)
            throw new UserError(dir + " holds sweep " + d.id() + " split into " + there.shards() + " shards, not " + shards
                    + "; use --shard I/" + there.shards() + " or another folder");
    }

    /** Reads and checks {@code dir/sweep.json}: its id must match its description. */
    static FolderFile read(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserError(dir + " is not a folder of sweep shards");
        Path file = dir.resolve(DESCRIPTION_FILE);
        if (!Files.isRegularFile(file)) throw new UserError(dir + " has no " + DESCRIPTION_FILE + ": not a folder of sweep shards");
        FolderFile f = JsonFiles.read(file, FolderFile.class, "sweep description");
        if (f.shards() < 1) throw new UserError(file + ": shards must be >= 1, got " + f.shards());
        if (f.description().version() != SweepDescription.VERSION)
            throw new UserError(file + " is a version " + f.description().version() + " sweep description; this rtlbench reads version "
                    + SweepDescription.VERSION + " (written by another rtlbench version: run the sweep into a new folder)");
        if (!f.description().id().equals(f.sweepId()))
            throw new UserError(file + " was edited: its sweep_id " + f.sweepId() + " does not match its description (" + f.description().id() + ")");
        return f;
    }

    /** The shard CSVs in {@code dir} by shard (of any split). */
    static Map<Shard, Path> shardFiles(Path dir) {
        Map<Shard, Path> out = new TreeMap<>(java.util.Comparator.comparingInt(Shard::count).thenComparingInt(Shard::index));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = SHARD_CSV.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                try {
                    out.put(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), p);
                } catch (IllegalArgumentException e) {
                    throw new UserError(p + " is not a shard file: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** True while a sweep holds the lock of {@code csv} (the shard is running). */
    static boolean running(Path csv) {
        Path lockFile = csv.resolveSibling(csv.getFileName() + ".lock");
        if (!Files.exists(lockFile)) return false;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
