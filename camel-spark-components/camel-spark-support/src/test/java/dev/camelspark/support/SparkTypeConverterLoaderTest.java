package dev.camelspark.support;

import java.math.BigDecimal;

import org.apache.camel.CamelContext;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BigDecimal options (maxCostPerTask) bind from URIs, properties and YAML numbers. */
class SparkTypeConverterLoaderTest {

    @Test
    void textAndNumbersBecomeBigDecimals() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            var converter = context.getTypeConverter();

            assertThat(converter.mandatoryConvertTo(BigDecimal.class, " 12.50 ")).isEqualByComparingTo("12.5");
            assertThat(converter.mandatoryConvertTo(BigDecimal.class, 20)).isEqualByComparingTo("20");
            assertThat(converter.mandatoryConvertTo(BigDecimal.class, 0.25d)).isEqualByComparingTo("0.25");
            assertThatThrownBy(() -> converter.mandatoryConvertTo(BigDecimal.class, "twenty"))
                    .hasCauseInstanceOf(NumberFormatException.class).isInstanceOf(TypeConversionException.class);
        }
    }
}
