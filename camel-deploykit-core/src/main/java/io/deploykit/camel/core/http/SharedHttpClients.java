package io.deploykit.camel.core.http;

import java.util.HashMap;
import java.util.Map;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The HTTP clients of a component, one per set of settings, shared by its endpoints: endpoints that differ only in
 * what they address (the company, the package) share one pool and its two I/O threads instead of starting their
 * own. Each endpoint holds a view ({@link HttpTransport}); the client closes when its last view does.
 */
public final class SharedHttpClients {

    private final Map<HttpSettings, Shared> clients = new HashMap<>();

    private static final class Shared {
        final CloseableHttpAsyncClient client;
        int views;

        Shared(CloseableHttpAsyncClient client) {
            this.client = client;
        }
    }

    /** A view of the client for these settings, started on first use. */
    public synchronized HttpTransport open(HttpSettings settings) {
        Shared shared = clients.computeIfAbsent(settings, s -> new Shared(HttpTransport.newClient(s)));
        shared.views++;
        return new HttpTransport(shared.client, settings.userAgent(), () -> release(settings, shared));
    }

    private void release(HttpSettings settings, Shared shared) {
        boolean last;
        synchronized (this) {
            last = --shared.views == 0;
            if (last) {
                clients.remove(settings, shared);
            }
        }
        if (last) {
            shared.client.close(CloseMode.GRACEFUL);
        }
    }

    /** How many clients are open: for tests and consoles. */
    public synchronized int size() {
        return clients.size();
    }
}
