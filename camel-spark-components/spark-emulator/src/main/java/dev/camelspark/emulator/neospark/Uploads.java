package dev.camelspark.emulator.neospark;

import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.media.MediaStore;
import io.vertx.ext.web.RoutingContext;

/**
 * The reference images users uploaded ({@code POST /storage/upload}): kept with their key, used as references of an
 * image generation ({@code ref_upload_ids}), listed among the user's images, served at
 * {@code /uploads/<user>/refs/<upload>.<ext>}.
 */
final class Uploads {

    record Upload(String id, String key, String url, String filename, String contentType, long size,
            Instant createdAt) {
    }

    private final MediaStore files;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();

    Uploads(InstantSource clock) {
        this.files = new MediaStore(clock);
    }

    void add(Upload upload, byte[] bytes) {
        files.put(upload.id(), upload.contentType(), Gateway.MEDIA_TTL, () -> bytes);
        synchronized (uploads) {
            uploads.put(upload.id(), upload);
        }
    }

    /** The upload with this id when the key made it. */
    Optional<Upload> own(String key, String id) {
        synchronized (uploads) {
            return Optional.ofNullable(uploads.get(id)).filter(u -> u.key().equals(key));
        }
    }

    /** The key's uploads, oldest first. */
    List<Upload> of(String key) {
        synchronized (uploads) {
            return uploads.values().stream().filter(u -> u.key().equals(key)).toList();
        }
    }

    /** {@code /uploads/<user>/refs/<file>}: the upload's bytes when the path is its URL, else 404. */
    void serve(RoutingContext rc, String path, String file, ObjectNode notFound) {
        int dot = file.lastIndexOf('.');
        String id = dot < 0 ? file : file.substring(0, dot);
        Upload upload;
        synchronized (uploads) {
            upload = uploads.get(id);
        }
        if (upload == null || !upload.url().equals(path)) {
            Responses.json(rc, 404, notFound);
            return;
        }
        files.serve(rc, id, notFound);
    }

    void clear() {
        files.clear();
        synchronized (uploads) {
            uploads.clear();
        }
    }
}
