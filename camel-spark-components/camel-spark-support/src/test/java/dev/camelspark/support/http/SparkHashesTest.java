package dev.camelspark.support.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkHashesTest {

    @Test
    void theLeadingBytesOfTheSha256InHex() {
        // FIPS 180-2's test vector: SHA-256("abc") = ba7816bf 8f01cfea ...
        assertThat(SparkHashes.sha256Hex("abc", 4)).isEqualTo("ba7816bf");
        assertThat(SparkHashes.sha256Hex("abc", 8)).isEqualTo("ba7816bf8f01cfea");
    }
}
