package dev.camelspark.sparkdream;

/** What a {@code sparkdream:} endpoint does. */
public enum SparkDreamOperation {
    /** Submit an image task and wait for it, without holding a thread: prompt in, image out. */
    generate,
    /** Submit an image task, record it, return its id at once; the {@code tasks} consumer hands it out. */
    submit,
    /** Read a task: task id in, the task out (headers set). */
    status,
    /** Consumer only: one exchange per ended task of its {@code taskGroup}. */
    tasks
}
