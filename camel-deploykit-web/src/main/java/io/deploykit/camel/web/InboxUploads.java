package io.deploykit.camel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.deploykit.camel.core.body.BoundedInputStream;
import io.deploykit.camel.core.error.InvalidInputException;

/**
 * Files dropped onto the page, written into a configured inbox: under a hidden temporary name first (file consumers
 * skip hidden files), then renamed to their own, so no consumer ever sees half a file. Larger than the limit, or of
 * a name already in the inbox: refused, and nothing is left behind.
 */
record InboxUploads(Inboxes inboxes, long maxBytes) {

    /** Writes the body into the inbox under the sanitised name; returns that name. */
    String upload(String inbox, String name, long declaredLength, InputStream body) {
        Path folder = inboxes.folder(inbox);
        String clean = FileNames.sanitise(name);
        if (declaredLength > maxBytes) {
            throw tooLarge(clean);
        }
        Path temp = folder.resolve(".upload-" + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                new BoundedInputStream(body, maxBytes, clean).transferTo(out);
            } catch (InvalidInputException over) { // counted, whatever length the request declared
                throw tooLarge(clean);
            }
            NoReplaceMove.move(temp, folder.resolve(clean));
            return clean;
        } catch (FileAlreadyExistsException taken) {
            throw new ActionRefusedException(409, clean + " is in inbox " + inbox + " already: it is not replaced");
        } catch (IOException e) {
            throw new ActionRefusedException(500, "Cannot write " + clean + " into inbox " + inbox + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden part file; no consumer picks it
            }
        }
    }

    private ActionRefusedException tooLarge(String name) {
        return new ActionRefusedException(413, name + " is larger than " + maxBytes + " bytes (deploykit.web.max-upload-size)");
    }
}
