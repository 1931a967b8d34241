package io.deploykit.emulator.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Routes that share a path prefix, an error format, a step run before each of their handlers (such as an
 * authentication check), and whether the request log and the fault injection see them.
 */
public final class RouteGroup {

    private final String prefixRegex;
    private final ErrorFormat errors;
    private final boolean observed;
    private final List<Route> routes;
    private volatile Handler before = exchange -> { };
    private volatile Interceptor around = Interceptor.NONE;

    RouteGroup(String prefixRegex, ErrorFormat errors, boolean observed, List<Route> routes) {
        this.prefixRegex = prefixRegex;
        this.errors = errors;
        this.observed = observed;
        this.routes = routes;
    }

    /** Runs before every handler of this group, after fault injection; throw {@link HttpError} to refuse. */
    public RouteGroup before(Handler step) {
        this.before = step;
        return this;
    }

    /** Runs every handler of this group, after {@link #before(Handler)}: may hold or refuse the request. */
    public RouteGroup around(Interceptor interceptor) {
        this.around = interceptor;
        return this;
    }

    public RouteGroup get(String template, String name, Handler handler) {
        return add("GET", template, name, handler);
    }

    public RouteGroup post(String template, String name, Handler handler) {
        return add("POST", template, name, handler);
    }

    public RouteGroup put(String template, String name, Handler handler) {
        return add("PUT", template, name, handler);
    }

    public RouteGroup patch(String template, String name, Handler handler) {
        return add("PATCH", template, name, handler);
    }

    public RouteGroup delete(String template, String name, Handler handler) {
        return add("DELETE", template, name, handler);
    }

    /**
     * Adds a route whose path is this group's prefix followed by the {@link PathTemplate template}; routes added
     * first win when several match.
     */
    public RouteGroup add(String method, String template, String name, Handler handler) {
        Pattern path = Pattern.compile(prefixRegex + PathTemplate.regex(template));
        routes.add(new Route(method, path, name, handler, this));
        return this;
    }

    ErrorFormat errors() {
        return errors;
    }

    boolean observed() {
        return observed;
    }

    Handler before() {
        return before;
    }

    Interceptor around() {
        return around;
    }
}
