package dev.camelspark.emulator.neospark;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;

/** NeoSpark calls over real HTTP with a key, and the envelope's parts. */
final class NeoSparkCalls {

    static final String KEY = "np_test_key";

    private final SparkEmulator emulator;
    private final String key;

    NeoSparkCalls(SparkEmulator emulator) {
        this(emulator, KEY);
    }

    NeoSparkCalls(SparkEmulator emulator, String key) {
        this.emulator = emulator;
        this.key = key;
    }

    NeoSparkCalls as(String otherKey) {
        return new NeoSparkCalls(emulator, otherKey);
    }

    String base() {
        return emulator.baseUrl(Provider.NEOSPARK);
    }

    /** The host root the relative media URLs are resolved against: the base URL without /api/v1. */
    String root() {
        return emulator.url() + Provider.NEOSPARK.prefix();
    }

    HttpResponse<String> get(String path) {
        return HttpAccess.get(base() + path, "X-API-Key", key);
    }

    HttpResponse<String> post(String path, String json) {
        return HttpAccess.post(base() + path, json, "X-API-Key", key);
    }

    HttpResponse<String> delete(String path) {
        return HttpAccess.send(HttpAccess.request(base() + path, "X-API-Key", key).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String filename, byte[] content, String fileType) {
        String boundary = "----neospark-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
        if (fileType != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_type\"\r\n\r\n" + fileType
                    + "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = HttpAccess.request(base() + "/storage/upload", "X-API-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpAccess.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts the envelope's code equals the HTTP status and returns {@code data}. */
    static JsonNode data(HttpResponse<String> response) {
        JsonNode body = HttpAccess.json(response);
        if (body.get("code").asInt() != response.statusCode()) {
            throw new AssertionError("envelope code " + body.get("code") + " but HTTP " + response.statusCode());
        }
        return body.get("data");
    }

    static String message(HttpResponse<String> response) {
        return HttpAccess.json(response).get("message").asText();
    }

    /** The key's credits now, as the billing history reports them. */
    long balance() {
        return data(get("/drawing/billing/history?limit=1")).get("balance").asLong();
    }

    String newSession() {
        return data(post("/drawing/sessions", "{\"title\":\"tests\"}")).get("session_id").asText();
    }

    /** Starts an image task in a new session: 512 on gemini-3.1-flash (4 credits per image). */
    String generate(String prompt) {
        HttpResponse<String> r = post("/drawing/sessions/" + newSession() + "/generate",
                "{\"prompt\":\"" + prompt + "\",\"model\":\"gemini-3.1-flash-image-preview\",\"resolution\":\"512\","
                        + "\"aspect_ratio\":\"1:1\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError(r.body());
        }
        return data(r).get("message_id").asText();
    }

    String createVideo(String json) {
        HttpResponse<String> r = post("/video/generations", json);
        if (r.statusCode() != 200) {
            throw new AssertionError(r.body());
        }
        return data(r).get("task_id").asText();
    }
}
