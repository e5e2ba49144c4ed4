package dev.camelspark.emulator.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic, plausible-looking answers: the same inputs always give the same text, and the text is about the
 * prompt (it names the prompt's main words), so a demo reads naturally and a test can check the prompt got through.
 */
public final class TextGenerator {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in",
            "on", "at", "for", "with", "about", "as", "by", "from", "into", "is", "are", "was", "were", "be", "been",
            "am", "do", "does", "did", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "this", "that", "these", "those",
            "i", "me", "my", "you", "your", "we", "our", "it", "its", "he", "she", "they", "them", "their", "please",
            "tell", "give", "write", "explain", "describe", "make", "some", "any", "all", "us", "there", "here",
            "hello", "hi", "hey", "very", "really", "just", "so", "not", "no", "yes", "short", "brief", "list");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern GREETING = Pattern.compile("^\\s*(hello|hi|hey|good (morning|afternoon|evening))\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\b(\\d{1,2}|two|three|four|five)\\b", Pattern.CASE_INSENSITIVE);

    private static final String[] OPENERS = {
        "Here is a short overview of %s.",
        "Good question about %s.",
        "Let's look at %s.",
        "%s is worth taking step by step.",
        "In short, %s comes down to a few ideas.",
    };
    private static final String[] BODY = {
        "At its core, %s is about understanding the goal first and the details second.",
        "A practical way to approach %s is to start small, check what works, and build on it.",
        "Most discussions of %s balance three things: quality, speed and cost.",
        "People new to %s often find that clear definitions save a lot of time later.",
        "The details of %s depend on the context, so concrete examples help.",
        "One useful habit with %s is to write down assumptions and revisit them.",
        "Experience with %s shows that simple solutions are easier to maintain.",
        "It also helps to compare %s with related topics to see what is really different.",
    };
    private static final String[] CLOSERS = {
        "If you share more detail, I can be more specific.",
        "I hope this gives you a useful starting point.",
        "Let me know which part you would like to explore further.",
        "Feel free to ask a follow-up question.",
    };

    private TextGenerator() {
    }

    /** An answer to {@code prompt}; {@code variation} (system prompt, model, seed, …) changes the wording. */
    public static String answer(String prompt, Object... variation) {
        Object[] parts = new Object[variation.length + 1];
        parts[0] = prompt;
        System.arraycopy(variation, 0, parts, 1, variation.length);
        Random random = new Random(Seeds.of(parts));
        String topic = topic(prompt);

        StringBuilder out = new StringBuilder();
        if (prompt != null && GREETING.matcher(prompt).matches() && topic.equals("your question")) {
            return "Hello! I'm doing well, thank you for asking. How can I help you today?";
        }
        out.append(capitalize(String.format(OPENERS[random.nextInt(OPENERS.length)], topic)));
        int listSize = requestedCount(prompt);
        if (listSize > 0) {
            List<String> words = keywords(prompt);
            for (int i = 1; i <= listSize; i++) {
                out.append("\n").append(i).append(". ").append(capitalize(itemFor(words, i, random)));
            }
            out.append("\n");
        }
        List<String> body = new ArrayList<>(List.of(BODY));
        int sentences = 2 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            out.append(' ').append(String.format(body.remove(random.nextInt(body.size())), topic));
        }
        out.append(' ').append(CLOSERS[random.nextInt(CLOSERS.length)]);
        return out.toString().replace("\n ", "\n");
    }

    /** The prompt's main words as a phrase ("artificial intelligence"), or "your question" when there are none. */
    public static String topic(String prompt) {
        List<String> words = keywords(prompt);
        if (words.isEmpty()) {
            return "your question";
        }
        return String.join(" ", words.subList(0, Math.min(3, words.size())));
    }

    /** Content words of the text in order of appearance, lower-case, without duplicates. */
    public static List<String> keywords(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String word = m.group();
                String w = word.toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(w) && !COUNT.matcher(w).matches() && w.length() > 1) {
                    // acronyms keep their case ("AI", "API"), other words are lower-cased
                    boolean acronym = word.length() <= 5 && word.equals(word.toUpperCase(Locale.ROOT));
                    out.add(acronym ? word : w);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int requestedCount(String prompt) {
        if (prompt == null || !prompt.toLowerCase(Locale.ROOT).matches("(?s).*\\b(list|name|give|top|examples?)\\b.*")) {
            return 0;
        }
        Matcher m = COUNT.matcher(prompt);
        if (!m.find()) {
            return 0;
        }
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "two": return 2;
            case "three": return 3;
            case "four": return 4;
            case "five": return 5;
            default: return Math.max(1, Math.min(10, Integer.parseInt(m.group(1))));
        }
    }

    private static String itemFor(List<String> words, int index, Random random) {
        String base = words.isEmpty() ? "item" : words.get(words.size() - 1);
        String[] qualifiers = {"classic", "modern", "simple", "bold", "practical", "popular", "lesser-known",
            "everyday", "essential", "surprising"};
        return qualifiers[(index * 7 + random.nextInt(qualifiers.length)) % qualifiers.length] + " " + base
                + " #" + index;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
