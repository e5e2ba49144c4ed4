package dev.camelspark.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;

/**
 * The two catalogs Camel's tools validate endpoint URIs with, both knowing our five components: camel-catalog (Camel's
 * Maven plugins, JBang, the IDE plugins; third-party components are added to it with their JSON) and the runtime
 * catalog (Kaoto, the language server, camel:validate; it reads the JSON from the jars on a CamelContext's classpath).
 */
final class SparkCatalogs {

    private SparkCatalogs() {
    }

    /** camel-catalog with our components added from the JSON their jars carry, as a tool adds third-party ones. */
    static CamelCatalog camelCatalog() {
        DefaultCamelCatalog catalog = new DefaultCamelCatalog(true);
        for (String scheme : DocumentedUris.SCHEMES) {
            String json = SparkCatalogJson.text(scheme);
            catalog.addComponent(scheme, SparkCatalogJson.json(scheme).path("component").path("javaType").asText(), json);
        }
        return catalog;
    }

    static DefaultRuntimeCamelCatalog runtimeCatalog(CamelContext context) {
        DefaultRuntimeCamelCatalog runtime = new DefaultRuntimeCamelCatalog();
        runtime.setCamelContext(context);
        return runtime;
    }

    /** Each catalog's validation, by name. */
    static Map<String, Function<String, EndpointValidationResult>> validators(CamelContext context) {
        CamelCatalog camel = camelCatalog();
        DefaultRuntimeCamelCatalog runtime = runtimeCatalog(context);
        Map<String, Function<String, EndpointValidationResult>> validators = new LinkedHashMap<>();
        validators.put("camel-catalog", camel::validateEndpointProperties);
        validators.put("runtime catalog", runtime::validateEndpointProperties);
        return validators;
    }

    /** The summary of what each catalog that rejects a URI says is wrong with it; empty when both accept it. */
    static Map<String, String> rejections(Map<String, Function<String, EndpointValidationResult>> validators,
                                          String uri) {
        Map<String, String> rejections = new LinkedHashMap<>();
        validators.forEach((name, validator) -> {
            EndpointValidationResult result = validator.apply(uri);
            if (!result.isSuccess()) {
                rejections.put(name, result.summaryErrorMessage(false, false, true));
            }
        });
        return rejections;
    }

    /** What the catalogs say is wrong with a URI, or null when both accept it. */
    static String problems(Map<String, Function<String, EndpointValidationResult>> validators, String uri) {
        Map<String, String> rejections = rejections(validators, uri);
        StringBuilder sb = new StringBuilder();
        rejections.forEach((name, summary) -> sb.append(name).append(": ").append(summary).append('\n'));
        return rejections.isEmpty() ? null : sb.toString();
    }
}
