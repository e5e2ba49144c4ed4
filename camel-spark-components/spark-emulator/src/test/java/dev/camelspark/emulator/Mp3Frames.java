package dev.camelspark.emulator;

/** An independent MP3 frame walker for the tests: checks every frame header and that frames tile the file exactly. */
public final class Mp3Frames {

    private static final int[] BITRATES_MPEG1_L3 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1};
    private static final int[] SAMPLE_RATES_MPEG1 = {44100, 48000, 32000, -1};

    private Mp3Frames() {
    }

    /** The number of frames; throws when a header is invalid or the last frame does not end at the file's end. */
    public static int count(byte[] data) {
        int pos = 0;
        if (data.length > 10 && data[0] == 'I' && data[1] == 'D' && data[2] == '3') {
            int size = (data[6] & 0x7f) << 21 | (data[7] & 0x7f) << 14 | (data[8] & 0x7f) << 7 | (data[9] & 0x7f);
            pos = 10 + size;
        }
        int frames = 0;
        while (pos < data.length) {
            if (pos + 4 > data.length) {
                throw new AssertionError("Truncated frame header at " + pos);
            }
            int h = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8
                    | (data[pos + 3] & 0xff);
            if ((h >>> 21) != 0x7ff) {
                throw new AssertionError("No frame sync at " + pos);
            }
            int version = (h >>> 19) & 3;
            int layer = (h >>> 17) & 3;
            int bitrate = BITRATES_MPEG1_L3[(h >>> 12) & 15];
            int rate = SAMPLE_RATES_MPEG1[(h >>> 10) & 3];
            int padding = (h >>> 9) & 1;
            if (version != 3 || layer != 1 || bitrate <= 0 || rate <= 0) {
                throw new AssertionError("Not an MPEG-1 Layer III frame at " + pos + ": " + Integer.toHexString(h));
            }
            int length = 144 * bitrate * 1000 / rate + padding;
            if (pos + length > data.length) {
                throw new AssertionError("Frame at " + pos + " runs past the end");
            }
            pos += length;
            frames++;
        }
        return frames;
    }
}
