package io.deploykit.emulator.http;

import java.io.IOException;

/**
 * Wraps the handlers of a route group: runs after the group's {@link RouteGroup#before(Handler) before} step and
 * decides whether, and when, the handler runs, such as a limit that holds a request until a slot frees.
 */
@FunctionalInterface
public interface Interceptor {

    /** Runs nothing around the handler. */
    Interceptor NONE = (exchange, handler) -> handler.handle(exchange);

    /**
     * @param handler the route's handler, to run once (or not at all, answering instead by throwing
     *                {@link HttpError})
     */
    void handle(Exchange exchange, Handler handler) throws IOException;
}
