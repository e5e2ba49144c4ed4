package dev.camelspark.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * How the harnesses run a pair where JMH does not fit: a warm-up round of each side, then the measured rounds,
 * alternating which side goes first so that neither always runs on a machine the other has just warmed or loaded.
 *
 * @param <T> what one side's run measures
 */
final class Rounds<T> {

    /** One side's run. */
    @FunctionalInterface
    interface Side<T> {
        T run() throws Exception;
    }

    final List<T> baseline = new ArrayList<>();
    final List<T> ours = new ArrayList<>();

    static <T> Rounds<T> run(int rounds, Side<T> baseline, Side<T> ours) throws Exception {
        Rounds<T> result = new Rounds<>();
        baseline.run();
        ours.run();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                result.baseline.add(baseline.run());
                result.ours.add(ours.run());
            } else {
                result.ours.add(ours.run());
                result.baseline.add(baseline.run());
            }
        }
        return result;
    }

    /** Only ours, where no baseline fits (10,000 threads): a warm-up round (unless told not to), then the
     * measured ones. */
    static <T> Rounds<T> oneSide(int rounds, Side<T> ours, boolean warmUp) throws Exception {
        Rounds<T> result = new Rounds<>();
        if (warmUp) {
            ours.run();
        }
        for (int round = 0; round < rounds; round++) {
            result.ours.add(ours.run());
        }
        return result;
    }

    /** The value of {@code --name N} on a harness's command line, or the default. */
    static int intArg(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
