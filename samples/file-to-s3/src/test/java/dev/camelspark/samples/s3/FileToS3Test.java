package dev.camelspark.samples.s3;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.apache.camel.test.main.junit5.CamelMainTest;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as it ships (its application.properties and YAML route, the embedded emulator), uploading to a real
 * S3-compatible server: S3Proxy, started here from Maven, with AWS signature checks on.
 */
@CamelMainTest(properties = { "sample.read-lock-min-age=0" })
class FileToS3Test {

    private static final String IDENTITY = "local-identity";
    private static final String CREDENTIAL = "local-credential";
    static final Path INBOX;
    static final S3Proxy S3;

    static {
        try {
            INBOX = Files.createTempDirectory("file-to-s3-inbox-");
            BlobStoreContext blobs = ContextBuilder.newBuilder("transient")
                    .credentials(IDENTITY, CREDENTIAL).build(BlobStoreContext.class);
            S3 = S3Proxy.builder()
                    .blobStore(blobs.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .build();
            S3.start();
            while (!AbstractLifeCycle.STARTED.equals(S3.getState())) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        // S3-compatible servers (S3Proxy, older MinIO) lack the SDK's default flexible checksums: only when required
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.responseChecksumValidation", "when_required");
        // system properties override application.properties
        System.setProperty("sample.inbox", INBOX.toString());
        System.setProperty("sample.s3.endpoint", "http://127.0.0.1:" + S3.getPort());
    }

    @AfterAll
    static void stopS3() throws Exception {
        S3.stop();
    }

    private static S3Client s3() {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + S3.getPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .build();
    }

    @Test
    void aPromptFileBecomesAPngObjectInTheBucket() throws Exception {
        Path staging = Files.createTempFile("prompt", ".tmp");
        Files.writeString(staging, "A red fox asleep in fresh snow, watercolour\n");
        Files.move(staging, INBOX.resolve("fox.txt"));

        try (S3Client s3 = s3()) {
            ResponseBytes<GetObjectResponse> object = await().atMost(Duration.ofSeconds(30))
                    // not there yet: any other S3 failure fails the test
                    .ignoreExceptionsMatching(e -> e instanceof NoSuchKeyException || e instanceof NoSuchBucketException)
                    .until(() -> s3.getObjectAsBytes(b -> b.bucket("generated-images").key("images/fox.png")), o -> true);

            assertThat(object.response().contentType()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(object.asByteArray()));
            assertThat(image.getWidth()).isEqualTo(768);
            assertThat(image.getHeight()).isEqualTo(512);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(INBOX.resolve(".done/fox.txt")));
    }

}
