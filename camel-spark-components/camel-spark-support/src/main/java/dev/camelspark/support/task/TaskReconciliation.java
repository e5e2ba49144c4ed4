package dev.camelspark.support.task;

/**
 * What the provider's task list says of a create call whose outcome is unknown ({@link TaskProvider#reconcile}): the
 * task it created, that it created none, or that it cannot tell.
 *
 * @param task   the task found, else null
 * @param none   true when the provider shows no such task, so creating it now pays once
 * @param why    why it cannot tell, when neither
 */
public record TaskReconciliation(TaskSnapshot task, boolean none, String why) {

    public static TaskReconciliation found(TaskSnapshot task) {
        return new TaskReconciliation(task, false, null);
    }

    public static TaskReconciliation notFound() {
        return new TaskReconciliation(null, true, null);
    }

    public static TaskReconciliation unknown(String why) {
        return new TaskReconciliation(null, false, why);
    }
}
