package io.deploykit.emulator.bc;

import java.io.IOException;

/** A step of the file store, such as moving an upload into place, run under an entity's lock. */
@FunctionalInterface
interface FileAction {

    void run() throws IOException;
}
