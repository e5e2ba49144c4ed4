package dev.camelspark.dynaspark;

/** What a {@code dynaspark:} endpoint generates. */
public enum DynaSparkOperation {
    /** Text from a prompt; {@code stream=true} streams it. */
    text,
    /** An image from a prompt. */
    image,
    /** Speech: the spoken answer to the text, as MP3. */
    audio
}
