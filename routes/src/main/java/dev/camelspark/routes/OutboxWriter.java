package dev.camelspark.routes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes results to the outbox: the result first (under a temporary name, then renamed, so a reader never sees half
 * a file), then its JSON sidecar. The sidecar is written last and names the job's key, so it is the record that a
 * job is done: a job whose sidecar exists is not generated again, whatever happened after (a crash before the input
 * was moved to .done/, say).
 */
public final class OutboxWriter {

    /** Exchange property: the result's path below the outbox, once written. */
    public static final String OUTPUT = "sparkOutput";
    /** Exchange property: true when the job was found already done. */
    public static final String ALREADY_DONE = "sparkAlreadyDone";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outbox;

    public OutboxWriter(String outbox) {
        this.outbox = Path.of(outbox);
    }

    /** Whether the job's sidecar is already in the outbox, with the same key. */
    public boolean alreadyDone(Exchange exchange) throws IOException {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        Optional<Path> sidecar = findSidecar(job);
        sidecar.ifPresent(s -> exchange.setProperty(OUTPUT, outbox.relativize(
                s.resolveSibling(s.getFileName().toString().replaceFirst("\\.json$", ""))).toString()));
        exchange.setProperty(ALREADY_DONE, sidecar.isPresent());
        return sidecar.isPresent();
    }

    private Optional<Path> findSidecar(Job job) throws IOException {
        Path candidate = OutboxPaths.resolve(outbox, job.output());
        Path folder = candidate.getParent();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String prefix = candidate.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".json") && n.indexOf('.', prefix.length()) > 0;
        })) {
            for (Path file : files) {
                JsonNode doc = JSON.readTree(file.toFile());
                if (job.key().equals(doc.path("jobKey").asText(null))) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** Writes the body as the job's result and then its sidecar; returns the result's path below the outbox. */
    public String write(Exchange exchange) throws Exception {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        Message message = exchange.getMessage();
        String ext = Providers.extension(job.provider(), job.operation(),
                message.getHeader(Exchange.CONTENT_TYPE, String.class),
                "true".equalsIgnoreCase(String.valueOf(job.options().get("json"))));
        String relative = job.output() + "." + ext;
        Path target = OutboxPaths.resolve(outbox, relative);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            writeBody(message.getBody(), exchange, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        exchange.setProperty(OUTPUT, relative);
        writeAtomically(target.resolveSibling(target.getFileName() + ".json"),
                JobSidecar.json(exchange, job, relative).getBytes(StandardCharsets.UTF_8));
        return relative;
    }

    private static void writeBody(Object body, Exchange exchange, Path file) throws Exception {
        if (body instanceof Iterator<?> deltas) {
            // a streamed answer: each delta is written (and flushed) as it arrives, so `tail -f x.md.part` follows it
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (deltas.hasNext()) {
                    out.write(String.valueOf(deltas.next()));
                    out.flush();
                }
            }
            return;
        }
        if (body instanceof File source) {
            Files.copy(source.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (body instanceof String text) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        if (body instanceof byte[] bytes) {
            Files.write(file, bytes);
            return;
        }
        if (body instanceof java.util.Collection<?> || body instanceof java.util.Map<?, ?>) {
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
            return;
        }
        // large media: a temp-file-backed stream, copied without holding it in memory
        try (InputStream in = exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, body);
             OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The cost the provider reported for this job, for progress totals ({@code null} when none). */
    static java.math.BigDecimal cost(Exchange exchange) {
        return exchange.getMessage().getHeader(SparkConstants.COST, java.math.BigDecimal.class);
    }
}
