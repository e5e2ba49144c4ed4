package dev.camelspark.routes;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The lines of a {@code .csv} or {@code .jsonl} batch, read lazily (a large batch is never held whole), each a
 * {@link BatchLine}: its job, or why it could not be read, which fails that line only. A line's key is the batch and
 * what the line asks ({@link JobKeys}), not its position, so a batch dropped again with one line corrected redoes
 * only that line. Its output is {@code <batch>/NNNN} or {@code <batch>/<name>}, unique within the batch: a name
 * given twice (or a line named {@code 0003} beside unnamed line 3) gets {@code -2} the second time, in line order.
 */
public final class BatchLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JOB_FIELDS = List.of("provider", "operation", "prompt", "name");

    /** One line of a batch: its job, or why it could not be read. */
    public record BatchLine(int index, Job job, String error, String source, String output) {
    }

    private BatchLines() {
    }

    /**
     * Reads the lines of {@code relative} (a path below the inbox) lazily.
     *
     * @param provider  the provider of lines that name none (from the batch's folder), or null
     * @param operation the same for the operation
     * @param base      the folder below the outbox the lines' results go to
     */
    static Iterator<BatchLine> read(InputStream in, String relative, String provider, String operation, String base) {
        BufferedReader reader = utf8(in);
        return csv(relative)
                ? csvLines(reader, relative, provider, operation, base)
                : jsonLines(reader, relative, provider, operation, base);
    }

    /** Counts a batch's lines without keeping them, so progress can say done / total; an unreadable CSV fails here. */
    static int count(InputStream in, String relative) {
        try (BufferedReader r = utf8(in)) {
            return count(r, relative);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw JobDocuments.notUtf8(relative);
            }
            throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
    }

    private static int count(BufferedReader r, String relative) throws IOException {
        if (!csv(relative)) {
            return (int) r.lines().filter(l -> !l.isBlank()).count();
        }
        try (CSVParser parser = csvParser(r, relative)) {
            int n = 0;
            for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext(); records.next()) {
                n++;
            }
            return n;
        } catch (UncheckedIOException e) {
            throw unreadable(relative, e.getCause());
        }
    }

    private static boolean csv(String relative) {
        return relative.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** UTF-8, without the byte-order mark Excel writes before the header. */
    private static BufferedReader utf8(InputStream in) {
        // malformed bytes fail the read (a binary file is refused whole, before any call), never become U+FFFD
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static CSVParser csvParser(BufferedReader reader, String relative) {
        CSVParser parser;
        try {
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setTrim(true).get().parse(reader);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw unreadable(relative, e instanceof UncheckedIOException u ? u.getCause() : e);
        }
        if (!parser.getHeaderNames().contains("prompt")) {
            throw new IllegalArgumentException("'" + relative + "' needs a header row with a 'prompt' column; it has "
                                               + String.join(", ", parser.getHeaderNames()));
        }
        return parser;
    }

    private static IllegalArgumentException unreadable(String relative, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return JobDocuments.notUtf8(relative);
        }
        return new IllegalArgumentException("'" + relative + "' is not a readable CSV: " + cause.getMessage()
                                            + ". A value that holds a comma, a quote or a line break must be quoted,"
                                            + " with each quote inside doubled: \"a \"\"quoted\"\" word, here\"", cause);
    }

    private static Iterator<BatchLine> csvLines(BufferedReader reader, String relative, String provider,
                                                String operation, String base) {
        CSVParser parser = csvParser(reader, relative);
        List<String> header = parser.getHeaderNames();
        Iterator<CSVRecord> records = parser.iterator();
        return new Lines(relative, base, parser) {
            @Override
            Object nextRaw() {
                return records.hasNext() ? records.next() : null;
            }

            @Override
            Job toJob(Object raw, String output, String source) {
                CSVRecord record = (CSVRecord) raw;
                if (record.size() > header.size()) {
                    throw new IllegalArgumentException("the line has " + record.size() + " values but the header names "
                                                       + header.size() + " columns (" + String.join(", ", header)
                                                       + "): quote a value that holds a comma");
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                Map<String, Object> options = new LinkedHashMap<>();
                record.toMap().forEach((column, value) -> {
                    if (value != null && !value.isBlank()) {
                        (JOB_FIELDS.contains(column) ? doc : options).put(column, value);
                    }
                });
                doc.put("options", options);
                return JobDocuments.job(JSON.valueToTree(doc), provider, operation, output, relative, source);
            }
        };
    }

    private static Iterator<BatchLine> jsonLines(BufferedReader lines, String relative, String provider,
                                                 String operation, String base) {
        return new Lines(relative, base, lines) {
            @Override
            Object nextRaw() throws IOException {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        return line;
                    }
                }
                return null;
            }

            @Override
            Job toJob(Object raw, String output, String source) {
                JsonNode doc;
                try {
                    doc = JSON.readTree((String) raw);
                } catch (IOException e) {
                    throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
                }
                return JobDocuments.job(doc, provider, operation, output, relative, source);
            }
        };
    }

    /** Reads lines as they are asked for; a line that cannot be turned into a job becomes a failed {@link BatchLine}. */
    private abstract static class Lines implements Iterator<BatchLine>, Closeable {
        private final String relative;
        private final String base;
        private final Closeable source;
        private final Set<String> outputs = new HashSet<>();
        private final Map<String, Integer> occurrences = new HashMap<>();
        private Object pending;
        private boolean done;
        private int index;

        Lines(String relative, String base, Closeable source) {
            this.relative = relative;
            this.base = base;
            this.source = source;
        }

        abstract Object nextRaw() throws IOException;

        abstract Job toJob(Object raw, String output, String source);

        @Override
        public void close() throws IOException {
            source.close();
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !done) {
                try {
                    pending = nextRaw();
                } catch (IOException | RuntimeException e) {
                    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                    throw new IllegalArgumentException("'" + relative + "' cannot be read past line " + index + ": "
                                                       + cause.getMessage(), e);
                }
                if (pending == null) {
                    done = true;
                    try {
                        close();
                    } catch (IOException e) {
                        // all was read; a failing close loses nothing
                    }
                }
            }
            return pending != null;
        }

        @Override
        public BatchLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object raw = pending;
            pending = null;
            index++;
            String lineSource = relative + "#" + index;
            String numbered = base + "/" + String.format("%04d", index);
            try {
                Job job = toJob(raw, numbered, lineSource);
                job = job.withOutput(unique(job.output()))
                        .withKey(JobKeys.repeated(job.key(), occurrences.merge(job.key(), 1, Integer::sum)));
                return new BatchLine(index, job, null, lineSource, job.output());
            } catch (RuntimeException e) {
                return new BatchLine(index, null, e.getMessage(), lineSource, unique(numbered));
            }
        }

        /** The wanted output, or the first of {@code -2}, {@code -3}, ... that no earlier line of the batch has. */
        private String unique(String wanted) {
            for (int n = 1; ; n++) {
                String candidate = OutputNames.candidate(wanted, n);
                if (outputs.add(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
