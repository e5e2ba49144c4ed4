package dev.camelspark.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The JSON written beside each result: what was asked, what answered, what it cost and how long it took, and the
 * job's key (which makes the sidecar the record that the job is done). Fields the provider did not report are left
 * out rather than written as null.
 */
public final class JobSidecar {

    /** Exchange property holding when the job started (an {@link Instant}). */
    public static final String STARTED = "sparkStarted";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobSidecar() {
    }

    static String json(Exchange exchange, Job job, String output) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Instant started = exchange.getProperty(STARTED, Instant.class);
        Instant finished = Instant.now();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("provider", job.provider());
        doc.put("operation", job.operation());
        putIfPresent(doc, "model", message.getHeader(SparkConstants.MODEL));
        putIfPresent(doc, "seed", message.getHeader(SparkConstants.SEED));
        doc.put("prompt", job.prompt());
        if (!job.options().isEmpty()) {
            doc.put("options", job.options());
        }
        putIfPresent(doc, "taskId", message.getHeader(SparkConstants.TASK_ID));
        Map<String, Object> tokens = new LinkedHashMap<>();
        putIfPresent(tokens, "prompt", message.getHeader(SparkConstants.PROMPT_TOKENS));
        putIfPresent(tokens, "completion", message.getHeader(SparkConstants.COMPLETION_TOKENS));
        putIfPresent(tokens, "total", message.getHeader(SparkConstants.TOTAL_TOKENS));
        if (!tokens.isEmpty()) {
            doc.put("tokens", tokens);
        }
        Object cost = message.getHeader(SparkConstants.COST);
        if (cost != null) {
            doc.put("cost", cost);
            doc.put("costUnit", Providers.costUnit(job.provider()));
        }
        putIfPresent(doc, "mediaUrl", message.getHeader(SparkConstants.MEDIA_URL));
        putIfPresent(doc, "attempts", message.getHeader(SparkConstants.ATTEMPTS));
        Map<String, Object> timings = new LinkedHashMap<>();
        if (started != null) {
            timings.put("started", started.toString());
            timings.put("finished", finished.toString());
            timings.put("millis", Duration.between(started, finished).toMillis());
        }
        doc.put("timings", timings);
        doc.put("input", job.source());
        doc.put("output", output);
        doc.put("jobKey", job.key());
        return MAPPER.writeValueAsString(doc);
    }

    private static void putIfPresent(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.put(key, value);
        }
    }
}
