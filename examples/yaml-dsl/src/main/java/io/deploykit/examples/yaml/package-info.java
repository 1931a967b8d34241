/**
 * The YAML DSL example: deploy routes written in Camel's YAML DSL, run with camel-main.
 */
package io.deploykit.examples.yaml;
