package dev.camelspark.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Media under the in-memory limit (Camel's stream-cache spooling off, as by default) are {@code byte[]} bodies. */
class InMemoryMediaBodiesTest extends MediaBodiesTestSupport {

    @Test
    void everyMediaResultMarshalsToJsonAndConverts() throws Exception {
        for (String route : MEDIA_ROUTES) {
            String type = assertReadableThreeWays(route);
            // a video never goes into the heap, whatever its size
            assertThat(type).as(route).isEqualTo(route.equals("neospark-video")
                    ? "dev.camelspark.support.media.SpooledMedia" : "[B");
        }
    }
}
