/**
 * The soak: a cluster of file-drop instances deploying thousands of files to the emulators while faults are
 * injected and instances are killed and restarted, then a reconciliation of every file, written to RELIABILITY.md.
 */
package io.deploykit.soak;
