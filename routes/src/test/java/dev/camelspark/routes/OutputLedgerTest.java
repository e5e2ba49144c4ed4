package dev.camelspark.routes;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OutputLedgerTest {

    @TempDir
    Path dir;

    private OutputLedger ledger() {
        return new OutputLedger(dir.resolve("state"), dir.resolve("outbox"));
    }

    @Test
    void aNameIsClaimedByOneJobAndTheNextGetsASuffix() {
        OutputLedger ledger = ledger();
        assertThat(ledger.claim("jobs/one.json|aaaa", "jobs/poster")).isEqualTo("jobs/poster");
        assertThat(ledger.claim("jobs/two.json|bbbb", "jobs/poster")).isEqualTo("jobs/poster-2");
        assertThat(ledger.claim("jobs/three.json|cccc", "jobs/poster")).isEqualTo("jobs/poster-3");
    }

    @Test
    void aJobKeepsItsNameOnEveryLaterRunAndStart() {
        assertThat(ledger().claim("jobs/one.json|aaaa", "jobs/poster")).isEqualTo("jobs/poster");
        assertThat(ledger().claim("jobs/two.json|bbbb", "jobs/poster")).isEqualTo("jobs/poster-2");
        // a new ledger on the same folder: as after a restart
        assertThat(ledger().claim("jobs/two.json|bbbb", "jobs/poster")).isEqualTo("jobs/poster-2");
        assertThat(ledger().claim("jobs/one.json|aaaa", "jobs/poster")).isEqualTo("jobs/poster");
    }

    @Test
    void aNameTakenByAFileInTheOutboxIsNotClaimed() throws Exception {
        Files.createDirectories(dir.resolve("outbox/image"));
        Files.writeString(dir.resolve("outbox/image/sunset.png"), "put there by hand");
        assertThat(ledger().claim("image/sunset.txt|aaaa", "image/sunset")).isEqualTo("image/sunset-2");
    }

    @Test
    void aRecordedResultIsFoundAndKeepsItsName() throws Exception {
        OutputLedger ledger = ledger();
        ledger.claim("chat/x.txt|aaaa", "chat/x");
        ledger.recordResult("chat/x.txt|aaaa", "chat/x", "chat/x.md", "{\"jobKey\": \"chat/x.txt|aaaa\"}");
        ledger.release("chat/x.txt|aaaa");

        OutputLedger.Entry entry = ledger().find("chat/x.txt|aaaa");
        assertThat(entry.result()).isEqualTo("chat/x.md");
        assertThat(entry.sidecar()).contains("chat/x.txt|aaaa");
        assertThat(ledger().claim("chat/y.txt|bbbb", "chat/x")).isEqualTo("chat/x-2");
    }

    @Test
    void aJobThatFailedWithoutAResultGivesItsNameBack() {
        OutputLedger ledger = ledger();
        ledger.claim("batches/b.csv|aaaa", "batches/b/0003");
        ledger.release("batches/b.csv|aaaa");
        assertThat(ledger.find("batches/b.csv|aaaa")).isNull();
        assertThat(ledger.claim("batches/b.csv|bbbb", "batches/b/0003")).isEqualTo("batches/b/0003");
    }
}
