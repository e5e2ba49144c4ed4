package dev.camelspark.routes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes results to the outbox. Before any call, {@link #claim} gives the job its output name ({@link OutputLedger})
 * and says whether it is already done. After the call, {@link #write} streams the body into {@code <result>.part}
 * (a chat answer as it arrives), records the finished answer and its sidecar in the ledger, then renames the result
 * into place and writes the sidecar beside it. From the record on, a crash never calls the provider again: the next
 * start finishes the job from what was recorded.
 */
public final class OutboxWriter {

    /** Exchange property: the result's path below the outbox, once written. */
    public static final String OUTPUT = "sparkOutput";
    /** Exchange property: true when the job was found already done. */
    public static final String ALREADY_DONE = "sparkAlreadyDone";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outbox;
    private final OutputLedger ledger;

    public OutboxWriter(Path outbox, OutputLedger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /**
     * Claims the job's output name (the job property gets it) and sets {@link #ALREADY_DONE}: true when the job's
     * result is in the outbox, or was recorded and is put there now (a crash came after the answer arrived).
     */
    public void claim(Exchange exchange) throws IOException {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        OutputLedger.Entry entry = ledger.find(job.key());
        boolean done = entry != null && entry.result() != null && finish(entry);
        if (done) {
            exchange.setProperty(OUTPUT, entry.result());
        } else {
            exchange.setProperty(Job.PROPERTY, job.withOutput(ledger.claim(job.key(), job.output())));
        }
        exchange.setProperty(ALREADY_DONE, done);
    }

    /** Completes a recorded result: renames its {@code .part} into place, writes its sidecar. False if it is gone. */
    private boolean finish(OutputLedger.Entry entry) throws IOException {
        Path target = OutputNames.resolve(outbox, entry.result());
        Path sidecar = sidecarOf(target);
        if (Files.exists(sidecar)) {
            return true;
        }
        Path partial = partOf(target);
        if (Files.exists(partial)) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (!Files.exists(target)) {
            return false; // deleted since: generate it again
        }
        writeAtomically(sidecar, entry.sidecar().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Writes the body as the job's result and then its sidecar; returns the result's path below the outbox. */
    public String write(Exchange exchange) throws Exception {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        Message message = exchange.getMessage();
        String ext = Providers.extension(job.provider(), job.operation(),
                message.getHeader(Exchange.CONTENT_TYPE, String.class),
                "true".equalsIgnoreCase(String.valueOf(job.options().get("json"))));
        String relative = job.output() + "." + ext;
        Path target = OutputNames.resolve(outbox, relative);
        Files.createDirectories(target.getParent());
        Path partial = partOf(target);
        String sidecar;
        try {
            writeBody(message.getBody(), exchange, partial);
            sidecar = JobSidecar.json(exchange, job, relative);
        } catch (Exception e) {
            Files.deleteIfExists(partial); // an answer cut short: the job runs again
            throw e;
        }
        // the answer is complete on disk: from here on a crash finishes the job from the record, never calls again
        ledger.recordResult(job.key(), job.output(), relative, sidecar);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        exchange.setProperty(OUTPUT, relative);
        writeAtomically(sidecarOf(target), sidecar.getBytes(StandardCharsets.UTF_8));
        return relative;
    }

    private static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private static Path sidecarOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".json");
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
