package io.deploykit.emulator.http;

import java.util.regex.Pattern;

/**
 * One answerable request: a method, a pattern the whole raw path must match, a name for the request log, and the
 * group it belongs to.
 */
record Route(String method, Pattern path, String name, Handler handler, RouteGroup group) {
}
