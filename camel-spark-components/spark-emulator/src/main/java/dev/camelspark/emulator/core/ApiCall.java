package dev.camelspark.emulator.core;

/**
 * What a request to a provider is, as tests think of it: the component operation that makes the call
 * ({@code image}, {@code chat}, {@code video}, ...) and the prompt as the provider reads it (null when it has none).
 */
public record ApiCall(String operation, String prompt) {
}
