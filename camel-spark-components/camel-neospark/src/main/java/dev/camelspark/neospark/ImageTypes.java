package dev.camelspark.neospark;

import java.nio.charset.StandardCharsets;

/** Image types told from their first bytes: what NeoSpark accepts as an upload. */
final class ImageTypes {

    private ImageTypes() {
    }

    /** {@code image/png}, {@code image/jpeg}, {@code image/gif}, {@code image/webp}, or {@code null}. */
    static String sniff(byte[] head) {
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (starts(head, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(head, 'R', 'I', 'F', 'F') && head.length >= 12
            && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    static String extension(String type) {
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            default -> ".webp";
        };
    }

    private static boolean starts(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
