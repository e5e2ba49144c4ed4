package dev.camelspark.support.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One timer for the deadlines of every call in flight: each call still cancelled at its own deadline. */
class DeadlineWatchTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final DeadlineWatch watch = new DeadlineWatch(timer);

    {
        timer.setRemoveOnCancelPolicy(true); // as the transport sets it
    }

    /** A call that records when it was cancelled (System.nanoTime), 0 while it was not. */
    private static final class Call implements Cancellable {
        final AtomicLong cancelledAt = new AtomicLong();

        @Override
        public boolean cancel() {
            cancelledAt.compareAndSet(0, System.nanoTime());
            return true;
        }
    }

    @AfterEach
    void tearDown() {
        timer.shutdownNow();
    }

    @Test
    void aCallStillInFlightAtItsDeadlineIsCancelledAndOneThatEndedIsNot() {
        Call slow = new Call();
        Call quick = new Call();
        long start = System.nanoTime();
        watch.watch(slow, 200);
        watch.watch(quick, 200).run(); // ended in time
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.cancelledAt.get() != 0);
        assertThat(slow.cancelledAt.get() - start).as("not before its deadline").isGreaterThanOrEqualTo(200_000_000L);
        assertThat(quick.cancelledAt.get()).isZero();
        assertThat(watch.size()).isZero();
    }

    @Test
    void aShorterDeadlineWatchedAfterALongerOneIsKeptOnTime() {
        Call longOne = new Call();
        Call shortOne = new Call();
        watch.watch(longOne, 60_000);
        long start = System.nanoTime();
        watch.watch(shortOne, 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> shortOne.cancelledAt.get() != 0);
        assertThat(shortOne.cancelledAt.get() - start).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(longOne.cancelledAt.get()).as("its deadline is a minute away").isZero();
        assertThat(watch.size()).isEqualTo(1);
    }

    @Test
    void deadlinesOfManyCallsEachHoldAndFinishedCallsLeaveNothingBehind() {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Call call = new Call();
            calls.add(call);
            DeadlineWatch.Watched watched = watch.watch(call, 50 + i * 10L);
            if (i % 2 == 0) {
                watched.run();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.size() == 0);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).cancelledAt.get() != 0).as("call " + i).isEqualTo(i % 2 == 1);
        }
        // a thousand calls that end in time: none left, at most the one sweep waiting for the earliest deadline
        for (int i = 0; i < 1000; i++) {
            watch.watch(new Call(), 600_000).run();
        }
        assertThat(watch.size()).isZero();
        assertThat(timer.getQueue()).hasSizeLessThanOrEqualTo(1);
    }
}
