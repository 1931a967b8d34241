/**
 * Extension packages of the Reactor API: the {@code extension_packages} resource, the multipart zip uploads,
 * asynchronous processing, releases and availability, and the filtered, sorted, paged lists.
 */
package io.deploykit.emulator.reactor.packages;
