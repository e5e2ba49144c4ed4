package dev.camelspark.emulator.core;

import java.util.function.Supplier;

/** Media to serve: its content type, and how to make its bytes (rendered when first fetched). */
public record Media(String contentType, Supplier<byte[]> bytes) {
}
