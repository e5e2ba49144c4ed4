package dev.camelspark.support;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * Per-message overrides of endpoint options by header: header {@code <prefix><Option>} (e.g.
 * {@code CamelDynaSparkTemperature}) wins over option {@code temperature}. Only the options a component lists can be
 * overridden, never the key, the base URL or the limits, because headers may come from outside (an HTTP request).
 */
public final class SparkHeaderOverrides {

    private final String provider;
    /** What every override header's name starts with: the component's header prefix. */
    private final String headerPrefix;
    private final Map<String, String> optionByHeader;

    private SparkHeaderOverrides(String provider, String headerPrefix, Map<String, String> optionByHeader) {
        this.provider = provider;
        this.headerPrefix = headerPrefix;
        this.optionByHeader = optionByHeader;
    }

    /**
     * @param headerPrefix e.g. {@code CamelDynaSpark}
     * @param options      the option names that may be overridden, e.g. {@code temperature}, {@code topP}
     */
    public static SparkHeaderOverrides of(String provider, String headerPrefix, String... options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String option : options) {
            map.put(headerName(headerPrefix, option), option);
        }
        return new SparkHeaderOverrides(provider, headerPrefix, Collections.unmodifiableMap(map));
    }

    /** {@code CamelDynaSpark} + {@code topP} = {@code CamelDynaSparkTopP}. */
    public static String headerName(String headerPrefix, String option) {
        return headerPrefix + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    /**
     * Whether the message carries any header of the component's prefix, in any case (Camel's headers ignore it): one
     * pass over the few headers a message has, where looking up every override header costs a lookup each. Without
     * one, no override applies and none can be refused.
     */
    public boolean anyOn(Message message) {
        if (!message.hasHeaders()) {
            return false;
        }
        for (String name : message.getHeaders().keySet()) {
            if (name.regionMatches(true, 0, headerPrefix, 0, headerPrefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The header names, each with the option it overrides. */
    public Map<String, String> optionByHeader() {
        return optionByHeader;
    }

    /**
     * The configuration for this message: the endpoint's own when no override header is present (no copy), else a
     * copy with the headers applied; either way checked by {@code validator}, whose refusal names the header.
     */
    @SuppressWarnings("unchecked")
    public <C extends SparkConfiguration> C resolve(Exchange exchange, C endpointConfiguration, Consumer<C> validator) {
        C effective = endpointConfiguration;
        Map<String, String> applied = null;
        for (Map.Entry<String, String> e : optionByHeader.entrySet()) {
            Object value = exchange.getMessage().getHeader(e.getKey());
            if (value == null) {
                continue;
            }
            if (applied == null) {
                effective = (C) endpointConfiguration.copy();
                applied = new LinkedHashMap<>();
            }
            bind(exchange, effective, e.getKey(), e.getValue(), value);
            applied.put(e.getValue(), e.getKey());
        }
        if (applied == null) {
            return effective;
        }
        try {
            validator.accept(effective);
        } catch (SparkValidationException e) {
            String header = e.getOption() == null ? null : applied.get(e.getOption());
            if (header != null) {
                throw new SparkValidationException(provider, e.getOption() + " (set by header " + header + ")", e.getValue(),
                        e.getAllowed(), e.getProviderCode());
            }
            throw e;
        }
        return effective;
    }

    /**
     * Sets one option from a header value: the value is converted to the setter's type by Camel's type converter and
     * set directly. Not through {@code PropertyBindingSupport}: it resolves every String value as a property placeholder
     * ({@code {{env:...}}}, {@code {{sys:...}}}, whatever the properties hold), whatever its options say, and headers may
     * come from outside (an HTTP request) and end up sent to the provider or echoed back.
     */
    private void bind(Exchange exchange, Object target, String header, String option, Object value) {
        Method setter = setterOf(target.getClass(), option, value);
        try {
            Class<?> type = ObjectHelper.convertPrimitiveTypeToWrapperType(setter.getParameterTypes()[0]);
            Object converted = type.isInstance(value)
                    ? value : exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, value);
            setter.invoke(target, converted);
        } catch (Exception e) {
            throw new SparkValidationException(provider, option + " (set by header " + header + ")", value,
                    describeType(setter.getParameterTypes()[0]), null);
        }
    }

    /** What a value of this type looks like, as a message says what is allowed: "an integer", "a number", ... */
    static String describeType(Class<?> type) {
        Class<?> t = ObjectHelper.convertPrimitiveTypeToWrapperType(type);
        if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class
            || t == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a text";
        }
        if (t == Duration.class) {
            return "a duration (500ms, 10s, 2m)";
        }
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "a " + t.getSimpleName();
    }

    /** The public one-argument setter of the option; the one taking the value's own type when there are several. */
    private static Method setterOf(Class<?> type, String option, Object value) {
        String name = "set" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1) {
                if (ObjectHelper.convertPrimitiveTypeToWrapperType(m.getParameterTypes()[0]).isInstance(value)) {
                    return m;
                }
                found = found == null ? m : found;
            }
        }
        if (found == null) {
            throw new IllegalStateException(type.getName() + " has no setter for header-overridable option " + option);
        }
        return found;
    }
}
