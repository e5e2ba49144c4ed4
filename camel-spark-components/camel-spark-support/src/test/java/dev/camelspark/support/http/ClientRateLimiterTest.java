package dev.camelspark.support.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import dev.camelspark.support.testing.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The client-side limits on a clock the test moves. */
class ClientRateLimiterTest {

    private final ManualClock clock = ManualClock.startingNow();
    private final ClientRateLimiter limiter = new ClientRateLimiter(clock);

    @Test
    void noBudgetMeansNoWait() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.reserve("k", 0)).isZero();
        }
    }

    @Test
    void requestsPerMinuteMakesExcessCallsWaitForTheNextToken() {
        assertThat(limiter.reserve("k", 3)).isZero();
        assertThat(limiter.reserve("k", 3)).isZero();
        assertThat(limiter.reserve("k", 3)).isZero();
        long wait = limiter.reserve("k", 3);
        assertThat(wait).as("3 per minute: one token every 20 s").isBetween(19_900L, 20_001L);

        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.reserve("k", 3)).isBetween(9_900L, 10_001L);
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.reserve("k", 3)).isZero();
        assertThat(limiter.reserve("k", 3)).isPositive();
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        assertThat(limiter.reserve("a", 1)).isZero();
        assertThat(limiter.reserve("a", 1)).isPositive();
        assertThat(limiter.reserve("b", 1)).isZero();
    }

    @Test
    void remainingZeroPausesTheKeyUntilTheReset() {
        Instant reset = clock.instant().plusSeconds(45);
        limiter.observe("k", new RateLimitInfo(100L, 0L, reset, null));
        assertThat(limiter.reserve("k", 0)).isEqualTo(45_000L);
        assertThat(limiter.pausedUntil("k")).isEqualTo(reset);
        assertThat(limiter.reserve("other", 0)).isZero();
        assertThat(limiter.pausedUntil("other")).isNull();

        clock.advance(Duration.ofSeconds(45));
        assertThat(limiter.reserve("k", 0)).isZero();
        assertThat(limiter.pausedUntil("k")).isNull();
    }

    @Test
    void aPauseIsOnlyTakenFromAnExhaustedLimitWithAReset() {
        limiter.observe("k", new RateLimitInfo(100L, 1L, clock.instant().plusSeconds(45), null));
        limiter.observe("k", new RateLimitInfo(100L, 0L, null, null));
        limiter.observe("k", RateLimitInfo.NONE);
        limiter.observe("k", null);
        assertThat(limiter.reserve("k", 0)).isZero();
    }

    @Test
    void aLaterResetNeverShortensAPause() {
        limiter.observe("k", new RateLimitInfo(null, 0L, clock.instant().plusSeconds(60), null));
        limiter.observe("k", new RateLimitInfo(null, 0L, clock.instant().plusSeconds(10), null));
        assertThat(limiter.reserve("k", 0)).isEqualTo(60_000L);
    }

    @Test
    void keysAreStableAndDoNotHoldTheApiKey() {
        String key = ClientRateLimiter.keyOf("https://api.example", "sk-secret-123");
        assertThat(key).isEqualTo(ClientRateLimiter.keyOf("https://api.example", "sk-secret-123"))
                .doesNotContain("sk-secret").hasSize(24);
        assertThat(ClientRateLimiter.keyOf("https://api.example", "sk-other")).isNotEqualTo(key);
        assertThat(ClientRateLimiter.keyOf("https://emulator.local", "sk-secret-123")).isNotEqualTo(key);
        assertThat(ClientRateLimiter.keyOf("https://api.example", null)).isEqualTo(ClientRateLimiter.keyOf("https://api.example", ""));
    }

    @Test
    void concurrencySlotsQueueTheExtraCallsAndHandThemOnWhenReleased() {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Runnable> laterOn = new CopyOnWriteArrayList<>();
        Executor executor = laterOn::add; // runs nothing by itself: the test decides when

        limiter.acquireSlot("k", 2, () -> ran.add("1"), executor);
        limiter.acquireSlot("k", 2, () -> ran.add("2"), executor);
        limiter.acquireSlot("k", 2, () -> ran.add("3"), executor);
        limiter.acquireSlot("k", 2, () -> ran.add("4"), executor);
        assertThat(ran).as("the first two run at once, on the caller's thread").containsExactly("1", "2");
        assertThat(laterOn).isEmpty();

        limiter.release("k", 2);
        assertThat(laterOn).as("the permit went to the first waiter, on the executor").hasSize(1);
        laterOn.get(0).run();
        assertThat(ran).containsExactly("1", "2", "3");

        limiter.release("k", 2);
        laterOn.get(1).run();
        assertThat(ran).containsExactly("1", "2", "3", "4");

        // everything released: two slots free again
        limiter.release("k", 2);
        limiter.release("k", 2);
        limiter.acquireSlot("k", 2, () -> ran.add("5"), executor);
        limiter.acquireSlot("k", 2, () -> ran.add("6"), executor);
        assertThat(ran).endsWith("5", "6");
        assertThat(laterOn).hasSize(2);
    }

    @Test
    void noCapRunsEverythingAtOnce() {
        List<String> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            limiter.acquireSlot("k", 0, () -> ran.add("x"), r -> {
                throw new AssertionError("never queued");
            });
        }
        limiter.release("k", 0);
        assertThat(ran).hasSize(10);
    }

    @Test
    void asyncPermitsCountWhatIsInUse() {
        AsyncPermits permits = new AsyncPermits(1);
        permits.acquire(() -> { }, Runnable::run);
        assertThat(permits.inUse()).isEqualTo(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        permits.acquire(() -> ran.add("queued"), Runnable::run);
        assertThat(ran).isEmpty();
        permits.release();
        assertThat(ran).containsExactly("queued");
        assertThat(permits.inUse()).as("handed on, still one in use").isEqualTo(1);
        permits.release();
        assertThat(permits.inUse()).isZero();
    }
}
