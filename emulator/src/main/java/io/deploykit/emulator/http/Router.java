package io.deploykit.emulator.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/** Finds the route of a request among the route groups of a server. */
public final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /**
     * A new group of routes.
     *
     * @param prefixRegex a regular expression every path of the group starts with (named groups become path
     *                    parameters), or "" for none
     * @param errors      how errors of these routes are written
     * @param observed    whether the request log records these requests and faults may hit them; false for the
     *                    emulator's own administration endpoints
     */
    public RouteGroup group(String prefixRegex, ErrorFormat errors, boolean observed) {
        return new RouteGroup(prefixRegex, errors, observed, routes);
    }

    /** The route for this request, with its path match; {@code null} when no route has this path at all. */
    Match match(String method, String path) {
        Match wrongMethod = null;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                if (route.method().equals(method)) {
                    return new Match(route, matcher, true);
                }
                if (wrongMethod == null) {
                    wrongMethod = new Match(route, matcher, false);
                }
            }
        }
        return wrongMethod;
    }

    /** A route whose path matched; {@code methodAllowed} is false when only the method differs. */
    record Match(Route route, Matcher matcher, boolean methodAllowed) {
    }
}
