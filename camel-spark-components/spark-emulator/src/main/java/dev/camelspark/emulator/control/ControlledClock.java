package dev.camelspark.emulator.control;

import java.time.Duration;
import java.time.Instant;

/** The emulator clock as the control API moves it ({@code /clock}, {@code /clock/advance}, ...). */
public interface ControlledClock {

    Instant now();

    boolean isFrozen();

    /** Moves time forward. */
    void advance(Duration amount);

    /** Stops time where it is. */
    void freeze();

    /** Lets time run again from where it was frozen. */
    void resume();
}
