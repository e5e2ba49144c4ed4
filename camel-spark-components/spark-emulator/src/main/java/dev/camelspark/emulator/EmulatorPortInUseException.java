package dev.camelspark.emulator;

/**
 * The emulator cannot listen: its port is taken (often by an emulator or application started earlier). The message
 * is the whole story, one line without a stack trace to read; each front end (the standalone jar, the embedded one)
 * adds how its user picks another port.
 */
public final class EmulatorPortInUseException extends IllegalStateException {

    private final String host;
    private final int port;

    EmulatorPortInUseException(String host, int port) {
        super("Cannot start the spark emulator: port " + port + " on " + host
                + " is already in use (by another emulator or application)");
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Nothing to learn from where it was thrown: the port is the story. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
