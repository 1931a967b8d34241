package io.deploykit.emulator.bc.files;

import java.io.IOException;

/** A step of the file store, such as moving an upload into place, run under an entity's lock. */
@FunctionalInterface
public interface FileAction {

    void run() throws IOException;
}
