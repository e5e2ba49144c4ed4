package dev.camelspark.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartTest {

    @Test
    void readsFieldsAndFilesWithBinaryContent() {
        byte[] binary = {0, '\r', '\n', '-', '-', (byte) 0xff, 13, 10};
        byte[] body = concat("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n", binary,
                "\r\n--XyZ\r\nContent-Disposition: form-data; name=file_type\r\n\r\nimage\r\n--XyZ--\r\n");

        List<Multipart.Part> parts = Multipart.parse("multipart/form-data; boundary=\"XyZ\"", body);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("file");
        assertThat(parts.get(0).filename()).isEqualTo("a b.png");
        assertThat(parts.get(0).contentType()).isEqualTo("image/png");
        assertThat(parts.get(0).data()).isEqualTo(binary);
        assertThat(parts.get(1).name()).isEqualTo("file_type");
        assertThat(parts.get(1).filename()).isNull();
        assertThat(parts.get(1).text()).isEqualTo("image");
    }

    @Test
    void refusesBodiesThatAreNotMultipart() {
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data", new byte[0])).hasMessageContaining("boundary");
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b", "hello".getBytes()))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nunterminated".getBytes()))
                .hasMessageContaining("not closed");
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }
}
