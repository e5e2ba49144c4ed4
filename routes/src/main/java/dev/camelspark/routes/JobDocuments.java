package dev.camelspark.routes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What an input says, turned into a {@link Job}: a {@code .txt} prompt, a JSON or YAML job document, or the object
 * a batch line was read into. Each check fails with a reason a person can act on, naming the input.
 */
public final class JobDocuments {

    static final int MAX_PROMPT = 100_000;
    /** Bytes read at most from one prompt or job file: a larger one is refused before it is read. */
    static final long MAX_FILE_BYTES = 4L * MAX_PROMPT;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private JobDocuments() {
    }

    /** {@code image/x.txt} ({@code endpoint} from its folder): the file is the prompt. */
    static Job promptFile(String relative, String provider, String operation, byte[] content) {
        Providers.check(provider, operation);
        String prompt = prompt(text(content, relative), relative);
        return new Job(provider, operation, prompt, Map.of(), OutputNames.withoutExtension(relative),
                JobKeys.of(relative, provider, operation, prompt, Map.of(), null), relative);
    }

    /** {@code jobs/x.json} or {@code .yaml}: {@code {provider, operation, prompt, options, name}}. */
    static Job jobFile(String relative, boolean yaml, byte[] content) {
        JsonNode doc;
        try {
            doc = (yaml ? YAML : JSON).readTree(text(content, relative));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'" + relative + "' is not valid " + (yaml ? "YAML" : "JSON") + ": "
                                               + e.getOriginalMessage(), e);
        }
        return job(doc, null, null, OutputNames.withoutExtension(relative), relative, relative);
    }

    /**
     * A job from a document: its fields, else the defaults (of the batch's folder). Its output is {@code output}, or
     * its {@code name} in the same folder; its key is {@code keySource} and what the job asks.
     */
    static Job job(JsonNode doc, String defaultProvider, String defaultOperation, String output, String keySource,
                   String source) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("'" + source + "' is not a job: a job must be an object with provider, "
                                               + "operation and prompt" + (doc != null && doc.isArray() ? ", not a list" : ""));
        }
        String provider = field(doc, "provider", defaultProvider);
        String operation = field(doc, "operation", defaultOperation);
        if (provider == null || operation == null) {
            throw new IllegalArgumentException("the job names no provider/operation (fields 'provider' and 'operation')");
        }
        Providers.check(provider, operation);
        String prompt = prompt(field(doc, "prompt", null), source);
        Map<String, Object> options = new LinkedHashMap<>();
        JsonNode opts = doc.get("options");
        if (opts != null && !opts.isNull()) {
            if (!opts.isObject()) {
                throw new IllegalArgumentException("'options' must be an object of option names and values");
            }
            opts.fields().forEachRemaining(e -> options.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        String name = field(doc, "name", null);
        String out = name == null ? output : OutputNames.parentOf(output) + OutputNames.safeName(name);
        return new Job(provider, operation, prompt, options, out,
                JobKeys.of(keySource, provider, operation, prompt, options, name), source);
    }

    /**
     * The file's bytes as UTF-8 text, without a byte-order mark (as Excel and Notepad write one); a file that is not
     * UTF-8 text (an image saved as .txt, a UTF-16 file) is refused.
     */
    static String text(byte[] content, String relative) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(relative);
        }
        text = withoutBom(text);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new IllegalArgumentException("'" + relative + "' is not text: it holds control characters (a binary "
                                               + "file?); a prompt or job must be UTF-8 text");
        }
        return text;
    }

    static IllegalArgumentException notUtf8(String relative) {
        return new IllegalArgumentException("'" + relative + "' is not UTF-8 text (a binary file, or text in another "
                                            + "encoding): save it as UTF-8");
    }

    static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String prompt(String text, String source) {
        String prompt = text == null ? "" : text.strip();
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("'" + source + "' has an empty prompt");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new IllegalArgumentException("'" + source + "' has a prompt of " + prompt.length()
                                               + " characters; at most " + MAX_PROMPT + " are read");
        }
        return prompt;
    }

    private static String field(JsonNode doc, String field, String fallback) {
        JsonNode node = doc.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? fallback : node.asText().strip();
    }
}
