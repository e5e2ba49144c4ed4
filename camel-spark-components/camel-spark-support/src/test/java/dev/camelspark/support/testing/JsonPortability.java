package dev.camelspark.support.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.dataformat.JsonLibrary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the components' tests: whether a result goes through Camel's own JSON data format with its default Jackson
 * setup ({@code marshal().json()}, camel-jackson on the test classpath) and through {@code convertBodyTo(String)},
 * body and every header value. The routes under test are declared with {@link #route}; each ends by putting its
 * result through both (keeping it as it was) and then at {@link #MOCK}; {@link #assertPortable} checks an exchange
 * that went that way.
 */
public final class JsonPortability extends RouteBuilder {

    /** Where every route under test ends, after the checks. */
    public static final String MOCK = "mock:portable";
    private static final String RESULT = "direct:json-portability-result";
    private static final String HEADERS = "direct:json-portability-headers";

    private final List<String[]> routes = new ArrayList<>();

    /** A route under test: {@code from(from)}, then the {@code steps} in order, then the checks. */
    public JsonPortability route(String from, String... steps) {
        String[] route = new String[steps.length + 1];
        route[0] = from;
        System.arraycopy(steps, 0, route, 1, steps.length);
        routes.add(route);
        return this;
    }

    @Override
    public void configure() {
        for (String[] route : routes) {
            RouteDefinition definition = from(route[0]);
            for (int i = 1; i < route.length; i++) {
                definition.to(route[i]);
            }
            definition.to(RESULT).to(MOCK);
        }
        from(RESULT).setProperty("result", body())
                .marshal().json(JsonLibrary.Jackson).setProperty("json", body())
                .setBody(exchangeProperty("result")).convertBodyTo(String.class).setProperty("text", body())
                .setBody(exchangeProperty("result"));
        // each header value on its own, as a route would marshal it after setBody(header(...))
        from(HEADERS).setBody(e -> new ArrayList<>(e.getMessage().getHeaders().values()))
                .split(body()).stopOnException().to(RESULT);
    }

    /**
     * Asserts that the exchange, which went through a route under test, came out as JSON and as text, and that every
     * header value does too; returns the body's JSON.
     */
    public static JsonNode assertPortable(ProducerTemplate template, Exchange out) throws Exception {
        assertThat(out.getException()).as("marshal().json() and convertBodyTo(String) of the body").isNull();
        assertThat(out.getProperty("text")).as("the body as text").isNotNull();
        JsonNode json = new ObjectMapper().readTree(out.getProperty("json", String.class));
        assertThat(template.send(HEADERS, out).getException()).as("every header value").isNull();
        return json;
    }
}
