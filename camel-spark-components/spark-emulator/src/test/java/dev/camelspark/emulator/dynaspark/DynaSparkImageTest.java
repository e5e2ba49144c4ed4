package dev.camelspark.emulator.dynaspark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;

class DynaSparkImageTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private JsonNode generate(String query) {
        HttpResponse<String> r = HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_image?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HttpAccess.json(r);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    @Test
    void returnsAnAbsoluteUrlServingAPngOfTheAskedSize() throws IOException {
        JsonNode body = generate("user_input=" + HttpAccess.q("A futuristic city") + "&width=320&height=200&model=turbo&seed=42");

        assertThat(body.get("model").asText()).isEqualTo("turbo");
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        String imageUrl = body.get("image_url").asText();
        assertThat(imageUrl).startsWith(EMULATOR.emulator().url() + "/dynaspark/generated/").endsWith(".png");
        assertThat(imageUrl).doesNotContain("/api/");

        HttpResponse<byte[]> png = HttpAccess.getBytes(imageUrl);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = decode(png.body());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void defaultsAre768SquareWithFluxAndARandomSeedThatIsReturned() throws IOException {
        JsonNode body = generate("user_input=sunset");

        assertThat(body.get("model").asText()).isEqualTo("flux");
        assertThat(body.get("seed").isIntegralNumber()).isTrue();
        BufferedImage image = decode(HttpAccess.getBytes(body.get("image_url").asText()).body());
        assertThat(image.getWidth()).isEqualTo(768);
        assertThat(image.getHeight()).isEqualTo(768);
    }

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedAnotherOne() {
        byte[] a = HttpAccess.getBytes(generate("user_input=lake&width=64&height=64&seed=1").get("image_url").asText()).body();
        byte[] b = HttpAccess.getBytes(generate("user_input=lake&width=64&height=64&seed=1").get("image_url").asText()).body();
        byte[] c = HttpAccess.getBytes(generate("user_input=lake&width=64&height=64&seed=2").get("image_url").asText()).body();

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void largestSizeIsRendered() throws IOException {
        BufferedImage image = decode(HttpAccess.getBytes(
                generate("user_input=big&width=2048&height=64&nologo=true").get("image_url").asText()).body());
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(64);
    }

    @Test
    void imageUrlExpiresAfter24HoursOfEmulatorClock() {
        String imageUrl = generate("user_input=ephemeral&width=64&height=64").get("image_url").asText();
        EMULATOR.emulator().clock().advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(HttpAccess.getBytes(imageUrl).statusCode()).isEqualTo(200);

        EMULATOR.emulator().clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> gone = HttpAccess.get(imageUrl);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(HttpAccess.json(gone).get("error").asText()).contains("expired");
    }

    @Test
    void unknownImageIs404() {
        assertThat(HttpAccess.get(EMULATOR.emulator().url() + "/dynaspark/generated/image_nope.png").statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "width=63, 'width': must be an integer between 64 and 2048",
        "height=2049, 'height': must be an integer between 64 and 2048",
        "width=wide, 'width': must be an integer",
        "model=dalle, 'model': must be one of flux, turbo, gptimage",
        "nologo=perhaps, 'nologo': must be a boolean",
        "seed=x, 'seed': must be an integer",
    })
    void badParametersAre400(String param, String message) {
        HttpResponse<String> r = HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_image?user_input=x&" + param);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).contains(message);
    }

    @Test
    void userInputIsRequired() {
        HttpResponse<String> r = HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_image?width=100");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).contains("user_input");
    }
}
