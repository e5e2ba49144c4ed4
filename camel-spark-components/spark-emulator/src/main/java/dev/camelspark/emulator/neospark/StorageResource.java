package dev.camelspark.emulator.neospark;

import static dev.camelspark.emulator.neospark.Gateway.API;
import static dev.camelspark.emulator.neospark.Gateway.ok;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Multipart;
import dev.camelspark.emulator.core.Params;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The user's files and account: {@code POST /storage/upload} (a reference image, multipart), {@code GET
 * /storage/user-images} (uploads and generated images, newest first) and {@code GET /drawing/billing/history} (every
 * charge and refund, with the balance).
 */
final class StorageResource {

    private final EmulatorContext ctx;
    private final NeoSparkSettings settings;
    private final Gateway gateway;
    private final Uploads uploads;
    private final ImageResource images;

    StorageResource(EmulatorContext ctx, NeoSparkSettings settings, Gateway gateway, Uploads uploads,
            ImageResource images) {
        this.ctx = ctx;
        this.settings = settings;
        this.gateway = gateway;
        this.uploads = uploads;
        this.images = images;
    }

    void mount(Router router) {
        router.get(API + "/drawing/billing/history").handler(gateway.api(this::billing));
        router.post(API + "/storage/upload").handler(gateway.api(this::upload));
        router.get(API + "/storage/user-images").handler(gateway.api(this::userImages));
    }

    private void upload(RoutingContext rc, Gateway.User user) {
        String contentType = rc.request().getHeader("Content-Type");
        if (!Multipart.isMultipart(contentType)) {
            throw new Params.Invalid("file", "Upload must be multipart/form-data with a 'file' part");
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(contentType, rc.body().buffer().getBytes());
        } catch (IllegalArgumentException e) {
            throw new Params.Invalid("file", "Malformed multipart body: " + e.getMessage());
        }
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name()) && p.filename() != null)
                .findFirst().orElseThrow(() -> new Params.Invalid("file", "Missing required file part 'file'"));
        String fileType = parts.stream().filter(p -> "file_type".equals(p.name())).map(Multipart.Part::text)
                .findFirst().orElse("image");
        if (!fileType.equals("image")) {
            throw new Params.Invalid("file_type", "Invalid value '" + fileType + "' for 'file_type': must be image");
        }
        if (file.data().length == 0) {
            throw new Params.Invalid("file", "The uploaded file is empty");
        }
        if (file.data().length > settings.maxUploadBytes()) {
            throw new Params.Invalid("file", "File too large: " + file.data().length + " bytes, at most "
                    + settings.maxUploadBytes());
        }
        String type = ImageSniffer.contentType(file.data());
        if (type == null) {
            throw new Params.Invalid("file", "Unsupported file: only PNG, JPEG, WebP or GIF images are accepted");
        }
        String id = gateway.newId("up_", 16);
        String url = "/uploads/" + user.id() + "/refs/" + id + ImageSniffer.extension(type);
        Uploads.Upload upload = new Uploads.Upload(id, user.key(), url, file.filename(), type, file.data().length,
                ctx.clock().instant());
        uploads.add(upload, file.data());
        ok(rc, Json.object().put("upload_id", id).put("url", url).put("filename", upload.filename())
                .put("file_type", "image").put("content_type", type).put("size", upload.size())
                .put("created_at", upload.createdAt().toString()));
    }

    /** The user's uploads and generated images, newest first. */
    private void userImages(RoutingContext rc, Gateway.User user) {
        int limit = Gateway.limit(rc);
        int offset = Gateway.offset(rc);
        List<Map.Entry<Instant, ObjectNode>> items = new ArrayList<>();
        uploads.of(user.key()).forEach(u -> items.add(Map.entry(u.createdAt(), Json.object().put("id", u.id())
                .put("type", "upload").put("url", u.url()).put("filename", u.filename())
                .put("created_at", u.createdAt().toString()))));
        items.addAll(images.generated(user.key()));
        items.sort(Map.Entry.<Instant, ObjectNode>comparingByKey().reversed());
        ObjectNode out = Json.object().put("total", items.size()).put("limit", limit).put("offset", offset);
        ArrayNode list = out.putArray("items");
        items.stream().skip(offset).limit(limit).forEach(e -> list.add(e.getValue()));
        ok(rc, out);
    }

    private void billing(RoutingContext rc, Gateway.User user) {
        int limit = Gateway.limit(rc);
        int offset = Gateway.offset(rc);
        String type = rc.request().getParam("type");
        Ledger ledger = gateway.ledger();
        List<Ledger.Transaction> all = ledger.transactions(user.key()).stream()
                .filter(t -> type == null || type.isBlank() || t.type().equals(type)).toList();
        ObjectNode out = Json.object().put("total", all.size()).put("offset", offset).put("limit", limit)
                .put("balance", ledger.available(user.key()));
        ArrayNode list = out.putArray("transactions");
        all.stream().skip(offset).limit(limit).forEach(t -> list.add(t.toJson()));
        ok(rc, out);
    }
}
