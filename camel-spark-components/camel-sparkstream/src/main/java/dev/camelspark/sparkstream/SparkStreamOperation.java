package dev.camelspark.sparkstream;

/** What a {@code sparkstream:} endpoint does. */
public enum SparkStreamOperation {
    /** A chat completion: a message or a conversation in, the assistant's answer out ({@code stream=true} streams it). */
    chat
}
