package dev.camelspark.support.error;

/** An asynchronous task ended {@code failed} or {@code cancelled}; the provider's code and message say why. */
public class SparkTaskFailedException extends SparkApiException {

    private final String taskId;
    private final String taskStatus;

    public SparkTaskFailedException(String provider, String taskId, String taskStatus, String providerCode,
                                    String providerMessage) {
        super(describe(provider, 0, providerCode, "task " + taskId + " " + taskStatus
                                                  + (providerMessage == null || providerMessage.isBlank()
                                                          ? "" : ": " + providerMessage)),
              provider, 0, providerCode, providerMessage, null, null, null);
        this.taskId = taskId;
        this.taskStatus = taskStatus;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskStatus() {
        return taskStatus;
    }
}
