package dev.camelspark.emulator.neospark;

import java.util.Arrays;
import java.util.Random;

import dev.camelspark.emulator.core.Seeds;
import dev.camelspark.emulator.core.TaskView;

/**
 * Video progress as NeoSpark reports it: 0-100, rising in uneven jumps rather than smoothly (the contract warns
 * clients about that), the same curve for the same task every time.
 */
final class ProgressSteps {

    private ProgressSteps() {
    }

    static int percent(String taskId, TaskView view) {
        if (view.state() == TaskView.State.COMPLETED) {
            return 100;
        }
        Random random = new Random(Seeds.of("progress", taskId));
        int steps = 4 + random.nextInt(5);
        double[] at = new double[steps];
        int[] value = new int[steps];
        for (int i = 0; i < steps; i++) {
            at[i] = random.nextDouble();
            value[i] = 1 + random.nextInt(98);
        }
        Arrays.sort(at);
        Arrays.sort(value);
        int percent = 0;
        for (int i = 0; i < steps && at[i] <= view.progress(); i++) {
            percent = value[i];
        }
        return percent;
    }
}
