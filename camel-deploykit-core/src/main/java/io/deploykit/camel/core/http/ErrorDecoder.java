package io.deploykit.camel.core.http;

import io.deploykit.camel.core.error.ApiException;

/** Turns a service's error response into an exception that carries its code, message and correlation id. */
@FunctionalInterface
public interface ErrorDecoder {

    ApiException decode(HttpCall call, HttpResult result);
}
