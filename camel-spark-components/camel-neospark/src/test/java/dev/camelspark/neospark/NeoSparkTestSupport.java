package dev.camelspark.neospark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.testing.EmulatedComponentTestSupport;

/**
 * A Camel context whose neospark component points at a real emulator over HTTP, with a key. Tasks finish 300 ms after
 * they are created, unless a test freezes the emulator's clock.
 */
abstract class NeoSparkTestSupport extends EmulatedComponentTestSupport {

    static final String KEY = "np_camel_test";

    /** A small real PNG, as an upload would carry. */
    static final byte[] PNG = pngOf(4, 3);

    NeoSparkTestSupport() {
        super(Provider.NEOSPARK, KEY);
    }

    /** The calls the emulator received on one path below /api/v1, e.g. {@code /storage/upload}. */
    static List<RecordedRequest> calls(String method, String path) {
        return emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.method().equals(method) && r.path().equals("/api/v1" + path)).toList();
    }

    static List<RecordedRequest> calls(String method) {
        return emulator().requests(Provider.NEOSPARK).stream().filter(r -> r.method().equals(method)).toList();
    }

    NeoSparkComponent component() {
        return context.getComponent("neospark", NeoSparkComponent.class);
    }

    /** The create calls the emulator received: image generations and video tasks. */
    static List<RecordedRequest> creates() {
        return emulator().requests(Provider.NEOSPARK).stream().filter(r -> r.method().equals("POST")
                && (r.path().endsWith("/generate") || r.path().equals("/api/v1/video/generations"))).toList();
    }

    /** The host root that relative media URLs resolve against: the base URL without /api/v1. */
    static String root() {
        return emulator().url() + Provider.NEOSPARK.prefix();
    }

    /** Straight to the emulator, not through the component: to set up tasks and read what the service knows. */
    static JsonNode api(String method, String path, String json) {
        return api(method, path, json, KEY);
    }

    static JsonNode api(String method, String path, String json, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty(
                        "spark.emulator.neospark.url") + path))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return SparkJson.tryParse(response.body()).get("data");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An image task made straight on the emulator (512 on gemini-3.1-flash-image-preview, 4 credits). */
    static String imageTaskOnTheEmulator(String prompt) {
        String session = api("POST", "/drawing/sessions", "{}").get("session_id").asText();
        return api("POST", "/drawing/sessions/" + session + "/generate", "{\"prompt\":\"" + prompt
                + "\",\"model\":\"gemini-3.1-flash-image-preview\",\"resolution\":\"512\",\"aspect_ratio\":\"1:1\"}")
                .get("message_id").asText();
    }

    static String videoTaskOnTheEmulator(String prompt) {
        return videoTaskOnTheEmulator(prompt, KEY);
    }

    static String videoTaskOnTheEmulator(String prompt, String key) {
        return api("POST", "/video/generations", "{\"prompt\":\"" + prompt + "\",\"resolution\":\"480p\"}", key)
                .get("task_id").asText();
    }

    private static byte[] pngOf(int width, int height) {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
