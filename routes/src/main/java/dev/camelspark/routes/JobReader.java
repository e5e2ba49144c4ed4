package dev.camelspark.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns what lands in the inbox into {@link Job}s: a {@code .txt} prompt in a folder naming the operation, a
 * {@code .json}/{@code .yaml} job naming provider, operation and options, and the lines of a {@code .csv} or
 * {@code .jsonl} batch (read lazily, so a large batch is never held whole). Anything malformed fails with a reason
 * a person can act on.
 */
public final class JobReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final int MAX_PROMPT = 100_000;

    private JobReader() {
    }

    /** {@code inbox/image/x.txt} or {@code inbox/<provider>/<operation>/x.txt}: the file is the prompt. */
    public static Job promptFile(Exchange exchange) {
        String relative = relativePath(exchange);
        String[] parts = relative.split("/");
        String endpoint = switch (parts.length) {
            case 2 -> shortFolder(parts[0], relative);
            case 3 -> parts[0] + ":" + parts[1];
            default -> throw new IllegalArgumentException("'" + relative + "' is not in a folder naming the operation: "
                                                          + "use inbox/<folder>/ with folder one of "
                                                          + String.join(", ", Providers.SHORT_FOLDERS.keySet())
                                                          + ", or inbox/<provider>/<operation>/");
        };
        String provider = endpoint.substring(0, endpoint.indexOf(':'));
        String operation = endpoint.substring(endpoint.indexOf(':') + 1);
        Providers.check(provider, operation);
        String prompt = prompt(exchange.getMessage().getBody(String.class), relative);
        return new Job(provider, operation, prompt, Map.of(), OutboxPaths.withoutExtension(relative),
                fileKey(exchange, relative), relative);
    }

    /** {@code inbox/jobs/x.json} or {@code .yaml}: {@code {provider, operation, prompt, options, name}}. */
    public static Job jobFile(Exchange exchange) {
        String relative = relativePath(exchange);
        String lower = relative.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
        JsonNode doc;
        try {
            doc = mapper.readTree(exchange.getMessage().getBody(String.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("'" + relative + "' is not valid " + (mapper == YAML ? "YAML" : "JSON")
                                               + ": " + e.getOriginalMessage(), e);
        }
        String base = OutboxPaths.withoutExtension(relative);
        return job(doc, null, null, base, fileKey(exchange, relative), relative);
    }

    /** The lines of a {@code .csv} or {@code .jsonl} batch, one {@link BatchLine} each, read as they are needed. */
    public static Iterator<BatchLine> batchLines(Exchange exchange) {
        String relative = relativePath(exchange);
        String[] parts = relative.split("/");
        // inbox/batches/x.csv names provider and operation per line; batches/<folder>/ or <provider>/<operation>/ sets defaults
        String defaults = switch (parts.length) {
            case 2 -> null;
            case 3 -> shortFolder(parts[1], relative);
            case 4 -> parts[1] + ":" + parts[2];
            default -> throw new IllegalArgumentException("'" + relative + "' is nested too deep under batches/");
        };
        String provider = defaults == null ? null : defaults.substring(0, defaults.indexOf(':'));
        String operation = defaults == null ? null : defaults.substring(defaults.indexOf(':') + 1);
        String batchKey = fileKey(exchange, relative);
        String base = OutboxPaths.withoutExtension(relative);
        InputStream in = exchange.getMessage().getBody(InputStream.class);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return relative.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? csvLines(reader, provider, operation, base, batchKey, relative)
                : jsonLines(reader, provider, operation, base, batchKey, relative);
    }

    /** Counts a batch's lines without keeping them, so progress can say done / total. */
    public static int countLines(Exchange exchange) {
        String relative = relativePath(exchange);
        boolean csv = relative.toLowerCase(Locale.ROOT).endsWith(".csv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                exchange.getMessage().getBody(InputStream.class), StandardCharsets.UTF_8))) {
            if (csv) {
                try (CSVParser parser = csvFormat().parse(r)) {
                    int n = 0;
                    for (CSVRecord ignored : parser) {
                        n++;
                    }
                    return n;
                }
            }
            return (int) r.lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a batch: its job, or why it could not be read (which fails that line only). */
    public record BatchLine(int index, Job job, String error, String source, String output) {
        public Job jobOrFail() {
            if (error != null) {
                throw new IllegalArgumentException(source + ": " + error);
            }
            return job;
        }
    }

    private static Iterator<BatchLine> csvLines(Reader reader, String provider, String operation, String base,
                                                String batchKey, String source) {
        CSVParser parser;
        try {
            parser = csvFormat().parse(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + source + "' is not a readable CSV: " + e.getMessage(), e);
        }
        if (!parser.getHeaderNames().contains("prompt")) {
            throw new IllegalArgumentException("'" + source + "' needs a header row with a 'prompt' column; it has "
                                               + parser.getHeaderNames());
        }
        Iterator<CSVRecord> records = parser.iterator();
        return new LineIterator(base, batchKey, source) {
            @Override
            Object nextRaw() {
                return records.hasNext() ? records.next() : null;
            }

            @Override
            Job toJob(Object raw, int index, String output, String key, String lineSource) {
                CSVRecord record = (CSVRecord) raw;
                Map<String, Object> fields = new LinkedHashMap<>();
                record.toMap().forEach((k, v) -> {
                    if (v != null && !v.isBlank()) {
                        fields.put(k, v);
                    }
                });
                return job(JSON.valueToTree(withOptions(fields)), provider, operation, output, key, lineSource);
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }

    private static Iterator<BatchLine> jsonLines(Reader reader, String provider, String operation, String base,
                                                 String batchKey, String source) {
        BufferedReader lines = new BufferedReader(reader);
        return new LineIterator(base, batchKey, source) {
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
            Job toJob(Object raw, int index, String output, String key, String lineSource) {
                JsonNode doc;
                try {
                    doc = JSON.readTree((String) raw);
                } catch (IOException e) {
                    throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
                }
                return job(doc, provider, operation, output, key, lineSource);
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    /** CSV columns other than provider, operation, prompt and name are options. */
    private static Map<String, Object> withOptions(Map<String, Object> fields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (List.of("provider", "operation", "prompt", "name").contains(k)) {
                doc.put(k, v);
            } else {
                options.put(k, v);
            }
        });
        doc.put("options", options);
        return doc;
    }

    private static Job job(JsonNode doc, String defaultProvider, String defaultOperation, String output, String key,
                           String source) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("a job must be an object with provider, operation and prompt");
        }
        String provider = text(doc, "provider", defaultProvider);
        String operation = text(doc, "operation", defaultOperation);
        if (provider == null || operation == null) {
            throw new IllegalArgumentException("the job names no provider/operation (fields 'provider' and 'operation')");
        }
        Providers.check(provider, operation);
        String prompt = prompt(text(doc, "prompt", null), source);
        Map<String, Object> options = new LinkedHashMap<>();
        JsonNode opts = doc.get("options");
        if (opts != null && !opts.isNull()) {
            if (!opts.isObject()) {
                throw new IllegalArgumentException("'options' must be an object of option names and values");
            }
            opts.fields().forEachRemaining(e -> options.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        String name = text(doc, "name", null);
        String out = name == null ? output : OutboxPaths.parentOf(output) + OutboxPaths.safeName(name);
        return new Job(provider, operation, prompt, options, out, key, source);
    }

    private static String prompt(String text, String source) {
        String prompt = text == null ? "" : text.strip();
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("'" + source + "' has an empty prompt");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new IllegalArgumentException("'" + source + "' has a prompt of " + prompt.length()
                                               + " characters; at most " + MAX_PROMPT + " are read");
        }
        return prompt;
    }

    private static String text(JsonNode doc, String field, String fallback) {
        JsonNode node = doc.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? fallback : node.asText().strip();
    }

    private static String shortFolder(String folder, String relative) {
        String endpoint = Providers.SHORT_FOLDERS.get(folder);
        if (endpoint == null) {
            throw new IllegalArgumentException("'" + relative + "': unknown folder '" + folder + "'; use one of "
                                               + String.join(", ", Providers.SHORT_FOLDERS.keySet())
                                               + ", or <provider>/<operation>/");
        }
        return endpoint;
    }

    static String relativePath(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        return name.replace('\\', '/');
    }

    /** The same file (path, size, time) is the same job; an edited file is a new one. */
    static String fileKey(Exchange exchange, String relative) {
        return relative + "|" + exchange.getMessage().getHeader(Exchange.FILE_LENGTH) + "|"
               + exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
    }

    private static CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
    }

    /** Reads lines lazily; a line that cannot be turned into a job becomes a failed {@link BatchLine}. */
    private abstract static class LineIterator implements Iterator<BatchLine>, java.io.Closeable {
        private final String base;
        private final String batchKey;
        private final String source;
        private Object pending;
        private boolean done;
        private int index;

        LineIterator(String base, String batchKey, String source) {
            this.base = base;
            this.batchKey = batchKey;
            this.source = source;
        }

        abstract Object nextRaw() throws IOException;

        abstract Job toJob(Object raw, int index, String output, String key, String lineSource);

        @Override
        public abstract void close() throws IOException;

        @Override
        public boolean hasNext() {
            if (pending == null && !done) {
                try {
                    pending = nextRaw();
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("'" + source + "' cannot be read past line " + index + ": " + e.getMessage(), e);
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
            String output = base + "/" + String.format("%04d", index);
            String lineSource = source + "#" + index;
            String key = batchKey + "#" + index;
            try {
                Job job = toJob(raw, index, output, key, lineSource);
                return new BatchLine(index, job, null, lineSource, job.output());
            } catch (RuntimeException e) {
                return new BatchLine(index, null, e.getMessage(), lineSource, output);
            }
        }
    }
}
