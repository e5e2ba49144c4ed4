package dev.camelspark.support.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelspark.support.http.SparkHashes;
import dev.camelspark.support.http.SparkJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records as files: one JSON document per task in a directory, so they survive a restart. Each write goes to a temp
 * file in the same directory, is flushed to disk, then atomically renamed over the record, so a crash leaves either
 * the old record or the new one, never half of one. The directory is read once on start; a delivered task's file
 * is deleted. One JVM per directory: claims are kept in memory only, since after a restart nobody holds one.
 */
public class FileTaskStore extends MemoryTaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTaskStore.class);
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";
    /** An intent ({@link TaskIntent}): not {@code .json}, so that no older version takes it for a record. */
    private static final String INTENT_SUFFIX = ".intent";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    static final ObjectMapper MAPPER = SparkJson.MAPPER.copy()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // header values come back as they went in: a file length stays a Long
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final Path directory;

    public FileTaskStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public FileTaskStore(Path directory, Clock clock) {
        super(clock);
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Creates the directory if needed and loads every record in it; temp files of an interrupted write go. */
    @Override
    public synchronized void start() throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX)) {
                    read(file);
                } else if (name.endsWith(INTENT_SUFFIX)) {
                    readIntent(file);
                }
            }
        }
        LOG.debug("Task store {}: {} pending task(s)", directory, size());
    }

    private void read(Path file) {
        try {
            TaskRecord r = MAPPER.readValue(file.toFile(), TaskRecord.class);
            // claims do not outlive the JVM that made them
            load(r.claimedBy() == null ? r : r.claimed(null, null));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Task store {}: skipping unreadable record {}: {}", directory, file.getFileName(), e.getMessage());
        }
    }

    private void readIntent(Path file) {
        try {
            loadIntent(MAPPER.readValue(file.toFile(), TaskIntent.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Task store {}: skipping unreadable intent {}: {}", directory, file.getFileName(), e.getMessage());
        }
    }

    @Override
    protected void persist(TaskRecord record) {
        write(fileOf(record), record.claimedBy() == null ? record : record.claimed(null, null));
    }

    @Override
    protected void persistIntent(TaskIntent intent) {
        write(fileOf(intent), intent);
    }

    @Override
    protected void eraseIntent(TaskIntent intent) {
        try {
            Files.deleteIfExists(fileOf(intent));
            syncDirectory();
        } catch (IOException e) {
            // left behind, it makes the same input fail as an unknown outcome: say so
            throw new UncheckedIOException("cannot delete task intent " + fileOf(intent) + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} as JSON to a temp file, flushed, then renamed over {@code target}. */
    private void write(Path target, Object value) {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try {
            byte[] json = MAPPER.writeValueAsBytes(value);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next start deletes it
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void erase(TaskRecord record) {
        try {
            Files.deleteIfExists(fileOf(record));
            syncDirectory();
        } catch (IOException e) {
            // the task was handed out; a record left behind would only be handed out again after a restart
            LOG.warn("Task store {}: could not delete the record of delivered task {}: {}", directory, record.taskId(),
                    e.getMessage());
        }
    }

    /** Makes the rename itself durable (a no-op where directories cannot be opened, e.g. on Windows). */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }

    /** {@code <provider>-<hash of the task key>.intent}. */
    Path fileOf(TaskIntent intent) {
        String provider = UNSAFE.matcher(intent.provider()).replaceAll("_");
        return directory.resolve(provider + "-" + SparkHashes.sha256Hex(intent.provider() + "\n" + intent.taskKey(), 16)
                                 + INTENT_SUFFIX);
    }

    /** {@code <provider>-<taskId>.json}, with characters unsafe in a file name replaced and a hash to keep it unique. */
    Path fileOf(TaskRecord record) {
        String raw = record.provider() + "-" + record.taskId();
        String safe = UNSAFE.matcher(raw).replaceAll("_");
        if (!safe.equals(raw) || safe.length() > 120) {
            safe = safe.substring(0, Math.min(safe.length(), 100)) + "-" + SparkHashes.sha256Hex(raw, 6);
        }
        return directory.resolve(safe + SUFFIX);
    }

    @Override
    public String toString() {
        return "file task store " + directory;
    }
}
