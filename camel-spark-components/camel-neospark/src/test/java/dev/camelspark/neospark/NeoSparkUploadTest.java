package dev.camelspark.neospark;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NeoSparkUploadTest extends NeoSparkTestSupport {

    @TempDir
    static Path inbox;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("neospark:upload");
                from("file:" + inbox.resolve("drop") + "?include=.*\\.png&noop=true").to("neospark:upload")
                        .to("mock:uploaded");
            }
        };
    }

    @Test
    void bytesBecomeAnUploadIdWithTheUrlInAHeader() {
        Exchange out = send("direct:upload", PNG);

        assertThat(out.getException()).isNull();
        String id = out.getMessage().getBody(String.class);
        assertThat(id).startsWith("up_");
        assertThat(out.getMessage().getHeader(NeoSparkConstants.UPLOAD_URL, String.class))
                .isEqualTo(root() + "/uploads/1/refs/" + id + ".png");

        RecordedRequest call = calls("POST", "/storage/upload").get(0);
        assertThat(call.header("X-API-Key")).isEqualTo(KEY);
        assertThat(call.header("Content-Type")).startsWith("multipart/form-data;").contains("boundary=");
        assertThat(call.body()).contains("name=\"file\"; filename=\"upload.png\"").contains("Content-Type: image/png")
                .contains("name=\"file_type\"").contains("image");
        // the service really has it: it serves the same bytes
        assertThat(api("GET", "/storage/user-images", null).get("items").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aFileOrPathKeepsItsName() throws Exception {
        Path file = Files.write(inbox.resolve("cat.jpg.png"), PNG);

        Exchange fromFile = send("direct:upload", file.toFile());
        Exchange fromPath = send("direct:upload", file);

        assertThat(fromFile.getException()).isNull();
        assertThat(fromPath.getException()).isNull();
        assertThat(calls("POST", "/storage/upload")).allSatisfy(c -> assertThat(c.body())
                .contains("filename=\"cat.jpg.png\""));
    }

    @Test
    void aStreamIsSpooledToATempFileThatIsGoneAfterTheExchange() throws Exception {
        Exchange out = template.send("direct:upload", e -> {
            e.getMessage().setBody(new ByteArrayInputStream(PNG));
            e.getMessage().setHeader(Exchange.FILE_NAME, "photos/holiday.png");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).startsWith("up_");
        assertThat(calls("POST", "/storage/upload").get(0).body()).contains("filename=\"holiday.png\"");
        try (Stream<Path> temps = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temps.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("camel-neospark-upload-"));
        }
    }

    @Test
    void aStreamIsSentAgainWhenTheServiceAsksForARetry() {
        emulator().faults().add(Fault.respond(503).on(Provider.NEOSPARK).path("/api/v1/storage/upload")
                .header("Retry-After", "0").times(1));

        Exchange out = send("direct:upload", new ByteArrayInputStream(PNG));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelSparkAttempts", Integer.class)).isEqualTo(2);
        assertThat(calls("POST", "/storage/upload")).hasSize(2)
                .allSatisfy(c -> assertThat(c.body()).contains("filename=\"upload.png\""));
    }

    @Test
    void filesFromTheFileComponentAreUploaded() throws Exception {
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedMessageCount(1);
        Path written = Files.write(inbox.resolve("dropped.png.part"), PNG);
        Files.move(written, Files.createDirectories(inbox.resolve("drop")).resolve("dropped.png"));

        uploaded.assertIsSatisfied();
        assertThat(uploaded.getReceivedExchanges().get(0).getMessage().getBody(String.class)).startsWith("up_");
        assertThat(calls("POST", "/storage/upload").get(0).body()).contains("filename=\"dropped.png\"");
    }

    @Test
    void somethingThatIsNotAnImageIsRefusedBeforeAnyCall() throws Exception {
        Exchange text = send("direct:upload", "not an image".getBytes());
        Exchange empty = send("direct:upload", new byte[0]);
        Exchange string = send("direct:upload", "/tmp/cat.png");
        File missing = inbox.resolve("missing.png").toFile();
        Exchange absent = send("direct:upload", missing);

        assertThat(text.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("PNG, JPEG, WebP or GIF");
        assertThat(empty.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("empty");
        assertThat(string.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("File, Path, byte[] or InputStream");
        assertThat(absent.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("an existing file");
        assertThat(category(text)).isEqualTo("VALIDATION");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }
}
