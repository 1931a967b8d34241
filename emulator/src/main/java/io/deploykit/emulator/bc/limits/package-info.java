/**
 * The operational limits of Business Central online: how many requests a user may have running, queued and
 * sent per time window, and how long an operation may run, with the requests refused for them.
 */
package io.deploykit.emulator.bc.limits;
