package dev.camelspark.emulator.media;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Media;
import dev.camelspark.emulator.core.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Generated media kept by id until it expires on the emulator clock. Only the recipe is stored; bytes are rendered
 * on a worker thread when fetched (never on the event loop) and a few recent results are cached.
 */
public final class MediaStore {

    private record Item(String contentType, Supplier<byte[]> renderer, Instant expiresAt) {
    }

    private static final int CACHE_ENTRIES = 8;

    private final InstantSource clock;
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public MediaStore(InstantSource clock) {
        this.clock = clock;
    }

    /** Registers (or renews) an item that expires {@code ttl} from now on the emulator clock. */
    public void put(String id, String contentType, Duration ttl, Supplier<byte[]> renderer) {
        items.put(id, new Item(contentType, renderer, clock.instant().plus(ttl)));
    }

    /** Registers (or renews) media, the emulator's own or a stub's, that expires {@code ttl} from now. */
    public void put(String id, Duration ttl, Media media) {
        put(id, media.contentType(), ttl, media.bytes());
    }

    public boolean isAvailable(String id) {
        Item item = items.get(id);
        return item != null && clock.instant().isBefore(item.expiresAt());
    }

    /** Answers with the item's bytes, or 404 with {@code notFoundBody} when unknown or expired. */
    public void serve(RoutingContext rc, String id, Object notFoundBody) {
        Item item = items.get(id);
        if (item == null || !clock.instant().isBefore(item.expiresAt())) {
            if (item != null) {
                items.remove(id, item);
            }
            Responses.json(rc, 404, notFoundBody);
            return;
        }
        rc.vertx().<byte[]>executeBlocking(() -> render(id, item), false).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.send(rc, 200, item.contentType(), Buffer.buffer(ar.result()));
            } else {
                Responses.json(rc, 500, Json.object().put("error", "Rendering failed: " + ar.cause().getMessage()));
            }
        });
    }

    private byte[] render(String id, Item item) {
        synchronized (cache) {
            byte[] cached = cache.get(id);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bytes = item.renderer().get();
        synchronized (cache) {
            cache.put(id, bytes);
        }
        return bytes;
    }

    public void clear() {
        items.clear();
        synchronized (cache) {
            cache.clear();
        }
    }
}
