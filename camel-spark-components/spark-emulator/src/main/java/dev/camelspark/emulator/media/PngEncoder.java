package dev.camelspark.emulator.media;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes 8-bit RGB PNG files. Written by hand rather than with ImageIO so the output depends only on the pixels
 * (byte-identical across JDKs) and the emulator needs neither java.desktop nor fonts on a headless server.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {
    }

    /** {@code rgb} holds {@code width * height} pixels as {@code 0xRRGGBB}, row by row. */
    public static byte[] encode(int width, int height, int[] rgb) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4 + 1024);
            out.write(SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8); // bit depth
            h.writeByte(2); // colour type: truecolour
            h.writeByte(0); // compression
            h.writeByte(0); // filter method
            h.writeByte(0); // no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", imageData(width, height, rgb));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] imageData(int width, int height, int[] rgb) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 4 + 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width * 3];
            row[0] = 1; // filter "Sub": each byte minus the one a pixel to the left; gradients then compress well
            for (int y = 0; y < height; y++) {
                int prevR = 0;
                int prevG = 0;
                int prevB = 0;
                for (int x = 0; x < width; x++) {
                    int p = rgb[y * width + x];
                    int r = (p >> 16) & 0xff;
                    int g = (p >> 8) & 0xff;
                    int b = p & 0xff;
                    int i = 1 + x * 3;
                    row[i] = (byte) (r - prevR);
                    row[i + 1] = (byte) (g - prevG);
                    row[i + 2] = (byte) (b - prevB);
                    prevR = r;
                    prevG = g;
                    prevB = b;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
