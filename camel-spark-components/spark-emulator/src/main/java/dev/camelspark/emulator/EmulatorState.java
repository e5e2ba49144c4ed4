package dev.camelspark.emulator;

/**
 * What one emulator holds and its parts share: the providers' routers and contexts, the control API and the
 * emulator itself.
 */
record EmulatorState(EmulatorClock clock, EmulatorSettings settings, Faults faults, TaskRules taskRules, Stubs stubs,
        RequestLog requests) {
}
