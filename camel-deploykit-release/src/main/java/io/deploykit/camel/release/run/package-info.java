/**
 * Running a validated release: its plan (each step of each target, with the scope it runs once for), the calls to
 * the bc: and reactor: endpoints that deploy each step, and the report of what ran.
 */
package io.deploykit.camel.release.run;
