/**
 * The JSON:API conventions of the Reactor API: its media type and header parameters, answers, and error
 * documents.
 */
package io.deploykit.emulator.reactor.jsonapi;
