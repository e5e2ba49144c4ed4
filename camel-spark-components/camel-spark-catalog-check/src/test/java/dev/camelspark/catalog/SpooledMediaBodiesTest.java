package dev.camelspark.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.camelspark.support.media.SpooledMedia;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.StreamCachingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Camel's stream-cache spooling on and a low threshold, media go to its spool directory as {@link SpooledMedia}
 * bodies: they still marshal and convert, the routes after a Kamelet still read them, and no file is left once the
 * exchanges completed, also when they failed.
 */
class SpooledMediaBodiesTest extends MediaBodiesTestSupport {

    @TempDir
    static Path spool;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StreamCachingStrategy strategy = context.getStreamCachingStrategy();
        strategy.setSpoolEnabled(true);
        strategy.setSpoolDirectory(spool.toFile());
        strategy.setSpoolThreshold(200);
        return context;
    }

    private static List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @AfterEach
    void nothingLeftInTheSpoolDirectory() throws IOException {
        assertThat(spooled()).isEmpty();
    }

    @Test
    void everyMediaResultIsSpooledAndStillMarshalsToJsonAndConverts() throws Exception {
        for (String route : MEDIA_ROUTES) {
            assertThat(assertReadableThreeWays(route)).as(route).isEqualTo(SpooledMedia.class.getName());
            assertThat(spooled()).as("deleted when the exchange completed: " + route).isEmpty();
        }
    }

    @Test
    void manyExchangesThroughAKameletLeaveNoTempFile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertReadableThreeWays("image-kamelet");
            Exchange failed = template.request("direct:fail-after-kamelet", e -> e.getMessage().setBody("A storm"));
            assertThat(failed.getException()).hasMessage("after the Kamelet");
        }
        assertThat(spooled()).isEmpty();
    }
}
