package dev.camelspark.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers the lines of a batch back into one result: each line's outcome (its output, or why it failed) and the
 * totals, written as {@code outbox/<batch>.batch.json}. A failed line is recorded, never allowed to stop the others.
 */
public final class BatchResult implements AggregationStrategy {

    /** Exchange property on the batch exchange: the outcomes gathered so far. */
    static final String LINES = "sparkBatchLines";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path outbox;
    private final BatchProgress progress;
    private final OutputLedger ledger;

    public BatchResult(Path outbox, BatchProgress progress, OutputLedger ledger) {
        this.outbox = outbox;
        this.progress = progress;
        this.ledger = ledger;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange batch = oldExchange != null ? oldExchange : newExchange;
        Map<String, Object> line = outcome(newExchange);
        progress.lineFinished(batch, newExchange, "failed".equals(line.get("status")) ? (String) line.get("reason") : null);
        synchronized (batch) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = batch.getProperty(LINES, List.class);
            if (lines == null) {
                lines = new ArrayList<>();
                batch.setProperty(LINES, lines);
            }
            lines.add(line);
        }
        return batch;
    }

    private Map<String, Object> outcome(Exchange line) {
        BatchLines.BatchLine batchLine = line.getProperty(JobReader.BATCH_LINE, BatchLines.BatchLine.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", batchLine == null ? null : batchLine.index());
        out.put("input", batchLine == null ? null : batchLine.source());
        Throwable failure = line.getException();
        if (failure == null && Boolean.TRUE.equals(line.getProperty("sparkLineFailed", Boolean.class))) {
            failure = line.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure == null) {
            boolean skipped = Boolean.TRUE.equals(line.getProperty(OutboxWriter.ALREADY_DONE, Boolean.class));
            out.put("status", skipped ? "already-done" : "done");
            out.put("output", line.getProperty(OutboxWriter.OUTPUT));
            java.math.BigDecimal cost = line.getMessage().getHeader(SparkConstants.COST, java.math.BigDecimal.class);
            Job job = line.getProperty(Job.PROPERTY, Job.class);
            if (cost != null && job != null) {
                out.put("cost", cost);
                out.put("costUnit", Providers.costUnit(job.provider()));
            }
        } else if (JobFailures.interrupted(line, failure)) {
            out.put("status", "interrupted");
        } else {
            out.put("status", "failed");
            JobFailures.release(line, ledger);
            // a line that could not be read says why itself; a failed call, through its exception
            out.put("reason", batchLine != null && batchLine.error() != null ? batchLine.error()
                    : JobFailures.describe(failure));
        }
        return out;
    }

    /** Writes the batch's result document; the batch exchange's body becomes its path below the outbox. */
    public void write(Exchange batch) throws Exception {
        String relative = JobReader.relativePath(batch);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = batch.getProperty(LINES, List.class);
        lines = lines == null ? List.of() : new ArrayList<>(lines);
        lines.sort(Comparator.comparing(l -> l.get("line") == null ? Integer.MAX_VALUE : (Integer) l.get("line")));
        long interrupted = lines.stream().filter(l -> "interrupted".equals(l.get("status"))).count();
        if (interrupted > 0 || batch.getContext().isStopping()) {
            // no result yet: the whole batch runs again on the next start, where done lines are skipped
            throw new JobInterruptedException("batch " + relative + " interrupted by shutdown (" + interrupted
                                              + " lines in flight); it resumes on the next start");
        }
        long failed = lines.stream().filter(l -> "failed".equals(l.get("status"))).count();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("batch", relative);
        doc.put("total", lines.size());
        doc.put("done", lines.size() - failed);
        doc.put("failed", failed);
        Costs costs = new Costs();
        lines.forEach(l -> costs.add((String) l.get("costUnit"), (java.math.BigDecimal) l.get("cost")));
        if (!costs.isEmpty()) {
            doc.put("cost", costs.totals());
        }
        doc.put("lines", lines);
        String output = batch.getProperty(JobReader.BATCH_OUTPUT, String.class) + ".batch.json";
        Path target = OutputNames.resolve(outbox, output);
        Files.createDirectories(target.getParent());
        OutboxWriter.writeAtomically(target, JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
        progress.batchFinished(relative, lines.size(), failed);
        batch.getMessage().setBody(output);
    }
}
