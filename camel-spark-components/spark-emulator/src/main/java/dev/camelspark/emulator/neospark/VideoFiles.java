package dev.camelspark.emulator.neospark;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelspark.emulator.core.Seeds;
import dev.camelspark.emulator.media.Mp4Clip;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The encoded clips, one per size and duration: encoding takes a second of CPU, so it happens once, on a worker
 * thread, and the few clips kept are small (the padding that makes a file large is generated while sending).
 */
final class VideoFiles {

    private static final int KEPT = 6;

    private final Map<String, Mp4Clip> clips = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mp4Clip> eldest) {
            return size() > KEPT;
        }
    };

    /** The clip for this request's size and duration; completes on the caller's context. */
    Future<Mp4Clip> clip(Vertx vertx, VideoRequest request) {
        int[] size = request.pixels();
        int seconds = request.duration();
        String key = size[0] + "x" + size[1] + "/" + seconds;
        synchronized (clips) {
            Mp4Clip cached = clips.get(key);
            if (cached != null) {
                return Future.succeededFuture(cached);
            }
        }
        return vertx.executeBlocking(() -> {
            Mp4Clip clip = Mp4Clip.encode(size[0], size[1], seconds, Seeds.of("video", key));
            synchronized (clips) {
                clips.put(key, clip);
            }
            return clip;
        }, false);
    }
}
