package dev.camelspark.support;

import java.math.BigDecimal;

import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Lets a route turn a streamed answer into its whole text: {@code convertBodyTo(String.class)} reads the stream to
 * its end. Also binds {@code BigDecimal} options ({@code maxCostPerTask}) from URIs and properties, which Camel's own
 * converters do not. Registered through {@code META-INF/services/org/apache/camel/TypeConverterLoader}.
 */
public final class SparkTypeConverterLoader implements TypeConverterLoader {

    @Override
    public void load(TypeConverterRegistry registry) {
        registry.addTypeConverter(String.class, SparkEventStream.class, new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
                return type.cast(((SparkEventStream) value).readAll());
            }
        });
        TypeConverterSupport toDecimal = new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
                try {
                    return type.cast(new BigDecimal(value.toString().trim()));
                } catch (NumberFormatException e) {
                    throw new TypeConversionException(value, type, e);
                }
            }
        };
        registry.addTypeConverter(BigDecimal.class, String.class, toDecimal);
        registry.addTypeConverter(BigDecimal.class, Number.class, toDecimal);
    }
}
