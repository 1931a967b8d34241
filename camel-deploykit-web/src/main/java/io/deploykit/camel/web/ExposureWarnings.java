package io.deploykit.camel.web;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Says loudly at start what a reader of the page's settings could miss: a page nobody can sign in to, a password kept
 * in plain text, and a page reachable from other machines (then its passwords cross the network, in the clear
 * without TLS).
 */
final class ExposureWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureWarnings.class);

    private ExposureWarnings() {
    }

    static void check(DeployKitWebProperties properties, Environment environment) {
        String path = properties.getPath();
        if (properties.getUsers().isEmpty()) {
            LOG.warn("*** The deployments page {} has no users (deploykit.web.users): it refuses every request. Give it"
                     + " users with roles operator or viewer to open it. ***", path);
        }
        properties.getUsers().forEach((name, user) -> {
            if (user.getPassword() != null && user.getPassword().startsWith("{noop}")) {
                LOG.warn("The deployments page's user {} has a plain password ({noop}): fine for a trial; give it a"
                         + " {bcrypt} one anywhere else", name);
            }
        });
        String address = environment.getProperty("server.address");
        if (!isLoopback(address)) {
            boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                          || environment.getProperty("server.ssl.bundle") != null;
            LOG.warn("*** The deployments page {} is reachable from other machines (server.address={}){}: keep it"
                     + " behind a firewall or a proxy, or bind the server to 127.0.0.1. ***", path,
                     address == null ? "all interfaces" : address, tls ? "" : ", and without TLS its sign-in"
                                                                              + " crosses the network in the clear");
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException unknown) {
            return false;
        }
    }
}
