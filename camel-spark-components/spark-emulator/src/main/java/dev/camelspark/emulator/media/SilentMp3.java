package dev.camelspark.emulator.media;

import java.time.Duration;

/**
 * A valid MP3 of silence: MPEG-1 Layer III frames at 32 kbit/s, 48 kHz, mono, each with a correct header and zeroed
 * side information (no main data, which decoders play as silence). 96 bytes per frame, 24 ms per frame, so the file
 * length is proportional to the duration. Any MP3 parser or player accepts it.
 */
public final class SilentMp3 {

    /** Frame header: sync, MPEG-1, Layer III, no CRC | 32 kbit/s, 48 kHz, no padding | mono, original. */
    static final byte[] HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x14, (byte) 0xC4};
    public static final int FRAME_BYTES = 96;
    public static final double FRAME_SECONDS = 1152.0 / 48_000;

    private SilentMp3() {
    }

    public static byte[] ofDuration(Duration duration) {
        int frames = (int) Math.max(1, Math.ceil(duration.toMillis() / 1000.0 / FRAME_SECONDS));
        byte[] out = new byte[frames * FRAME_BYTES];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(HEADER, 0, out, f * FRAME_BYTES, HEADER.length);
        }
        return out;
    }

    /** Roughly how long {@code text} takes to say at a calm pace (about 14 characters a second), at least 0.5 s. */
    public static Duration speakingTime(String text) {
        return Duration.ofMillis(Math.max(500, Math.round(text.length() * 1000.0 / 14)));
    }
}
