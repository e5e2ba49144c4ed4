package dev.camelspark.neospark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What NeoSpark's models allow and cost, from the vendor's table (api-contracts.md §5), so that a request is checked
 * and its cost estimated before any call. gpt-image-2's prices beyond "1K_std=4, 1K_hd=7" are not on the vendor page;
 * they follow the emulator's documented choice (standard 4/4/7/13, high 7/7/13/18 credits at 512/1K/2K/4K).
 */
final class NeoSparkPricing {

    /** One image model: its provider, resolutions with their unit prices (standard, high), and reference limit. */
    record ImageModel(String id, String provider, Map<String, int[]> prices, int maxReferences, boolean hasQuality) {

        List<String> resolutions() {
            return List.copyOf(prices.keySet());
        }

        int unitPrice(String resolution, String quality) {
            int[] p = prices.get(resolution);
            return "high".equals(quality) && p.length > 1 ? p[1] : p[0];
        }
    }

    static final String DEFAULT_IMAGE_MODEL = "gemini-3.1-flash-image-preview";
    static final Map<String, ImageModel> IMAGE_MODELS = imageModels();
    static final List<String> ASPECT_RATIOS = List.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9");
    static final List<String> PROVIDERS = List.of("gemini", "openai", "tengda");
    static final List<String> QUALITIES = List.of("standard", "high");
    static final int MAX_REF_UPLOADS = 14;

    /** Video models and their price per second, in credits. */
    static final Map<String, Integer> VIDEO_PRICE_PER_SECOND = Map.of("AiVideoMax", 26, "AiVideoMin", 21);
    static final List<String> VIDEO_MODELS = List.of("AiVideoMax", "AiVideoMin");
    static final List<String> VIDEO_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "21:9");
    static final List<String> VIDEO_RESOLUTIONS = List.of("720p", "480p");
    static final int MIN_DURATION = 4;
    static final int MAX_DURATION = 15;
    static final int DEFAULT_DURATION = 5;
    static final int MAX_VIDEO_PROMPT = 2000;
    static final int MAX_REFERENCE_IMAGES = 9;
    static final int MAX_REFERENCE_VIDEOS = 3;

    private NeoSparkPricing() {
    }

    /** {@code openai} and {@code tengda} name the same backend. */
    static String canonicalProvider(String provider) {
        return "tengda".equals(provider) ? "openai" : provider;
    }

    /** Unit price of the resolution (and quality) times the number of images, in credits. */
    static int imageCost(String model, String resolution, String quality, int numImages) {
        return IMAGE_MODELS.get(model).unitPrice(resolution, quality) * numImages;
    }

    /** Price per second times duration, in credits: 5 s of AiVideoMax cost 130. */
    static int videoCost(String model, int duration) {
        return VIDEO_PRICE_PER_SECOND.get(model) * duration;
    }

    private static Map<String, ImageModel> imageModels() {
        Map<String, ImageModel> m = new LinkedHashMap<>();
        add(m, "gemini-3-pro-image-preview", "gemini", 14, false, "1K", 13, "2K", 13, "4K", 18);
        add(m, DEFAULT_IMAGE_MODEL, "gemini", 14, false, "512", 4, "1K", 7, "2K", 7, "4K", 13);
        add(m, "gemini-2.5-flash-image", "gemini", 1, false, "1K", 6);
        m.put("gpt-image-2", new ImageModel("gpt-image-2", "openai", ordered(
                "512", new int[] {4, 7}, "1K", new int[] {4, 7}, "2K", new int[] {7, 13}, "4K", new int[] {13, 18}),
                14, true));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, ImageModel> m, String id, String provider, int maxRefs, boolean quality,
                            Object... resolutionPrice) {
        Map<String, int[]> prices = new LinkedHashMap<>();
        for (int i = 0; i < resolutionPrice.length; i += 2) {
            prices.put((String) resolutionPrice[i], new int[] {(Integer) resolutionPrice[i + 1]});
        }
        m.put(id, new ImageModel(id, provider, java.util.Collections.unmodifiableMap(prices), maxRefs, quality));
    }

    private static Map<String, int[]> ordered(Object... resolutionPrices) {
        Map<String, int[]> prices = new LinkedHashMap<>();
        for (int i = 0; i < resolutionPrices.length; i += 2) {
            prices.put((String) resolutionPrices[i], (int[]) resolutionPrices[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(prices);
    }
}
