package dev.camelspark.routes;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;

import org.apache.camel.Exchange;

/**
 * The routes' entry to what lands in the inbox: each method reads one kind of input into the exchange (the
 * {@link Job} property, or a batch's lines), failing with a reason a person can act on. The rules live in
 * {@link JobDocuments} (what a prompt or job says), {@link BatchLines} (the lines of a batch) and {@link OutputNames}.
 */
public final class JobReader {

    /** Exchange property on a batch: its number of lines. */
    public static final String BATCH_TOTAL = "sparkBatchTotal";
    /** Exchange property on a batch: the folder below the outbox its lines' results go to (claimed for it). */
    public static final String BATCH_OUTPUT = "sparkBatchOutput";
    /** Exchange property on a batch line: its {@link BatchLines.BatchLine}. */
    public static final String BATCH_LINE = "sparkBatchLine";

    private final OutputLedger ledger;

    public JobReader(OutputLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code inbox/image/x.txt} or {@code inbox/<provider>/<operation>/x.txt}: the file is the prompt. */
    public void promptFile(Exchange exchange) {
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
        int colon = endpoint.indexOf(':');
        exchange.setProperty(Job.PROPERTY, JobDocuments.promptFile(relative, endpoint.substring(0, colon),
                endpoint.substring(colon + 1), content(exchange, relative)));
    }

    /** {@code inbox/jobs/x.json} or {@code .yaml}: {@code {provider, operation, prompt, options, name}}. */
    public void jobFile(Exchange exchange) {
        String relative = relativePath(exchange);
        String lower = relative.toLowerCase(Locale.ROOT);
        exchange.setProperty(Job.PROPERTY, JobDocuments.jobFile(relative,
                lower.endsWith(".yaml") || lower.endsWith(".yml"), content(exchange, relative)));
    }

    /**
     * A {@code .csv} or {@code .jsonl} batch before its lines run: counts them (an unreadable CSV fails the whole
     * batch here, before any call) and claims the folder its results go to.
     */
    public void startBatch(Exchange exchange) {
        String relative = relativePath(exchange);
        defaults(relative);
        exchange.setProperty(BATCH_TOTAL, BatchLines.count(exchange.getMessage().getBody(InputStream.class), relative));
        exchange.setProperty(BATCH_OUTPUT, ledger.claim(relative + "|batch", OutputNames.withoutExtension(relative)));
    }

    /** The lines of the batch, read as they are needed. */
    public Iterator<BatchLines.BatchLine> batchLines(Exchange exchange) {
        String relative = relativePath(exchange);
        String[] defaults = defaults(relative);
        return BatchLines.read(exchange.getMessage().getBody(InputStream.class), relative, defaults[0], defaults[1],
                exchange.getProperty(BATCH_OUTPUT, String.class));
    }

    /** One line of a batch (the body): becomes the exchange's job, or fails with the reason it could not be read. */
    public void batchLine(Exchange line) {
        BatchLines.BatchLine batchLine = line.getMessage().getBody(BatchLines.BatchLine.class);
        line.setProperty(BATCH_LINE, batchLine);
        if (batchLine.error() != null) {
            throw new IllegalArgumentException(batchLine.source() + ": " + batchLine.error());
        }
        line.setProperty(Job.PROPERTY, batchLine.job());
    }

    /** {@code batches/x.csv} names provider and operation per line; {@code batches/<folder>/} sets defaults. */
    private static String[] defaults(String relative) {
        String[] parts = relative.split("/");
        String endpoint = switch (parts.length) {
            case 2 -> null;
            case 3 -> shortFolder(parts[1], relative);
            case 4 -> parts[1] + ":" + parts[2];
            default -> throw new IllegalArgumentException("'" + relative + "' is nested too deep under batches/");
        };
        if (endpoint == null) {
            return new String[2];
        }
        int colon = endpoint.indexOf(':');
        return new String[] { endpoint.substring(0, colon), endpoint.substring(colon + 1) };
    }

    /** The file's bytes; one too large for a prompt or job is refused before it is read. */
    private static byte[] content(Exchange exchange, String relative) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > JobDocuments.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("'" + relative + "' has " + length + " bytes; a prompt or job file may have"
                                               + " at most " + JobDocuments.MAX_FILE_BYTES);
        }
        return exchange.getMessage().getBody(byte[].class);
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
}
