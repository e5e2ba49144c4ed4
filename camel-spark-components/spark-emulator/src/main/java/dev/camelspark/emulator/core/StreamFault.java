package dev.camelspark.emulator.core;

import java.time.Duration;

/**
 * What a test asked to happen to a streamed answer: after {@code delay}, send {@code afterEvents} events, then end
 * the stream cleanly without {@code [DONE]} (cut) or send nothing more and hold the connection open (stall).
 */
public record StreamFault(boolean stall, int afterEvents, Duration delay) {
}
