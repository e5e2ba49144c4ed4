package dev.camelspark.emulator.sparkdream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parameters of a create call, read from {@code input[0].params} (what the vendor documents) or from the top
 * level (what the emulator also accepts), and checked the way Spark Dream checks them: each refusal carries the
 * vendor's code (api-contracts.md §4).
 */
record GenerationRequest(String prompt, boolean usePreLlm, long seed, double scale, int width, int height) {

    static final String MODEL = "spark_dream_3_0";
    static final int DEFAULT_SIZE = 1328;
    static final int MIN_SIZE = 512;
    static final int MAX_SIZE = 2048;
    static final int MAX_PROMPT = 800;

    /** A refusal with the vendor's error code. */
    static final class Invalid extends RuntimeException {
        private final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The parameters object of a create body: {@code input[0].params} when present, else the body itself. */
    static JsonNode paramsOf(JsonNode body) {
        JsonNode input = body.get("input");
        if (input != null && input.isArray() && !input.isEmpty()) {
            JsonNode params = input.get(0).get("params");
            return params != null && params.isObject() ? params : input.get(0);
        }
        return body;
    }

    static GenerationRequest parse(JsonNode params) {
        JsonNode prompt = params.get("prompt");
        if (prompt == null || prompt.isNull()) {
            throw new Invalid("003019001", "Prompt missing");
        }
        if (!prompt.isTextual() || prompt.asText().isEmpty() || prompt.asText().length() > MAX_PROMPT) {
            throw new Invalid("003019002", "Invalid prompt length, must be 1-800 characters");
        }
        boolean usePreLlm = false;
        JsonNode pre = params.get("use_pre_llm");
        if (pre != null && !pre.isNull()) {
            if (!pre.isBoolean()) {
                throw new Invalid("003019003", "Invalid use_pre_llm parameter");
            }
            usePreLlm = pre.asBoolean();
        }
        long seed = -1;
        JsonNode seedNode = params.get("seed");
        if (seedNode != null && !seedNode.isNull()) {
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()
                    || seedNode.asLong() != -1 && seedNode.asLong() <= 0) {
                throw new Invalid("003019004", "Invalid seed parameter, must be -1 or positive integer");
            }
            seed = seedNode.asLong();
        }
        double scale = 2.5;
        JsonNode scaleNode = params.get("scale");
        if (scaleNode != null && !scaleNode.isNull()) {
            if (!scaleNode.isNumber() || scaleNode.asDouble() < 1 || scaleNode.asDouble() > 10) {
                throw new Invalid("003019005", "Invalid scale parameter, must be between 1-10");
            }
            scale = scaleNode.asDouble();
        }
        JsonNode w = params.get("width");
        JsonNode h = params.get("height");
        boolean hasW = w != null && !w.isNull();
        boolean hasH = h != null && !h.isNull();
        int width = DEFAULT_SIZE;
        int height = DEFAULT_SIZE;
        if (hasW || hasH) {
            if (!hasW || !hasH || !inSizeRange(w) || !inSizeRange(h)) {
                throw new Invalid("003019006",
                        "Invalid width/height parameters, must be between 512-2048 and both must be provided");
            }
            width = w.asInt();
            height = h.asInt();
            if ((long) width * height > (long) MAX_SIZE * MAX_SIZE
                    || Math.max(width, height) > 3 * Math.min(width, height)) {
                throw new Invalid("003019007", "Invalid aspect ratio, must be between 1:3 and 3:1");
            }
        }
        return new GenerationRequest(prompt.asText(), usePreLlm, seed, scale, width, height);
    }

    private static boolean inSizeRange(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= MIN_SIZE && n.asInt() <= MAX_SIZE;
    }
}
