package dev.camelspark.neospark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The read-only listings: {@code models} ({@code Map<String, NeoSparkImageModel>}), {@code video-models}
 * ({@code Map<String, Object>} as the service gives it), {@code sessions} ({@code List<NeoSparkSession>}),
 * {@code user-images} ({@code List<Map<String, Object>>}) and {@code billing-history}
 * ({@code List<NeoSparkTransaction>}); the paginated ones set {@code CamelNeoSparkTotal}. The body in is ignored.
 */
class NeoSparkListingProducer extends SparkProducerSupport {

    private final NeoSparkEndpoint endpoint;

    NeoSparkListingProducer(NeoSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        NeoSparkConfiguration config = endpoint.configurationFor(exchange);
        Message message = exchange.getMessage();
        return switch (endpoint.getOperation()) {
            case models -> get(exchange, endpoint.client().get("/drawing/models/config")).thenAccept(data -> {
                Map<String, NeoSparkImageModel> models = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = NeoSparkClient.object(data, "the image models").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    models.put(e.getKey(), NeoSparkImageModel.of(e.getKey(), e.getValue()));
                }
                message.setBody(models);
            });
            case videoModels -> get(exchange, endpoint.client().get("/video/models")).thenAccept(data -> message.setBody(
                    SparkJson.MAPPER.convertValue(NeoSparkClient.object(data, "the video models"), new TypeReference<Map<String, Object>>() {
                    })));
            case sessions -> get(exchange, paged(config, endpoint.client().get("/drawing/sessions")))
                    .thenAccept(data -> message.setBody(list(items(data, "sessions", "items"), NeoSparkSession::of)));
            case userImages -> get(exchange, paged(config, endpoint.client().get("/storage/user-images"))).thenAccept(data -> {
                message.setHeader(NeoSparkConstants.TOTAL, total(data));
                message.setBody(list(items(data, "items"), item -> SparkJson.MAPPER.convertValue(item,
                        new TypeReference<Map<String, Object>>() {
                        })));
            });
            case billingHistory -> get(exchange, paged(config, endpoint.client().get("/drawing/billing/history"))
                    .query("type", config.getType())).thenAccept(data -> {
                        message.setHeader(NeoSparkConstants.TOTAL, total(data));
                        message.setBody(list(items(data, "transactions"), NeoSparkTransaction::of));
                    });
            default -> throw new IllegalStateException("not a listing: " + endpoint.getOperation());
        };
    }

    private CompletableFuture<JsonNode> get(Exchange exchange, SparkRequest.Builder request) {
        return endpoint.call(exchange, request.build());
    }

    private static SparkRequest.Builder paged(NeoSparkConfiguration config, SparkRequest.Builder request) {
        return request.query("limit", config.getLimit()).query("offset", config.getOffset());
    }

    /** {@code data} itself when it is a list, else the first list under one of {@code fields} (paginated answers). */
    private static JsonNode items(JsonNode data, String... fields) {
        if (data.isArray()) {
            return data;
        }
        for (String field : fields) {
            if (data.path(field).isArray()) {
                return data.get(field);
            }
        }
        return null;
    }

    private static Integer total(JsonNode data) {
        JsonNode total = data.get("total");
        return total != null && total.canConvertToInt() ? total.asInt() : null;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> out.add(mapper.apply(node)));
        }
        return out;
    }
}
