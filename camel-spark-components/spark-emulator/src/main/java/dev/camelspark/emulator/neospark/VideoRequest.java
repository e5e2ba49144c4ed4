package dev.camelspark.emulator.neospark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Params;

/** The body of {@code POST /video/generations}, checked as api-contracts.md §5 says. */
record VideoRequest(String prompt, String model, int duration, String ratio, String resolution, boolean generateAudio,
        String firstFrameUrl, List<String> referenceImageUrls, List<String> referenceVideoUrls,
        String referenceAudioUrl) {

    record VideoModel(String id, String name, String description, int pricePerSecond) {
    }

    static final Map<String, VideoModel> MODELS = models();
    static final List<String> RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "21:9");
    static final List<String> RESOLUTIONS = List.of("720p", "480p");
    static final int MIN_DURATION = 4;
    static final int MAX_DURATION = 15;
    static final int DEFAULT_DURATION = 5;
    static final int MAX_PROMPT = 2000;

    static VideoRequest parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String prompt = f.requiredText("prompt");
        if (prompt.length() > MAX_PROMPT) {
            throw new Params.Invalid("prompt", "Invalid value for 'prompt': " + prompt.length()
                    + " characters, must be 1-" + MAX_PROMPT);
        }
        String model = f.oneOf("model", List.copyOf(MODELS.keySet()));
        Long duration = f.integer("duration", MIN_DURATION, MAX_DURATION);
        String ratio = f.oneOf("ratio", RATIOS);
        String resolution = f.oneOf("resolution", RESOLUTIONS);
        Boolean audio = f.bool("generate_audio");
        return new VideoRequest(prompt, model == null ? "AiVideoMax" : model,
                duration == null ? DEFAULT_DURATION : duration.intValue(), ratio == null ? "16:9" : ratio,
                resolution == null ? "720p" : resolution, Boolean.TRUE.equals(audio), f.text("first_frame_url"),
                f.texts("reference_image_urls", 9), f.texts("reference_video_urls", 3), f.text("reference_audio_url"));
    }

    int pricePerSecond() {
        return MODELS.get(model).pricePerSecond();
    }

    /** Price per second times duration: 5 s of AiVideoMax cost 130 credits. */
    int estimatedCost() {
        return pricePerSecond() * duration;
    }

    /** Every URL the service would have to fetch, with the parameter naming it. */
    Map<String, String> referenceUrls() {
        Map<String, String> out = new LinkedHashMap<>();
        if (firstFrameUrl != null) {
            out.put(firstFrameUrl, "first_frame_url");
        }
        referenceImageUrls.forEach(u -> out.putIfAbsent(u, "reference_image_urls"));
        referenceVideoUrls.forEach(u -> out.putIfAbsent(u, "reference_video_urls"));
        if (referenceAudioUrl != null) {
            out.putIfAbsent(referenceAudioUrl, "reference_audio_url");
        }
        return out;
    }

    /** Width and height of the video: the short side is 720 or 480 pixels. */
    int[] pixels() {
        int shortSide = resolution.equals("480p") ? 480 : 720;
        String[] parts = ratio.split(":");
        double w = Double.parseDouble(parts[0]);
        double h = Double.parseDouble(parts[1]);
        int width = w >= h ? even(shortSide * w / h) : shortSide;
        int height = w >= h ? shortSide : even(shortSide * h / w);
        return new int[] {width, height};
    }

    private static int even(double v) {
        return (int) Math.round(v / 2) * 2;
    }

    private static Map<String, VideoModel> models() {
        Map<String, VideoModel> m = new LinkedHashMap<>();
        m.put("AiVideoMax", new VideoModel("AiVideoMax", "AiVideo Max", "Highest quality, cinematic output", 26));
        m.put("AiVideoMin", new VideoModel("AiVideoMin", "AiVideo Min", "Balanced cost and speed", 21));
        return java.util.Collections.unmodifiableMap(m);
    }
}
