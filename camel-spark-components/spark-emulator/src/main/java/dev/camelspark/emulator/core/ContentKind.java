package dev.camelspark.emulator.core;

import java.util.Locale;

/**
 * What a stub can give a call in place of the content the provider would generate: a text (of a text or chat
 * call), an image (of an image call, or of an image task once completed), or how the task the call creates ends.
 * Each provider says which its operations take ({@link ProviderApi#operations()}).
 */
public enum ContentKind {
    TEXT, IMAGE, TASK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
