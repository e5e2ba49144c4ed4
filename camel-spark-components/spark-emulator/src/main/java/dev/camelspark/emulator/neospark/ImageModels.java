package dev.camelspark.emulator.neospark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Json;

/**
 * The image models of the vendor's table, with their resolutions and prices in credits. Where the vendor page is
 * silent the emulator decides, and says so: gpt-image-2 costs 4 credits at 512 and 1K, 7 at 2K, 13 at 4K with
 * {@code quality=standard} (the default) and 7, 7, 13, 18 with {@code quality=high} (the page gives only
 * "1K_std=4, 1K_hd=7"); it takes up to 14 references like the Gemini multi-reference models.
 */
final class ImageModels {

    /** One resolution of a model; {@code highPrice} is set only for models with a quality choice. */
    record Resolution(String value, String label, int price, Integer highPrice) {

        int price(String quality) {
            return "high".equals(quality) && highPrice != null ? highPrice : price;
        }
    }

    record Model(String id, String name, String provider, String description, List<Resolution> resolutions,
            int maxReferences, boolean hasQuality) {

        Resolution resolution(String value) {
            return resolutions.stream().filter(r -> r.value().equals(value)).findFirst().orElse(null);
        }

        List<String> resolutionValues() {
            return resolutions.stream().map(Resolution::value).toList();
        }
    }

    static final List<String> PROVIDERS = List.of("gemini", "openai", "tengda");
    static final List<String> QUALITIES = List.of("standard", "high");
    /** The accepted resolution values; each model allows some of them. */
    static final List<String> RESOLUTIONS = List.of("512", "1K", "2K", "3K", "4K");
    static final Map<String, String> ASPECT_RATIOS = aspectRatios();
    static final Map<String, Model> MODELS = models();

    private ImageModels() {
    }

    /** {@code openai} and {@code tengda} are the same backend. */
    static String canonicalProvider(String provider) {
        return "tengda".equals(provider) ? "openai" : provider;
    }

    /** Pixel size of a picture: the long side follows the resolution (capped at 2048 to spare memory). */
    static int[] pixels(String resolution, String aspectRatio) {
        int longSide = switch (resolution) {
            case "512" -> 512;
            case "1K" -> 1024;
            default -> 2048;
        };
        String[] parts = aspectRatio.split(":");
        double w = Double.parseDouble(parts[0]);
        double h = Double.parseDouble(parts[1]);
        int width = w >= h ? longSide : even(longSide * w / h);
        int height = w >= h ? even(longSide * h / w) : longSide;
        return new int[] {width, height};
    }

    private static int even(double v) {
        return Math.max(2, (int) Math.round(v / 2) * 2);
    }

    /** The answer of {@code GET /drawing/models/config}. */
    static ObjectNode config() {
        ObjectNode out = Json.object();
        MODELS.values().forEach(m -> {
            ObjectNode model = out.putObject(m.id());
            model.put("name", m.name()).put("provider", m.provider()).put("description", m.description());
            ArrayNode resolutions = model.putArray("supported_resolutions");
            m.resolutions().forEach(r -> {
                ObjectNode res = resolutions.addObject().put("value", r.value()).put("label", r.label())
                        .put("price", r.price());
                if (r.highPrice() != null) {
                    res.put("price_high", r.highPrice());
                }
            });
            ArrayNode ratios = model.putArray("supported_aspect_ratios");
            ASPECT_RATIOS.forEach((value, label) -> ratios.addObject().put("value", value).put("label", label));
            model.put("supports_image_to_image", true);
            model.put("max_reference_images", m.maxReferences());
            if (m.hasQuality()) {
                model.putArray("supported_qualities").add("standard").add("high");
            }
        });
        return out;
    }

    private static Map<String, String> aspectRatios() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1:1", "Square");
        m.put("16:9", "Landscape 16:9");
        m.put("9:16", "Portrait 9:16");
        m.put("4:3", "Landscape 4:3");
        m.put("3:4", "Portrait 3:4");
        m.put("3:2", "Landscape 3:2");
        m.put("2:3", "Portrait 2:3");
        m.put("21:9", "Ultra-wide 21:9");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Model> models() {
        Map<String, Model> m = new LinkedHashMap<>();
        add(m, new Model("gemini-3-pro-image-preview", "Gemini 3 Pro Image", "gemini",
                "Google's highest quality image model", List.of(
                        res("1K", 13, null), res("2K", 13, null), res("4K", 18, null)), 14, false));
        add(m, new Model("gemini-3.1-flash-image-preview", "Gemini 3.1 Flash Image", "gemini",
                "Fast, inexpensive, multi-reference", List.of(
                        res("512", 4, null), res("1K", 7, null), res("2K", 7, null), res("4K", 13, null)), 14, false));
        add(m, new Model("gemini-2.5-flash-image", "Gemini 2.5 Flash Image", "gemini",
                "Single-reference editing", List.of(res("1K", 6, null)), 1, false));
        add(m, new Model("gpt-image-2", "GPT Image 2", "openai",
                "OpenAI image model through Tengda (MagicAPI); quality standard or high", List.of(
                        res("512", 4, 7), res("1K", 4, 7), res("2K", 7, 13), res("4K", 13, 18)), 14, true));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Model> m, Model model) {
        m.put(model.id(), model);
    }

    private static Resolution res(String value, int price, Integer high) {
        String label = switch (value) {
            case "512" -> "512px";
            case "1K" -> "1K (1024px)";
            case "2K" -> "2K (2048px)";
            case "3K" -> "3K (3072px)";
            default -> "4K (4096px)";
        };
        return new Resolution(value, label, price, high);
    }
}
