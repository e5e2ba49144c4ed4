package dev.camelspark.samples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A one-line tagline for a poster, written by DynaSpark: {@code direct:tagline} takes what the poster shows and
 * answers the tagline. Temperature, system prompt, retries and timeouts come from {@code camel.component.dynaspark.*}
 * in application.yml, so the route names only the operation.
 */
@Component
public class TaglineRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:tagline").routeId("tagline")
                .setBody(simple("Write the tagline of a poster showing: ${body}"))
                .to("dynaspark:text");
    }
}
