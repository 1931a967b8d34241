/**
 * Where Business Central keeps uploaded files: configuration package files and pictures, each moved into place
 * only once whole.
 */
package io.deploykit.emulator.bc.files;
