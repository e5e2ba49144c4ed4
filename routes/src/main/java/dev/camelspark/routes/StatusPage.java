package dev.camelspark.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page on Camel Main's embedded HTTP server ({@code camel.server.*}, which {@code spark.batch.http.*}
 * sets): {@code GET /status} is a page that refreshes itself, {@code GET /status.json} what it shows
 * ({@link BatchStatus}). The same whichever DSL copy of the batch routes runs; with {@code spark.batch.http.enabled}
 * false there is no server and no route.
 */
public class StatusPage implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger("camel-spark.batch");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        boolean enabled = camelContext.getPropertiesComponent().resolveProperty("camel.server.enabled")
                .map(Boolean::parseBoolean).orElse(false);
        if (!enabled) {
            return;
        }
        String page = resource("status/status.html");
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // removeHeaders: platform-http would otherwise send the request's headers back
                from("platform-http:/status.json?httpMethodRestrict=GET").routeId("status-json")
                        .removeHeaders("*")
                        .process(StatusPage::json);
                from("platform-http:/status?httpMethodRestrict=GET").routeId("status-page")
                        .removeHeaders("*")
                        .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                        .setBody(constant(page));
            }
        });
        camelContext.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the server has its port once the context has started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                LOG.info("status page: http://localhost:{}/status (health: /observe/health)", port(context));
            }
        });
    }

    /** The port the embedded server listens on (the one it picked, when {@code spark.batch.http.port} is 0). */
    public static int port(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the embedded HTTP server is not running (spark.batch.http.enabled)");
        }
        return server.getPort();
    }

    private static void json(Exchange exchange) throws IOException {
        BatchProgress progress = exchange.getContext().getRegistry().lookupByNameAndType("progress", BatchProgress.class);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        // a page that polls must never show an old answer
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(JSON.writeValueAsString(progress.snapshot()));
    }

    private static String resource(String name) {
        try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
