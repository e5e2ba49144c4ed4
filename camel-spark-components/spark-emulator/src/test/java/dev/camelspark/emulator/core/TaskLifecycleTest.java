package dev.camelspark.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.camelspark.emulator.EmulatorClock;

/** The generic task life cycle every provider with tasks uses: status computed from the emulator clock. */
class TaskLifecycleTest {

    private final EmulatorClock clock = new EmulatorClock();
    private final TaskBoard<String> board = new TaskBoard<>(clock, "t-");
    private final List<TaskPlan.Phase> phases = List.of(new TaskPlan.Phase("pending", Duration.ofSeconds(2)),
            new TaskPlan.Phase("generating", Duration.ofSeconds(8)));

    TaskLifecycleTest() {
        clock.freeze();
    }

    @Test
    void statusAndProgressFollowTheClock() {
        EmulatedTask<String> task = board.create("k", TaskPlan.of(phases, Optional.empty()), "req");
        assertThat(board.view(task).status()).isEqualTo("pending");
        assertThat(board.view(task).progress()).isZero();
        clock.advance(Duration.ofSeconds(6));
        assertThat(board.view(task).status()).isEqualTo("generating");
        assertThat(board.view(task).progress()).isEqualTo(0.5);
        clock.advance(Duration.ofSeconds(4));
        TaskView done = board.view(task);
        assertThat(done.state()).isEqualTo(TaskView.State.COMPLETED);
        assertThat(done.finishedAt()).isEqualTo(task.createdAt().plusSeconds(10));
        assertThat(done.progress()).isEqualTo(1.0);
    }

    @Test
    void failedStuckAndCancelledTasks() {
        EmulatedTask<String> failing = board.create("k",
                TaskPlan.of(phases, Optional.of(new TaskPlan.Outcome(TaskPlan.Ending.FAILED, Duration.ofSeconds(1),
                        "E1", "broken"))), "a");
        EmulatedTask<String> stuck = board.create("k",
                TaskPlan.of(phases, Optional.of(new TaskPlan.Outcome(TaskPlan.Ending.STUCK, null, null, null))), "b");
        EmulatedTask<String> cancelled = board.create("k", TaskPlan.of(phases, Optional.empty()), "c");
        clock.advance(Duration.ofSeconds(3));
        assertThat(board.cancel(cancelled)).isTrue();
        clock.advance(Duration.ofDays(1));

        TaskView f = board.view(failing);
        assertThat(f.state()).isEqualTo(TaskView.State.FAILED);
        assertThat(f.code()).isEqualTo("E1");
        assertThat(f.finishedAt()).isEqualTo(failing.createdAt().plusSeconds(1));
        assertThat(board.view(stuck).status()).isEqualTo("generating");
        assertThat(board.view(stuck).isFinal()).isFalse();
        TaskView c = board.view(cancelled);
        assertThat(c.state()).isEqualTo(TaskView.State.CANCELLED);
        assertThat(c.finishedAt()).isEqualTo(cancelled.createdAt().plusSeconds(3));
        assertThat(board.cancel(cancelled)).isFalse();
        assertThat(board.cancel(failing)).isFalse();
    }

    @Test
    void tasksAreVisibleOnlyToTheirOwner() {
        EmulatedTask<String> task = board.create("alice", TaskPlan.of(phases, Optional.empty()), "r");
        assertThat(board.get(task.id(), "alice")).contains(task);
        assertThat(board.get(task.id(), "bob")).isEmpty();
        assertThat(board.get("t-unknown", "alice")).isEmpty();
    }
}
