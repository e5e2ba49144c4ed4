package dev.camelspark.emulator.neospark;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * NeoSpark (api-contracts.md §5), by resource: images in drawing sessions ({@link ImageResource}), Seedance videos
 * ({@link VideoResource}), uploads, the user's images and the billing history ({@link StorageResource}), and the
 * models ({@link ModelsResource}), all under {@code /api/v1} behind the {@link Gateway} (key, credits, the
 * {@code {code, message, data}} envelope); generated and uploaded media under {@code /uploads/} at the host root, as
 * the relative URLs in the answers say. Images and videos are tasks on the emulator clock, steered by the emulator's
 * task rules.
 */
public class NeoSparkApi implements ProviderApi {

    private final NeoSparkSettings settings = new NeoSparkSettings();
    private final Gateway gateway = new Gateway(settings);
    private final Uploads uploads;
    private final ImageResource images;
    private final VideoResource videos;
    private final StorageResource storage;
    private final ModelsResource models = new ModelsResource(gateway);

    public NeoSparkApi(EmulatorContext ctx) {
        this.uploads = new Uploads(ctx.clock());
        this.images = new ImageResource(ctx, settings, gateway, uploads);
        this.videos = new VideoResource(ctx, settings, gateway);
        this.storage = new StorageResource(ctx, settings, gateway, uploads, images);
    }

    @Override
    public NeoSparkSettings settings() {
        return settings;
    }

    @Override
    public Object errorBody(int status, String message) {
        return Gateway.envelope(status, message, null);
    }

    @Override
    public void reset() {
        gateway.reset();
        uploads.clear();
        images.reset();
        videos.reset();
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return NeoSparkOperations.ALL;
    }

    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        return NeoSparkOperations.identify(method, path, body);
    }

    @Override
    public void mount(Router router) {
        models.mount(router);
        images.mount(router);
        storage.mount(router);
        videos.mount(router);
        router.get("/uploads/*").handler(this::serveFile);
    }

    /**
     * {@code /uploads/<user>/images/<y>/<m>/<d>/<message>_<i>.png}, {@code /uploads/<user>/refs/<upload>.<ext>} and
     * {@code /uploads/videos/<user>/<task>.mp4}: public, like the vendor's static files; 404 in the envelope for
     * anything not (or no longer) there.
     */
    private void serveFile(RoutingContext rc) {
        String path = rc.request().path();
        String rel = path.substring(path.indexOf("/uploads/") + "/uploads/".length());
        String[] parts = rel.split("/");
        ObjectNode notFound = Gateway.envelope(404, "File not found: /uploads/" + rel, null);
        if (parts.length == 3 && parts[0].equals("videos") && parts[2].endsWith(".mp4")) {
            videos.serve(rc, parts[1], parts[2].substring(0, parts[2].length() - ".mp4".length()), notFound);
        } else if (parts.length == 6 && parts[1].equals("images") && parts[5].endsWith(".png")) {
            images.serve(rc, "/uploads/" + rel, parts[5], notFound);
        } else if (parts.length == 3 && parts[1].equals("refs")) {
            uploads.serve(rc, "/uploads/" + rel, parts[2], notFound);
        } else {
            Responses.json(rc, 404, notFound);
        }
    }
}
