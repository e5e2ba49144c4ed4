package dev.camelspark.emulator.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable seeds from request inputs, so the same request always gets the same answer, across runs and JVMs. */
public final class Seeds {

    private Seeds() {
    }

    public static long of(Object... parts) {
        return ByteBuffer.wrap(digest(parts)).getLong();
    }

    /** A short hex id derived from the inputs. */
    public static String hex(int chars, Object... parts) {
        return HexFormat.of().formatHex(digest(parts)).substring(0, chars);
    }

    private static byte[] digest(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
