/**
 * Configuration packages of the automation API: the {@code configurationPackages} entity set, the package file
 * upload and download, the background import and apply jobs, and the RapidStart files they read.
 */
package io.deploykit.emulator.bc.packages;
