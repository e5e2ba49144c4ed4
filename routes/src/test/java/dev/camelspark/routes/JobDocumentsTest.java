package dev.camelspark.routes;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDocumentsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePromptFileKeyIsItsPathAndWhatItAsks() {
        Job one = JobDocuments.promptFile("text/a.txt", "dynaspark", "text", utf8("Prompt AAAA"));
        assertThat(one.key()).isEqualTo(JobDocuments.promptFile("text/a.txt", "dynaspark", "text", utf8("Prompt AAAA\n")).key());
        assertThat(one.key()).isNotEqualTo(JobDocuments.promptFile("text/a.txt", "dynaspark", "text", utf8("Prompt BBBB")).key());
        assertThat(one.key()).isNotEqualTo(JobDocuments.promptFile("image/a.txt", "dynaspark", "image", utf8("Prompt AAAA")).key());
    }

    @Test
    void aByteOrderMarkIsDroppedAndBinaryRefused() {
        assertThat(JobDocuments.promptFile("text/a.txt", "dynaspark", "text", utf8("\uFEFFHello")).prompt()).isEqualTo("Hello");
        assertThatThrownBy(() -> JobDocuments.promptFile("text/a.txt", "dynaspark", "text",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 }))
                .hasMessage("'text/a.txt' is not UTF-8 text (a binary file, or text in another encoding): save it as UTF-8");
        assertThatThrownBy(() -> JobDocuments.promptFile("text/a.txt", "dynaspark", "text", utf8("ab\u0000cd")))
                .hasMessageStartingWith("'text/a.txt' is not text: it holds control characters");
        assertThatThrownBy(() -> JobDocuments.promptFile("text/a.txt", "dynaspark", "text", new byte[0]))
                .hasMessage("'text/a.txt' has an empty prompt");
    }

    @Test
    void aJobNamedGoesToItsNameInTheSameFolder() {
        Job job = JobDocuments.jobFile("jobs/x.json", false, utf8("""
                {"provider": "dynaspark", "operation": "image", "prompt": "A poster", "name": "Пустыня",
                 "options": {"width": 64}}
                """));
        assertThat(job.output()).isEqualTo("jobs/Пустыня");
        assertThat(job.options()).containsEntry("width", "64");
        assertThat(job.key()).startsWith("jobs/x.json|");
    }
}
