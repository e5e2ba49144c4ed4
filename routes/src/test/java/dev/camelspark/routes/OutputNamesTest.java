package dev.camelspark.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputNamesTest {

    @Test
    void lettersOfEveryScriptAreKept() {
        assertThat(OutputNames.withoutExtension("image/верблюд.txt")).isEqualTo("image/верблюд");
        assertThat(OutputNames.withoutExtension("image/καμήλα.txt")).isEqualTo("image/καμήλα");
        assertThat(OutputNames.withoutExtension("image/日本語.txt")).isEqualTo("image/日本語");
        assertThat(OutputNames.safeName("café")).isEqualTo("café");
    }

    @Test
    void namesAreNormalisedSoOneNameIsOneFile() {
        // e + combining acute, and the full-width letters of East Asian keyboards, become their usual forms
        assertThat(OutputNames.safeName("cafe\u0301")).isEqualTo("café");
        assertThat(OutputNames.safeName("ＡＢＣ")).isEqualTo("ABC");
    }

    @Test
    void whatCouldEscapeOrHideBecomesHarmless() {
        assertThat(OutputNames.safeName("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(OutputNames.safeName(".hidden")).isEqualTo("hidden");
        assertThat(OutputNames.safeName("a b\tc\u0000d")).isEqualTo("a_b_c_d");
        assertThat(OutputNames.safeName("...")).isEqualTo("unnamed");
        assertThat(OutputNames.safeName("")).isEqualTo("unnamed");
    }

    @Test
    void longNamesFitTheFileSystemWithRoomForSuffixAndExtensions() {
        String name = OutputNames.safeName("日".repeat(200));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputNames.MAX_SEGMENT_BYTES);
        assertThat(name).matches("日+");
        assertThat((name + "-99.png.json.part").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Test
    void candidatesAreNumberedFromTwo() {
        assertThat(OutputNames.candidate("jobs/poster", 1)).isEqualTo("jobs/poster");
        assertThat(OutputNames.candidate("jobs/poster", 2)).isEqualTo("jobs/poster-2");
    }

    @Test
    void resolvingNeverLeavesTheRoot() {
        Path root = Path.of("/tmp/outbox");
        assertThat(OutputNames.resolve(root, "image/x.png")).isEqualTo(Path.of("/tmp/outbox/image/x.png"));
        assertThatThrownBy(() -> OutputNames.resolve(root, "../x")).hasMessageContaining("outside");
    }
}
