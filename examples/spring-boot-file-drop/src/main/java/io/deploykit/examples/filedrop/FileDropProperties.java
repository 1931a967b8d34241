package io.deploykit.examples.filedrop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the example picks its files and what it does with them ({@code deploykit.example.*}). */
@ConfigurationProperties("deploykit.example")
public class FileDropProperties {

    /** Where files are picked up. */
    public enum Source {
        /** A local folder. */
        file,
        /** A directory on an FTP server. */
        ftp
    }

    /** Whether the services are emulated in process. */
    public enum Emulators {
        /** Emulate each service whose credentials are not configured. */
        auto,
        /** Always emulate both. */
        on,
        /** Never emulate: talk to the real services. */
        off
    }

    /** Where files are picked up: a local folder or a directory on an FTP server. */
    private Source source = Source.file;
    /** The folder (or FTP directory) holding rapidstart/, pictures/ and extensions/. */
    private String inbox = "inbox";
    /** How long a file must stay unchanged before it is picked up, so a file still being written is left alone. */
    private Duration readLockMinAge = Duration.ofSeconds(1);
    /** How often the folders are looked at. */
    private Duration pollDelay = Duration.ofSeconds(1);
    /** Whether an extension package is released to private once its processing succeeded. */
    private boolean releasePrivate;
    /** Whether the services are emulated in process; auto emulates each service whose credentials are not set. */
    private Emulators emulators = Emulators.auto;
    /** How long each import and apply step of the emulated Business Central takes. */
    private Duration emulatorJobStep = Duration.ofSeconds(1);
    /** Where the demo files to copy into the inbox are written when the services are emulated. */
    private String demoFolder = "demo";
    private final Ftp ftp = new Ftp();

    /** The FTP server, when source=ftp. */
    public static class Ftp {
        /** The FTP server's host. */
        private String host = "localhost";
        /** The FTP server's port. */
        private int port = 21;
        /** The FTP user. */
        private String username = "anonymous";
        /** The FTP password. */
        private String password = "";
        /** Whether to use passive mode (the usual choice behind firewalls and NAT). */
        private boolean passive = true;
        /** Where files are downloaded before they are deployed (they are streamed from there). */
        private String localWorkDirectory = System.getProperty("java.io.tmpdir") + "/deploykit-ftp";

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isPassive() {
            return passive;
        }

        public void setPassive(boolean passive) {
            this.passive = passive;
        }

        public String getLocalWorkDirectory() {
            return localWorkDirectory;
        }

        public void setLocalWorkDirectory(String localWorkDirectory) {
            this.localWorkDirectory = localWorkDirectory;
        }
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public Duration getReadLockMinAge() {
        return readLockMinAge;
    }

    public void setReadLockMinAge(Duration readLockMinAge) {
        this.readLockMinAge = readLockMinAge;
    }

    public Duration getPollDelay() {
        return pollDelay;
    }

    public void setPollDelay(Duration pollDelay) {
        this.pollDelay = pollDelay;
    }

    public boolean isReleasePrivate() {
        return releasePrivate;
    }

    public void setReleasePrivate(boolean releasePrivate) {
        this.releasePrivate = releasePrivate;
    }

    public Emulators getEmulators() {
        return emulators;
    }

    public void setEmulators(Emulators emulators) {
        this.emulators = emulators;
    }

    public Duration getEmulatorJobStep() {
        return emulatorJobStep;
    }

    public void setEmulatorJobStep(Duration emulatorJobStep) {
        this.emulatorJobStep = emulatorJobStep;
    }

    public String getDemoFolder() {
        return demoFolder;
    }

    public void setDemoFolder(String demoFolder) {
        this.demoFolder = demoFolder;
    }

    public Ftp getFtp() {
        return ftp;
    }
}
