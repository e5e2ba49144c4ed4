package dev.camelspark.routes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchLinesTest {

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<BatchLines.BatchLine> read(String relative, String content) {
        List<BatchLines.BatchLine> lines = new ArrayList<>();
        Iterator<BatchLines.BatchLine> it = BatchLines.read(text(content), relative, "dynaspark", "text",
                OutputNames.withoutExtension(relative));
        it.forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void aLineIsKeyedByItsBatchAndWhatItAsksNotByItsPosition() {
        List<BatchLines.BatchLine> before = read("batches/text/b.csv", "prompt\nOne\nTwo\n");
        List<BatchLines.BatchLine> after = read("batches/text/b.csv", "prompt\nZero\nOne\nTwo\n");
        assertThat(after.get(1).job().key()).isEqualTo(before.get(0).job().key());
        assertThat(after.get(2).job().key()).isEqualTo(before.get(1).job().key());
        assertThat(before.get(0).job().key()).startsWith("batches/text/b.csv|");
        // another batch asking the same is other work
        assertThat(read("batches/text/c.csv", "prompt\nOne\n").get(0).job().key()).isNotEqualTo(before.get(0).job().key());
        // and so is the same prompt with other options
        assertThat(read("batches/text/b.csv", "prompt,temperature\nOne,0.5\n").get(0).job().key())
                .isNotEqualTo(before.get(0).job().key());
    }

    @Test
    void aLineRepeatedWordForWordIsRunAgainUnderItsOwnKey() {
        List<BatchLines.BatchLine> lines = read("batches/text/b.csv", "prompt\nSame\nSame\n");
        assertThat(lines.get(1).job().key()).isEqualTo(lines.get(0).job().key() + "|2");
        assertThat(lines).extracting(BatchLines.BatchLine::output)
                .containsExactly("batches/text/b/0001", "batches/text/b/0002");
    }

    @Test
    void namesAreUniqueWithinTheBatchInLineOrder() {
        List<BatchLines.BatchLine> lines = read("batches/text/b.csv",
                "prompt,name\nA,poster\nB,poster\nC\nD,0003\n");
        assertThat(lines).extracting(BatchLines.BatchLine::output).containsExactly("batches/text/b/poster",
                "batches/text/b/poster-2", "batches/text/b/0003", "batches/text/b/0003-2");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeader() {
        List<BatchLines.BatchLine> lines = read("batches/text/b.csv", "\uFEFFprompt,name\nA camel,x\n");
        assertThat(lines.get(0).error()).isNull();
        assertThat(lines.get(0).job().prompt()).isEqualTo("A camel");
        assertThat(BatchLines.count(text("\uFEFFprompt\nA\nB\n"), "batches/text/b.csv")).isEqualTo(2);
    }

    @Test
    void extraValuesFailTheLineNamingTheColumns() {
        List<BatchLines.BatchLine> lines = read("batches/text/b.csv", "prompt,name\nA camel, with a comma,x\nFine,y\n");
        assertThat(lines.get(0).error()).isEqualTo("the line has 3 values but the header names 2 columns (prompt, name): "
                                                   + "quote a value that holds a comma");
        assertThat(lines.get(1).error()).isNull();
    }

    @Test
    void aBrokenQuoteFailsTheWholeBatchWhenCountedWithAReadableReason() {
        assertThatThrownBy(() -> BatchLines.count(text("prompt\nGood\n\"Quoted\" then more\n"), "batches/text/b.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'batches/text/b.csv' is not a readable CSV: ")
                .hasMessageContaining("must be quoted");
    }

    @Test
    void jsonlLinesSayWhyTheyCannotBeRead() {
        List<BatchLines.BatchLine> lines = read("batches/x.jsonl", "{\"prompt\": \"Fine\"}\n\n{\"prompt\": \"\"}\n{oops\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).job().prompt()).isEqualTo("Fine");
        assertThat(lines.get(1).error()).isEqualTo("'batches/x.jsonl#2' has an empty prompt");
        assertThat(lines.get(2).error()).startsWith("not valid JSON");
    }
}
