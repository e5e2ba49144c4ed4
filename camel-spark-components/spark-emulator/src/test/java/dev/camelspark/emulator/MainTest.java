package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void startsPrintsBaseUrlsAndAnswers() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (SparkEmulator emu = Main.start(new String[] {"--port", "0", "--token-delay-ms", "0",
            "--dynaspark-requests-per-hour", "5", "--deny-key", "blocked", "--sparkgpt-requests-per-day", "3",
            "--sparkstream-plan", "pro"}, out)) {
            String printed = buffer.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(emu.url() + "/dynaspark/api").contains(emu.url() + "/sparkgpt")
                    .contains(emu.url() + "/neospark/api/v1").contains("/_emulator");

            assertThat(HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hi&api_key=secret-9")
                    .headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hi&api_key=blocked")
                    .statusCode()).isEqualTo(401);
            assertThat(HttpAccess.post(emu.baseUrl(Provider.SPARKGPT) + "/api/getModelTrain", "{\"model_id\": 1}",
                    "Authorization", "Bearer k").headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(HttpAccess.post(emu.baseUrl(Provider.SPARKSTREAM) + "/v1/chat", "{\"model\": \"spark-1\", "
                    + "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "Authorization", "Bearer k")
                    .headers().firstValue("X-RateLimit-Limit")).hasValue("90");
            assertThat(HttpAccess.post(emu.baseUrl(Provider.SPARKGPT) + "/api/getModelTrain", "{\"model_id\": 1}",
                    "Authorization", "Bearer blocked").statusCode()).isEqualTo(401);
            HttpAccess.await(() -> buffer.toString(StandardCharsets.UTF_8).contains("-> 401"));
            assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("api_key=***").doesNotContain("secret-9");
        }
    }

    @Test
    void aBusyPortIsOneLineThatSaysSoAndHowToPickAnother() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(port)},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(1);
            String printed = err.toString(StandardCharsets.UTF_8);
            assertThat(printed.lines()).hasSize(1);
            assertThat(printed).contains("port " + port).contains("already in use").contains("--port")
                    .doesNotContain("Exception").doesNotContain("\tat ");

            assertThatThrownBy(() -> SparkEmulator.builder().host("127.0.0.1").port(port).build().start())
                    .isInstanceOf(EmulatorPortInUseException.class)
                    .hasMessageContaining("port " + port).hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((EmulatorPortInUseException) e).port()).isEqualTo(port));
        }
    }

    @Test
    void minimalTasksIsAStartupOption() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (SparkEmulator emu = Main.start(new String[] {"--port", "0", "--quiet", "--minimal-tasks"}, out)) {
            assertThat(emu.settings(Provider.SPARKDREAM, dev.camelspark.emulator.sparkdream.SparkDreamSettings.class)
                    .minimalTasks()).isTrue();
            assertThat(emu.neospark().minimalTasks()).isTrue();
        }
    }

    @Test
    void rejectsUnknownOptions() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Main.start(new String[] {"--bogus"}, out)).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Main.start(new String[] {"--port", "x"}, out)).hasMessageContaining("--port");
        assertThatThrownBy(() -> Main.start(new String[] {"--port", "0", "--sparkstream-plan", "gold"}, out))
                .hasMessageContaining("gold");
        assertThat(Main.start(new String[] {"--help"}, out)).isNull();
    }
}
