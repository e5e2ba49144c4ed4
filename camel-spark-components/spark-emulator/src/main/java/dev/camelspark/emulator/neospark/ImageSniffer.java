package dev.camelspark.emulator.neospark;

import java.nio.charset.StandardCharsets;

/** Tells an image upload's type from its first bytes, as the vendor does (the declared Content-Type is not trusted). */
final class ImageSniffer {

    private ImageSniffer() {
    }

    /** {@code image/png}, {@code image/jpeg}, {@code image/gif}, {@code image/webp}, or null for anything else. */
    static String contentType(byte[] data) {
        if (starts(data, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (starts(data, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        if (starts(data, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || starts(data, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (data.length >= 12 && starts(data, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(data, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            default -> ".webp";
        };
    }

    private static boolean starts(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
