package dev.camelspark.neospark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code neospark:upload}: a reference image (a {@code File}, {@code Path}, {@code byte[]} or {@code InputStream}
 * body, or what the file component delivers) in, its upload id out, with its URL in {@code CamelNeoSparkUploadUrl}.
 * A stream is spooled to a temp file first, so the multipart request can be sent again on a retry; the temp file is
 * deleted when the exchange completes. Only PNG, JPEG, WebP and GIF images are sent: anything else fails before the
 * call.
 */
class NeoSparkUploadProducer extends SparkProducerSupport {

    static final String PATH = "/storage/upload";
    private static final Logger LOG = LoggerFactory.getLogger(NeoSparkUploadProducer.class);

    private final NeoSparkEndpoint endpoint;

    NeoSparkUploadProducer(NeoSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) throws IOException {
        NeoSparkConfiguration config = endpoint.configurationFor(exchange);
        ContentBody file = fileOf(exchange);
        SparkRequest request = endpoint.client().post(PATH)
                .entity(MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED).setCharset(StandardCharsets.UTF_8)
                        .addPart("file", file)
                        .addTextBody("file_type", "image")
                        .build())
                .build();
        return endpoint.call(exchange, request).thenAccept(data -> {
            String id = SparkJson.text(data, "upload_id");
            if (id == null || id.isBlank()) {
                throw new SparkApiException(provider(), 200, null, "the upload answer has no upload_id: " + data);
            }
            Message message = exchange.getMessage();
            message.setBody(id);
            String url = SparkJson.text(data, "url");
            if (url != null && !url.isBlank()) {
                message.setHeader(NeoSparkConstants.UPLOAD_URL, endpoint.client().resolveMediaUrl(url));
            }
        });
    }

    /** The body as the multipart file part, named and typed from its content. */
    private ContentBody fileOf(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String headerName = message.getHeader(Exchange.FILE_NAME_ONLY, message.getHeader(Exchange.FILE_NAME, String.class),
                String.class);
        if (body instanceof byte[] bytes) {
            String type = imageType(bytes, bytes.length);
            return new ByteArrayBody(bytes, ContentType.create(type), fileName(headerName, type));
        }
        if (body instanceof InputStream in) {
            return fileBody(spool(exchange, in), headerName);
        }
        File file = body instanceof Path path ? path.toFile()
                : body instanceof File f ? f
                : body instanceof String ? null : message.getBody(File.class); // e.g. the file component's GenericFile
        if (file == null) {
            throw new SparkValidationException(provider(), "body (image to upload)",
                    body == null ? "null" : body.getClass().getName(),
                    "a File, Path, byte[] or InputStream holding a PNG, JPEG, WebP or GIF image", null);
        }
        if (!file.isFile()) {
            throw new SparkValidationException(provider(), "body (image to upload)", file, "an existing file", null);
        }
        return fileBody(file.toPath(), headerName != null ? headerName : file.getName());
    }

    private FileBody fileBody(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        String type = imageType(head, Files.size(file));
        return new FileBody(file.toFile(), ContentType.create(type), fileName(name, type));
    }

    /** Copies a stream to a temp file deleted when the exchange completes. */
    private static Path spool(Exchange exchange, InputStream in) throws IOException {
        Path temp = Files.createTempFile("camel-neospark-upload-", ".bin");
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not delete the spooled upload {}: {}", temp, e.getMessage());
                }
            }
        });
        try (in) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return temp;
    }

    /** The image type from the first bytes, as the service checks it; anything else is refused before the call. */
    private String imageType(byte[] head, long size) {
        String type = ImageTypes.sniff(head);
        if (size == 0 || type == null) {
            throw new SparkValidationException(provider(), "body (image to upload)",
                    size == 0 ? "empty" : size + " bytes that are not an image", "a PNG, JPEG, WebP or GIF image", null);
        }
        return type;
    }

    private static String fileName(String proposed, String type) {
        if (proposed != null && !proposed.isBlank()) {
            String name = proposed.replace('\\', '/');
            return name.substring(name.lastIndexOf('/') + 1);
        }
        return "upload" + ImageTypes.extension(type);
    }
}
