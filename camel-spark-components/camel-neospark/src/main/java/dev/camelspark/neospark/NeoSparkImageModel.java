package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;

/**
 * An image model as {@code neospark:models} returns it, from {@code GET /drawing/models/config}.
 *
 * @param resolutions     what it can make and the unit price of each, in credits
 * @param aspectRatios    the aspect ratio values it takes
 * @param imageToImage    whether it takes reference images
 */
public record NeoSparkImageModel(String id, String name, String provider, String description,
                                 List<Resolution> resolutions, List<String> aspectRatios, boolean imageToImage) {

    /** A resolution value (512, 1K, ...), its label and its unit price in credits. */
    public record Resolution(String value, String label, BigDecimal price) {
    }

    static NeoSparkImageModel of(String id, JsonNode json) {
        List<Resolution> resolutions = new ArrayList<>();
        for (JsonNode r : json.path("supported_resolutions")) {
            resolutions.add(new Resolution(SparkJson.text(r, "value"), SparkJson.text(r, "label"),
                    NeoSparkTask.decimal(r.get("price"))));
        }
        List<String> ratios = new ArrayList<>();
        for (JsonNode r : json.path("supported_aspect_ratios")) {
            String value = r.isTextual() ? r.asText() : SparkJson.text(r, "value");
            if (value != null) {
                ratios.add(value);
            }
        }
        return new NeoSparkImageModel(id, SparkJson.text(json, "name"), SparkJson.text(json, "provider"),
                SparkJson.text(json, "description"), List.copyOf(resolutions), List.copyOf(ratios),
                json.path("supports_image_to_image").asBoolean(false));
    }
}
