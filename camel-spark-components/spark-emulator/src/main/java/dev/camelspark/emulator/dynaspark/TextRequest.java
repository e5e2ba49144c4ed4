package dev.camelspark.emulator.dynaspark;

import java.util.function.Function;

import dev.camelspark.emulator.core.Params;

/** The validated query of {@code GET /api/generate_response}. */
record TextRequest(String userInput, String model, String system, Long seed, boolean json, boolean stream,
        boolean privateMode, String voice) {

    static TextRequest parse(Function<String, String> q) {
        String userInput = Params.required("user_input", q.apply("user_input"));
        Params.number("temperature", q.apply("temperature"), 0.0, 3.0);
        Params.number("top_p", q.apply("top_p"), 0.0, 1.0);
        Params.number("presence_penalty", q.apply("presence_penalty"), -2.0, 2.0);
        Params.number("frequency_penalty", q.apply("frequency_penalty"), -2.0, 2.0);
        Long seed = Params.integer("seed", q.apply("seed"), Long.MIN_VALUE, Long.MAX_VALUE);
        Boolean json = Params.bool("json", q.apply("json"));
        Boolean stream = Params.bool("stream", q.apply("stream"));
        Boolean privateMode = Params.bool("private", q.apply("private"));
        String voice = Params.oneOf("voice", q.apply("voice"), DynaSparkApi.VOICES);
        String model = q.apply("model");
        model = model == null || model.isBlank() ? null : model.trim();
        String system = q.apply("system");
        system = system == null || system.isBlank() ? null : system;
        return new TextRequest(userInput, model, system, seed, Boolean.TRUE.equals(json),
                Boolean.TRUE.equals(stream), Boolean.TRUE.equals(privateMode), voice == null ? "alloy" : voice);
    }
}
