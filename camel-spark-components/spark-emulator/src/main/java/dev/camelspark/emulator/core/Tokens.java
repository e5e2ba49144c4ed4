package dev.camelspark.emulator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple tokenizer standing in for the vendors' ones: a word or a punctuation mark, with the spaces after it. The
 * pieces concatenate back to the original text, so streamed deltas join into exactly the non-streamed answer.
 */
public final class Tokens {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’_-]+\\s*|[^\\p{L}\\p{N}\\s]\\s*|\\s+");

    private Tokens() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static int count(String text) {
        return split(text).size();
    }

    /** The first {@code max} tokens of the text. */
    public static String truncate(String text, int max) {
        List<String> tokens = split(text);
        return tokens.size() <= max ? text : String.join("", tokens.subList(0, max)).stripTrailing();
    }
}
