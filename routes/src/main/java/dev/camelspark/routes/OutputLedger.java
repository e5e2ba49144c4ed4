package dev.camelspark.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.http.SparkHashes;

/**
 * What the application remembers of each job between runs, in {@code <dir>/state/}:
 * <ul>
 * <li>{@code outputs/<name>.claim}: which job owns an output name. A job claims its name before any call, so two
 * jobs wanting one name ({@code a b.txt} and {@code a_b.txt}, two jobs named {@code poster}) never write one file:
 * the later gets {@code poster-2}, and keeps it on every later run.</li>
 * <li>{@code jobs/<hh>/<hash>.json}, one per job key: the name it claimed and, once its answer has arrived in full,
 * the result's file and its sidecar. Recorded before the result is renamed into place, so a crash after the answer
 * arrived finishes the job from the record on the next start instead of calling the provider again.</li>
 * </ul>
 * Claims are made under this object's lock, each claim file created (never replaced) so that instances of a cluster
 * sharing the folder cannot both take a name; each document is written atomically.
 */
public final class OutputLedger {

    /** Extensions a result (and its sidecar, {@code .json} after it) can have: a file so named takes its name. */
    private static final List<String> RESULT_EXTENSIONS = List.of("png", "jpg", "webp", "mp3", "mp4", "txt", "json", "md",
            "batch.json");
    private static final int MAX_CANDIDATES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outputs;
    private final Path jobs;
    private final Path outbox;

    /**
     * @param state  the state folder ({@code <dir>/state})
     * @param outbox the outbox, where a name already taken by a file (from an earlier version, or put there by hand)
     *               is not claimed
     */
    public OutputLedger(Path state, Path outbox) {
        this.outputs = state.resolve("outputs");
        this.jobs = state.resolve("jobs");
        this.outbox = outbox;
    }

    /** What was recorded for a job: the output name it claimed, and its result once the answer arrived. */
    record Entry(String jobKey, String output, String result, String sidecar) {
    }

    /** The job's entry, or null when it never claimed a name. */
    Entry find(String jobKey) {
        Path file = entryFile(jobKey);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode doc = JSON.readTree(file.toFile());
            return new Entry(doc.path("jobKey").asText(), doc.path("output").asText(), text(doc, "result"),
                    text(doc, "sidecar"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The output name of the job with {@code jobKey}: the one it claimed before, else {@code wanted} if no other job
     * has it and no file in the outbox goes by it, else {@code wanted-2}, {@code wanted-3}, ...
     */
    synchronized String claim(String jobKey, String wanted) {
        Entry known = find(jobKey);
        if (known != null) {
            return known.output();
        }
        for (int n = 1; n <= MAX_CANDIDATES; n++) {
            String candidate = OutputNames.candidate(wanted, n);
            Path claim = OutputNames.resolve(outputs, candidate + ".claim");
            if (Files.exists(claim) || takenInOutbox(candidate)) {
                continue;
            }
            try {
                Files.createDirectories(claim.getParent());
                // created, not replaced: of two instances of a cluster claiming one name at once, one gets it
                Files.write(claim, (jobKey + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim output '" + candidate + "': " + e.getMessage(), e);
            }
            try {
                write(new Entry(jobKey, candidate, null, null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim output '" + candidate + "': " + e.getMessage(), e);
            }
            return candidate;
        }
        throw new IllegalArgumentException("output '" + wanted + "' and " + (MAX_CANDIDATES - 1)
                                           + " numbered variants are taken by other jobs: give this job another name");
    }

    /** Records the job's answer: {@code result} (below the outbox) is complete in its {@code .part} file. */
    void recordResult(String jobKey, String output, String result, String sidecar) throws IOException {
        write(new Entry(jobKey, output, result, sidecar));
    }

    /**
     * Gives up the name of a job that failed without a result, so the job corrected and dropped again gets it, not
     * {@code name-2}. A job with a recorded result keeps its name.
     */
    synchronized void release(String jobKey) {
        Entry entry = find(jobKey);
        if (entry == null || entry.result() != null) {
            return;
        }
        try {
            Files.deleteIfExists(OutputNames.resolve(outputs, entry.output() + ".claim"));
            Files.deleteIfExists(entryFile(jobKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release output '" + entry.output() + "': " + e.getMessage(), e);
        }
    }

    private boolean takenInOutbox(String candidate) {
        Path base = OutputNames.resolve(outbox, candidate);
        String name = base.getFileName().toString();
        for (String ext : RESULT_EXTENSIONS) {
            if (Files.exists(base.resolveSibling(name + "." + ext))) {
                return true;
            }
        }
        return false;
    }

    private void write(Entry entry) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jobKey", entry.jobKey());
        doc.put("output", entry.output());
        if (entry.result() != null) {
            doc.put("result", entry.result());
            doc.put("sidecar", entry.sidecar());
        }
        Path file = entryFile(entry.jobKey());
        Files.createDirectories(file.getParent());
        OutboxWriter.writeAtomically(file, JSON.writeValueAsBytes(doc));
    }

    private Path entryFile(String jobKey) {
        String hash = SparkHashes.sha256Hex(jobKey, 16);
        return jobs.resolve(hash.substring(0, 2)).resolve(hash + ".json");
    }

    private static String text(JsonNode doc, String field) {
        JsonNode node = doc.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
