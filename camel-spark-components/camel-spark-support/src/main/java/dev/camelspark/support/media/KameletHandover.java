package dev.camelspark.support.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A Kamelet routes a copy of the calling exchange and hands the copy's body back when the copy has completed: media
 * made inside a Kamelet must outlive the copy and be released when the calling exchange completes instead. The copy
 * knows the caller only by id ({@link ExchangePropertyKey#CORRELATION_ID}), so this notifier, one per context,
 * releases what was handed over when the exchange of that id completes or fails (again handing it on if that one is
 * itself a Kamelet's copy).
 */
final class KameletHandover extends EventNotifierSupport {

    private final Map<String, Runnable> pending = new ConcurrentHashMap<>();

    private KameletHandover() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        setIgnoreStepEvents(true);
    }

    /** The id of the calling exchange when {@code exchange} is the copy a Kamelet routes, else {@code null}. */
    static String callerOf(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        return from != null && from.getEndpointUri().startsWith("kamelet:")
                ? exchange.getProperty(ExchangePropertyKey.CORRELATION_ID, String.class) : null;
    }

    /** Runs {@code release} when the exchange {@code callerId} of {@code context} completes, however it completes. */
    static void whenDone(CamelContext context, String callerId, Runnable release) {
        of(context).add(callerId, release);
    }

    private void add(String exchangeId, Runnable release) {
        pending.merge(exchangeId, release, (a, b) -> () -> {
            a.run();
            b.run();
        });
    }

    private static synchronized KameletHandover of(CamelContext context) {
        KameletHandover handover = context.getCamelContextExtension().getContextPlugin(KameletHandover.class);
        if (handover == null) {
            handover = new KameletHandover();
            handover.setCamelContext(context);
            ServiceHelper.startService(handover);
            context.getManagementStrategy().addEventNotifier(handover);
            context.getCamelContextExtension().addContextPlugin(KameletHandover.class, handover);
        }
        return handover;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent)
               && !pending.isEmpty();
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        Runnable release = pending.remove(exchange.getExchangeId());
        if (release == null) {
            return;
        }
        String caller = callerOf(exchange);
        if (caller != null) {
            add(caller, release); // a Kamelet called from a Kamelet: on to the outer caller
        } else {
            release.run();
        }
    }
}
