package io.deploykit.camel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The deployments page ({@code deploykit.web.*}): where it lives, who may use it, which inboxes it shows. */
@ConfigurationProperties("deploykit.web")
public class DeployKitWebProperties {

    /** Whether the page is served at all. */
    private boolean enabled = true;
    /** The page's path; its data, actions and login live below it. */
    private String path = "/deploykit";
    /**
     * Who may sign in, by user name: each with a password in Spring Security's encoded form ({@code {bcrypt}...}, or
     * {@code {noop}...} for trials) and roles, {@code operator} (acts) or {@code viewer} (reads). None: the page
     * refuses everyone.
     */
    private Map<String, User> users = new LinkedHashMap<>();
    /**
     * The inboxes whose {@code .error} files the page shows and into which it uploads, by name: the folder whose
     * {@code .error} subfolder holds the failed files. Only these are reachable from the page.
     */
    private Map<String, String> inboxes = new LinkedHashMap<>();
    /** The largest file the page accepts for an upload. */
    private DataSize maxUploadSize = DataSize.ofMegabytes(100);
    /** How many of the journal's latest records the page shows. */
    private int recentLimit = 50;
    /** How often the page asks for news, in milliseconds. */
    private long refreshMillis = 1000;

    /** One user of the page. */
    public static class User {
        /** The password, encoded with its id as prefix: {@code {bcrypt}$2a$10$...} or {@code {noop}secret}. */
        private String password;
        /** operator (may act) or viewer (reads only). */
        private List<String> roles = new ArrayList<>(List.of("viewer"));

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        String trimmed = path.trim().replaceAll("/+$", "");
        this.path = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    public Map<String, String> getInboxes() {
        return inboxes;
    }

    public void setInboxes(Map<String, String> inboxes) {
        this.inboxes = inboxes;
    }

    public DataSize getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public int getRecentLimit() {
        return recentLimit;
    }

    public void setRecentLimit(int recentLimit) {
        this.recentLimit = recentLimit;
    }

    public long getRefreshMillis() {
        return refreshMillis;
    }

    public void setRefreshMillis(long refreshMillis) {
        this.refreshMillis = refreshMillis;
    }
}
