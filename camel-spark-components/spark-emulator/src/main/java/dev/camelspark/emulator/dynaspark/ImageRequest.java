package dev.camelspark.emulator.dynaspark;

import java.util.function.Function;

import dev.camelspark.emulator.core.Params;

/** The validated query of {@code GET /api/generate_image}. */
record ImageRequest(String userInput, int width, int height, String model, boolean nologo, Long seed,
        String watermark) {

    static ImageRequest parse(Function<String, String> q) {
        String userInput = Params.required("user_input", q.apply("user_input"));
        Long width = Params.integer("width", q.apply("width"), 64, 2048);
        Long height = Params.integer("height", q.apply("height"), 64, 2048);
        String model = Params.oneOf("model", q.apply("model"), DynaSparkApi.IMAGE_MODELS);
        Boolean nologo = Params.bool("nologo", q.apply("nologo"));
        Long seed = Params.integer("seed", q.apply("seed"), Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new ImageRequest(userInput, width == null ? 768 : width.intValue(),
                height == null ? 768 : height.intValue(), model == null ? "flux" : model,
                Boolean.TRUE.equals(nologo), seed, q.apply("wm"));
    }
}
