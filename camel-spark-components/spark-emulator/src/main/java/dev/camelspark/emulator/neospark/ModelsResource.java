package dev.camelspark.emulator.neospark;

import static dev.camelspark.emulator.neospark.Gateway.API;
import static dev.camelspark.emulator.neospark.Gateway.ok;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Json;
import io.vertx.ext.web.Router;

/**
 * What can be generated, with its prices: {@code GET /drawing/models/config} (the image models, see
 * {@link ImageModels}) and {@code GET /video/models} (the video models, ratios, resolutions and durations).
 */
final class ModelsResource {

    private final Gateway gateway;

    ModelsResource(Gateway gateway) {
        this.gateway = gateway;
    }

    void mount(Router router) {
        router.get(API + "/drawing/models/config").handler(gateway.api((rc, user) -> ok(rc, ImageModels.config())));
        router.get(API + "/video/models").handler(gateway.api((rc, user) -> ok(rc, videoModels())));
    }

    private static ObjectNode videoModels() {
        ObjectNode out = Json.object();
        ArrayNode models = out.putArray("models");
        VideoRequest.MODELS.values().forEach(m -> models.addObject().put("id", m.id()).put("name", m.name())
                .put("description", m.description()).put("price_per_second", m.pricePerSecond()));
        ArrayNode ratios = out.putArray("ratios");
        VideoRequest.RATIOS.forEach(ratios::add);
        ArrayNode resolutions = out.putArray("resolutions");
        VideoRequest.RESOLUTIONS.forEach(resolutions::add);
        out.putObject("durations").put("min", VideoRequest.MIN_DURATION).put("max", VideoRequest.MAX_DURATION)
                .put("default", VideoRequest.DEFAULT_DURATION);
        return out;
    }
}
