package dev.camelspark.emulator.media;

import java.util.Random;

/**
 * Paints a deterministic abstract picture (a gradient sky with soft discs) from a seed, standing in for a generated
 * image: the same seed and size always give the same pixels, different seeds visibly different pictures.
 */
public final class PictureRenderer {

    private PictureRenderer() {
    }

    /** Pixels as {@code 0xRRGGBB}; {@code mark} draws a small logo block in the bottom-right corner. */
    public static int[] render(int width, int height, long seed, boolean mark) {
        Random random = new Random(seed);
        int[] px = new int[width * height];
        int top = randomColour(random);
        int bottom = randomColour(random);
        for (int y = 0; y < height; y++) {
            int c = mix(top, bottom, height == 1 ? 0 : (double) y / (height - 1));
            java.util.Arrays.fill(px, y * width, (y + 1) * width, c);
        }
        int discs = 4 + random.nextInt(5);
        int minSide = Math.min(width, height);
        for (int i = 0; i < discs; i++) {
            disc(px, width, height, random.nextInt(width), random.nextInt(height),
                    minSide / 10 + random.nextInt(Math.max(1, minSide / 3)), randomColour(random),
                    0.35 + random.nextDouble() * 0.4);
        }
        if (mark) {
            logo(px, width, height);
        }
        return px;
    }

    private static void disc(int[] px, int w, int h, int cx, int cy, int r, int colour, double opacity) {
        int x0 = Math.max(0, cx - r);
        int x1 = Math.min(w - 1, cx + r);
        int y0 = Math.max(0, cy - r);
        int y1 = Math.min(h - 1, cy + r);
        double r2 = (double) r * r;
        for (int y = y0; y <= y1; y++) {
            int dy = y - cy;
            for (int x = x0; x <= x1; x++) {
                int dx = x - cx;
                double d2 = dx * dx + dy * dy;
                if (d2 <= r2) {
                    // fades towards the rim, so discs look soft rather than flat
                    double a = opacity * (1 - d2 / r2);
                    int i = y * w + x;
                    px[i] = mix(px[i], colour, a);
                }
            }
        }
    }

    private static void logo(int[] px, int w, int h) {
        int size = Math.max(4, Math.min(w, h) / 16);
        int x0 = Math.max(0, w - size - size / 2);
        int y0 = Math.max(0, h - size - size / 2);
        for (int y = y0; y < Math.min(h, y0 + size); y++) {
            for (int x = x0; x < Math.min(w, x0 + size); x++) {
                boolean stripe = ((x - x0) / Math.max(1, size / 4)) % 2 == 0;
                px[y * w + x] = stripe ? 0xffffff : 0x202020;
            }
        }
    }

    private static int randomColour(Random random) {
        return (40 + random.nextInt(200)) << 16 | (40 + random.nextInt(200)) << 8 | (40 + random.nextInt(200));
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return r << 16 | g << 8 | bl;
    }
}
