package dev.camelspark.support.task;

/** What becomes of a record once its task's end has been handed out, by a waiting exchange or the tasks consumer. */
final class TaskEnds {

    private TaskEnds() {
    }

    /**
     * The end was told: the record is forgotten, unless tracking ended without the provider's final word (timed out,
     * status unreadable) and an input can come again (it has a task key): then it is kept, parked, so that input
     * resumes the task it paid for instead of paying for another.
     */
    static void handedOut(TaskStore store, TaskRecord end) {
        TaskRecord latest = store.find(end.provider(), end.taskId()).orElse(null);
        if (latest == null) {
            return;
        }
        if (latest.endedUnsettled() && latest.taskKey() != null) {
            store.save(latest.parked());
        } else {
            store.delivered(end.provider(), end.taskId());
        }
    }
}
