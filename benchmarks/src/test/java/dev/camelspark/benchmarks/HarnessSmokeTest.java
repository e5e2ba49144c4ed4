package dev.camelspark.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harnesses run end to end with tiny numbers (their own emulator process, every side) and write rows that
 * {@link Summary} turns into one table. Whether a figure met its target is not asserted: no timing is, anywhere.
 */
class HarnessSmokeTest {

    @TempDir
    Path dir;

    @Test
    void concurrencyHarnessWritesEveryPairAndTheEmulatorAlone() throws Exception {
        Path tsv = dir.resolve("summary.tsv");
        ConcurrencyHarness.main(new String[] {"--concurrency", "1,2", "--seconds", "0.3", "--rounds", "1",
            "--summary", tsv.toString()});
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(rows).anyMatch(r -> r.startsWith("emulator alone: dynaspark:text"));
        for (String operation : List.of("dynaspark:text", "sparkstream:chat")) {
            for (int concurrency : new int[] {1, 2}) {
                String at = operation + ", concurrency " + concurrency + ", ";
                assertThat(rows).filteredOn(r -> r.startsWith(at + "requests/s")).hasSize(2);
                assertThat(rows).anyMatch(r -> r.startsWith(at + "p99 (ms)"));
            }
        }
        assertThat(rows).anyMatch(r -> r.startsWith("sparkstream:chat streamed, concurrency 1, time to first delta"));
        assertThat(rows).allMatch(r -> r.split("\t", -1).length == Summary.HEADER.length);
    }

    @Test
    void manyTasksHarnessWritesTheLagAgainstThePollInterval() throws Exception {
        Path tsv = dir.resolve("summary.tsv");
        ManyTasksHarness.main(new String[] {"--tasks", "20", "--rounds", "1", "--task-millis", "300",
            "--poll-millis", "100", "--baseline", "0", "--warm-up", "0", "--summary", tsv.toString()});
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(rows).anyMatch(r -> r.startsWith("20 Spark Dream tasks, in flight at once, on the component"));
        assertThat(rows).anyMatch(r -> r.startsWith("20 Spark Dream tasks, last exchange done after the last task"));
    }

    @Test
    void summaryPrintsOneMarkdownTableOfTheRows() throws Exception {
        Path tsv = dir.resolve("summary.tsv");
        Summary rows = new Summary();
        rows.row("a figure", "a baseline", "2.00", "1.00", "0.50", "≤ 1", "yes");
        rows.append(tsv);
        String table = rows.markdown();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("| figure").contains("ratio ours/baseline");
        assertThat(table).contains("| a figure").contains("| yes");
        assertThat(Files.readString(tsv)).isEqualTo("a figure\ta baseline\t2.00\t1.00\t0.50\t≤ 1\tyes\n");
    }
}
