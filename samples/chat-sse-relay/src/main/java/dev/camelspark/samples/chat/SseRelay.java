package dev.camelspark.samples.chat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.sparkstream.SparkStreamConstants;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.sse.SparkEventStream;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Relays a streamed answer ({@code sparkstream:chat?stream=true}) to the HTTP client of a platform-http route as
 * server-sent events, each delta the moment it arrives:
 * <pre>
 * data: Camels store fat
 *
 * data:  in their humps
 *
 * event: done
 * data: {"finishReason":"stop","totalTokens":57,"cost":"0.0000342"}
 * </pre>
 * A delta holding line breaks becomes several {@code data:} lines, which the browser joins back with {@code \n}. A
 * stream that breaks ends with an {@code error} event and fails the exchange.
 * <p>
 * It writes to the Vert.x response itself and ends it, so platform-http finds it ended and writes nothing more:
 * Camel 4.18's platform-http sends an {@code InputStream} body in 4 KiB chunks, far too late for a chat. It reads the
 * stream on the platform-http worker thread that runs the route, as any blocking route does.
 * <p>
 * Two steps of the route: {@link #capture} first, while the message is still platform-http's own (a {@code setBody}
 * replaces it with a plain one), then {@link #relay} on the streamed body.
 */
public class SseRelay {

    /** The exchange property that holds the HTTP response between {@link #capture} and {@link #relay}. */
    public static final String RESPONSE = "ChatSseRelayResponse";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps the HTTP response of the request this exchange came from. */
    public void capture(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        if (http == null) {
            throw new IllegalStateException("SseRelay.capture must be the first step of a platform-http route");
        }
        exchange.setProperty(RESPONSE, http.getResponse());
    }

    /** Sends the streamed body to the captured response as events, then ends the response. */
    public void relay(Exchange exchange) throws Exception {
        SparkEventStream stream = exchange.getMessage().getMandatoryBody(SparkEventStream.class);
        HttpServerResponse response = exchange.getProperty(RESPONSE, HttpServerResponse.class);
        if (response == null) {
            throw new IllegalStateException("SseRelay.relay needs SseRelay.capture as the route's first step");
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no"); // no proxy buffering either
        // the browser left: stop reading, which releases the connection to the API at once
        response.closeHandler(gone -> stream.close());
        try {
            while (!response.closed() && stream.hasNext()) {
                send(response, null, stream.next());
            }
            if (stream.isCompleted()) {
                // read to its end: the component has put what the last chunk told on the message
                send(response, "done", JSON.writeValueAsString(summary(exchange.getMessage())));
            }
        } catch (SparkStreamException e) {
            send(response, "error", e.getMessage());
            throw e;
        } finally {
            // also when the browser has gone: an ended response tells platform-http there is nothing left to write
            if (!response.ended()) {
                response.end();
            }
        }
    }

    private static Map<String, Object> summary(Message message) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("finishReason", message.getHeader(SparkStreamConstants.FINISH_REASON));
        summary.put("totalTokens", message.getHeader(SparkConstants.TOTAL_TOKENS));
        Object cost = message.getHeader(SparkConstants.COST);
        summary.put("cost", cost == null ? null : cost.toString());
        return summary;
    }

    /** One event; {@code name} null for a plain message event. */
    private static void send(HttpServerResponse response, String name, String data) {
        if (response.closed()) {
            return;
        }
        StringBuilder event = new StringBuilder();
        if (name != null) {
            event.append("event: ").append(name).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        response.write(event.append('\n').toString());
    }
}
