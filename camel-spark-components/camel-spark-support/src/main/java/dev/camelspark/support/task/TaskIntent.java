package dev.camelspark.support.task;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A paid create call about to be sent, recorded in the {@link TaskStore} <em>before</em> it is sent and forgotten
 * once its task is recorded (or the provider refused it): an intent still there on restart means the process died
 * while the call's outcome was unknown, so the task may exist, paid and unpolled. The same input then does not create
 * another silently ({@code onUnknownOutcome}).
 *
 * @param provider    the component's scheme
 * @param taskKey     the submission's task key ({@link TaskKeys}): only keyed submissions are recognised again
 * @param operation   what is submitted ({@link TaskRecord#operation()})
 * @param fingerprint a hash of the request body as sent, to tell whether the same request comes again
 * @param at          when the create call was about to be sent (reconciliation matches the provider's tasks by it)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskIntent(String provider, String taskKey, String operation, String fingerprint, Instant at) {

    public TaskIntent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(at, "at");
    }
}
