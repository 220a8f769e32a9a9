package org.trustbench.sync.format;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hidden temporary files of {@link PackageWriter}: {@code .<name>.tbsync.parts-<n>} folders (records and
 * attachments) and {@code .<name>.tbsync.<n>.tmp} files (the ZIP before its rename). A writer holds an exclusive lock
 * on {@code lock} in its folder while it works; a killed process loses the lock, so an unlocked folder is a leftover.
 */
final class WriterLeftovers {

    static final String PARTS = ".parts-";
    static final String LOCK = "lock";
    /** A folder without a lock file is a leftover only when older than this (a writer may be just creating it). */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);
    private static final Pattern PARTS_NAME = Pattern.compile("\\.(.+\\.tbsync)\\.parts-[0-9]+");
    private static final Pattern ZIP_NAME = Pattern.compile("\\.(.+\\.tbsync)\\.[0-9]+\\.tmp");

    private WriterLeftovers() {
    }

    static FileChannel lock(Path work) throws IOException {
        FileChannel channel = FileChannel.open(work.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static FileChannel release(FileChannel lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // closing releases the lock; nothing else to do
            }
        }
        return null;
    }

    static int remove(Path dir) {
        List<Path> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            return 0;
        }
        Set<String> live = new HashSet<>();
        List<Path> stale = new ArrayList<>();
        for (Path p : names) {
            Matcher m = PARTS_NAME.matcher(p.getFileName().toString());
            if (m.matches() && Files.isDirectory(p)) {
                if (inUse(p)) {
                    live.add(m.group(1));
                } else {
                    stale.add(p);
                }
            }
        }
        for (Path p : names) {
            Matcher m = ZIP_NAME.matcher(p.getFileName().toString());
            if (m.matches() && Files.isRegularFile(p) && !live.contains(m.group(1))) {
                stale.add(p);
            }
        }
        int removed = 0;
        for (Path p : stale) {
            if (delete(p)) {
                removed++;
            }
        }
        return removed;
    }

    /** Whether a writer still works in {@code parts}: its lock is held, or it is too young to have taken one. */
    private static boolean inUse(Path parts) {
        try (FileChannel channel = FileChannel.open(parts.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true; // another process holds it
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // a writer in this JVM
        } catch (NoSuchFileException e) {
            try {
                FileTime modified = Files.getLastModifiedTime(parts);
                return modified.toInstant().isAfter(Instant.now().minus(UNLOCKED_GRACE));
            } catch (IOException gone) {
                return true;
            }
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    private static boolean delete(Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            return false;
        }
        return !Files.exists(p);
    }
}
