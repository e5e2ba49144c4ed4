package dev.camelspark.support.media;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names for files in downloadDirectory: never a path, never hidden, always with an extension. */
class SafeFileNameTest {

    private static final URI URL = URI.create("https://cdn.example/uploads/3/images/cat.png?sig=abc");

    @Test
    void pathTricksAreNeutralised() {
        assertThat(MediaDownloader.safeFileName("../../etc/passwd", URL, "image/png")).isEqualTo("etc_passwd.png");
        assertThat(MediaDownloader.safeFileName("..\\..\\windows\\win.ini", URL, "")).isEqualTo("windows_win.ini");
        assertThat(MediaDownloader.safeFileName("/abs/path.png", URL, "")).isEqualTo("abs_path.png");
        assertThat(MediaDownloader.safeFileName("..", URL, "image/png")).isEqualTo("media.png");
        assertThat(MediaDownloader.safeFileName(".hidden", URL, "image/png")).isEqualTo("hidden.png");
        assertThat(MediaDownloader.safeFileName("a\u0000b\nc.png", URL, "")).isEqualTo("a_b_c.png");
    }

    @Test
    void theNameComesFromTheUrlWhenNoneIsGiven() {
        assertThat(MediaDownloader.safeFileName(null, URL, "image/png")).isEqualTo("cat.png");
        assertThat(MediaDownloader.safeFileName(" ", URI.create("https://cdn.example/v/clip%20one.mp4"), "video/mp4"))
                .isEqualTo("clip_one.mp4");
        assertThat(MediaDownloader.safeFileName(null, URI.create("https://cdn.example/a/..%2F..%2Fetc%2Fpasswd"), ""))
                .isEqualTo("passwd.bin");
        assertThat(MediaDownloader.safeFileName(null, URI.create("https://cdn.example/"), "image/jpeg")).isEqualTo("media.jpg");
    }

    @Test
    void theExtensionFollowsTheMediaTypeThenTheUrl() {
        URI noExt = URI.create("https://cdn.example/result");
        assertThat(MediaDownloader.safeFileName("out", noExt, "image/png")).isEqualTo("out.png");
        assertThat(MediaDownloader.safeFileName("out", noExt, "image/jpeg")).isEqualTo("out.jpg");
        assertThat(MediaDownloader.safeFileName("out", noExt, "image/webp")).isEqualTo("out.webp");
        assertThat(MediaDownloader.safeFileName("out", noExt, "audio/mpeg")).isEqualTo("out.mp3");
        assertThat(MediaDownloader.safeFileName("out", noExt, "video/mp4")).isEqualTo("out.mp4");
        assertThat(MediaDownloader.safeFileName("out", noExt, "application/octet-stream")).isEqualTo("out.bin");
        assertThat(MediaDownloader.safeFileName("out", URI.create("https://cdn.example/x.gif"), "")).isEqualTo("out.gif");
        assertThat(MediaDownloader.safeFileName("out", URI.create("https://cdn.example/x.tar.gz.weird-ext"), "")).isEqualTo("out.bin");
        assertThat(MediaDownloader.safeFileName("keep.jpeg", noExt, "image/png")).as("a given extension stays").isEqualTo("keep.jpeg");
    }

    @Test
    void longNamesAreCutAndStayVisible() {
        String cut = MediaDownloader.safeFileName("x".repeat(300) + ".png", URL, "image/png");
        assertThat(cut).hasSize(120).endsWith(".png");
        // cutting must not leave a leading dot (a hidden file) behind
        String dotted = MediaDownloader.safeFileName("a" + ".png".repeat(40), URL, "image/png");
        assertThat(dotted).doesNotStartWith(".").endsWith(".png").hasSizeLessThanOrEqualTo(120);
    }
}
