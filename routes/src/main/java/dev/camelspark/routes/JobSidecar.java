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
 * The JSON written beside each result: what was asked, what answered, what it cost and how long it took. Fields
 * the provider did not report are left out rather than written as null.
 */
public final class JobSidecar {

    /** Exchange property holding the prompt as it was read, before the body became the result. */
    public static final String PROMPT = "sparkPrompt";
    /** Exchange property holding when the job started (an {@link Instant}). */
    public static final String STARTED = "sparkStarted";
    /** Exchange property holding the result's file name in the outbox. */
    public static final String OUTPUT = "sparkOutput";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobSidecar() {
    }

    /** Trims the prompt (a file usually ends with a newline) and remembers it and the start time. */
    public static void start(Exchange exchange) {
        String prompt = exchange.getMessage().getBody(String.class);
        prompt = prompt == null ? "" : prompt.strip();
        exchange.getMessage().setBody(prompt);
        exchange.setProperty(PROMPT, prompt);
        exchange.setProperty(STARTED, Instant.now());
    }

    /** The sidecar document of a finished job. */
    public static String json(Exchange exchange, String provider, String operation) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Instant started = exchange.getProperty(STARTED, Instant.class);
        Instant finished = Instant.now();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("provider", provider);
        doc.put("operation", operation);
        putIfPresent(doc, "model", message.getHeader(SparkConstants.MODEL));
        putIfPresent(doc, "seed", message.getHeader(SparkConstants.SEED));
        doc.put("prompt", exchange.getProperty(PROMPT, String.class));
        putIfPresent(doc, "taskId", message.getHeader(SparkConstants.TASK_ID));
        Map<String, Object> tokens = new LinkedHashMap<>();
        putIfPresent(tokens, "prompt", message.getHeader(SparkConstants.PROMPT_TOKENS));
        putIfPresent(tokens, "completion", message.getHeader(SparkConstants.COMPLETION_TOKENS));
        putIfPresent(tokens, "total", message.getHeader(SparkConstants.TOTAL_TOKENS));
        if (!tokens.isEmpty()) {
            doc.put("tokens", tokens);
        }
        putIfPresent(doc, "cost", message.getHeader(SparkConstants.COST));
        putIfPresent(doc, "mediaUrl", message.getHeader(SparkConstants.MEDIA_URL));
        putIfPresent(doc, "attempts", message.getHeader(SparkConstants.ATTEMPTS));
        Map<String, Object> timings = new LinkedHashMap<>();
        if (started != null) {
            timings.put("started", started.toString());
            timings.put("finished", finished.toString());
            timings.put("millis", Duration.between(started, finished).toMillis());
        }
        doc.put("timings", timings);
        doc.put("input", message.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        putIfPresent(doc, "output", exchange.getProperty(OUTPUT));
        return MAPPER.writeValueAsString(doc);
    }

    private static void putIfPresent(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.put(key, value);
        }
    }
}
