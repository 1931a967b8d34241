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

    /** Which services are emulated in process: only those asked for, never as a fallback. */
    public enum Emulators {
        /** None: both services are configured under camel.component.bc and camel.component.reactor. */
        off,
        /** Both, whatever else is configured: the demo. */
        on,
        /** Business Central only. */
        bc,
        /** Adobe Tags only. */
        reactor
    }

    /** Where files are picked up: a local folder or a directory on an FTP server. */
    private Source source = Source.file;
    /** The folder (or FTP directory) holding rapidstart/, pictures/ and extensions/. */
    private String inbox = "inbox";
    /**
     * How long a file in a local folder must be seen unchanged (size and modification time, across polls) before it
     * is picked up, so a file still being written is left alone. FTP uses ftp.stable-for.
     */
    private Duration readLockMinAge = Duration.ofSeconds(1);
    /**
     * When set, a file is picked up only once a done file of this name exists beside it (Camel's doneFileName, such
     * as {@code $simple{file:name}.done}: Spring would take {@code ${...}} for one of its placeholders); the uploader
     * writes the done file after the file itself. Not needed by uploaders
     * that write under a temporary name (such as {@code X.rapidstart.part}) and rename at the end.
     */
    private String doneFileName;
    /**
     * Where the progress of each deploy is kept when no cluster database is configured, so a deploy interrupted by a
     * crash or a stop continues at the next start; by default a folder of {@code .deploykit-state} in the working
     * directory named after the inbox ({@code .deploykit-state} itself with FTP). Never inside the inbox, where whoever
     * drops files could delete or forge the records: such a setting stops the start.
     */
    private String stateDirectory;
    /** The operator who may read the actuator beyond health and prometheus (the consoles profile's dev consoles). */
    private String operatorUsername = "operator";
    /**
     * The operator's password (HTTP Basic, over TLS or loopback only); none: nobody may. Required with the consoles
     * profile. Give it as an environment variable (DEPLOYKIT_EXAMPLE_OPERATORPASSWORD), not in a file.
     */
    private String operatorPassword;
    /**
     * Without a cluster database: how often this instance rewrites its claim of the inbox ({@code .deploykit-claim}),
     * which keeps a second instance from starting on it. A claim unchanged for 3 of these is taken over.
     */
    private Duration inboxClaimHeartbeat = Duration.ofSeconds(2);
    /** How often the folders are looked at. */
    private Duration pollDelay = Duration.ofSeconds(1);
    /** Whether an extension package is released to private once its processing succeeded. */
    private boolean releasePrivate;
    /**
     * Which services are emulated in process (off, on, bc, reactor). Off by default: a service that is not emulated
     * must be configured, or the start fails naming what to set.
     */
    private Emulators emulators = Emulators.off;
    /** How long each import and apply step of the emulated Business Central takes. */
    private Duration emulatorJobStep = Duration.ofSeconds(1);
    /** Where the demo files to copy into the inbox are written when the services are emulated. */
    private String demoFolder = "demo";
    private final Ftp ftp = new Ftp();
    private final Cluster cluster = new Cluster();

    /**
     * Several instances on one inbox: locks and the progress of deploys in a shared database (PostgreSQL). Without a
     * JDBC URL, one instance works alone with no database.
     */
    public static class Cluster {
        /** The JDBC URL of the shared database, such as {@code jdbc:postgresql://db:5432/deploykit}. */
        private String jdbcUrl;
        /** The database user. */
        private String username;
        /** The database password. */
        private String password;
        /** The instances that share one inbox; instances of other groups in the same database do not compete. */
        private String group = "deploykit-file-drop";
        /** How often an instance renews the locks of the files it is deploying. */
        private Duration lockHeartbeat = Duration.ofSeconds(5);
        /**
         * How long a lock may go without renewal before another instance takes its file over: the instance that held
         * it is taken for dead (killed, or cut off from the database). At least three heartbeats.
         */
        private Duration takeoverAfter = Duration.ofSeconds(30);
        /** How long the record of a deploy is kept once it was last written. */
        private Duration recordRetention = Duration.ofDays(30);
        /** The most database connections of one instance. */
        private int maxConnections = 5;

        public boolean isEnabled() {
            return jdbcUrl != null && !jdbcUrl.isBlank();
        }

        public String getJdbcUrl() {
            return jdbcUrl;
        }

        public void setJdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
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

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public Duration getLockHeartbeat() {
            return lockHeartbeat;
        }

        public void setLockHeartbeat(Duration lockHeartbeat) {
            this.lockHeartbeat = lockHeartbeat;
        }

        public Duration getTakeoverAfter() {
            return takeoverAfter;
        }

        public void setTakeoverAfter(Duration takeoverAfter) {
            this.takeoverAfter = takeoverAfter;
        }

        public Duration getRecordRetention() {
            return recordRetention;
        }

        public void setRecordRetention(Duration recordRetention) {
            this.recordRetention = recordRetention;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    /** How the connection to the FTP server is protected. */
    public enum FtpTls {
        /** FTPS, explicit: the server's FTP port, upgraded to TLS (AUTH TLS) before logging in; data channels too. */
        explicit,
        /** FTPS, implicit: TLS from the first byte, usually on port 990. */
        implicit,
        /** Plain FTP: the password and the files cross the network in the clear. */
        none
    }

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
        /**
         * TLS to the server (FTPS): explicit (the default), implicit, or none (plain FTP, the password in the clear).
         * The server's certificate is verified, its host name included.
         */
        private FtpTls tls = FtpTls.explicit;
        /**
         * The Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material verifies the FTPS server's
         * certificate, for a certificate of a private CA or a self-signed one; by default the JVM's trusted CAs.
         */
        private String sslBundle;
        /**
         * How long a file on the server must be seen unchanged (its size and time in the listings) before it is picked
         * up. An upload that pauses longer than this would be taken cut short: uploaders that may pause should write
         * under a temporary name and rename, or write a done file (doneFileName).
         */
        private Duration stableFor = Duration.ofSeconds(10);
        /**
         * Where files are downloaded before they are deployed (they are streamed from there). By default a private
         * (owner-only) folder of this instance, made at start and removed at stop.
         */
        private String localWorkDirectory;

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

        public FtpTls getTls() {
            return tls;
        }

        public void setTls(FtpTls tls) {
            this.tls = tls;
        }

        public String getSslBundle() {
            return sslBundle;
        }

        public void setSslBundle(String sslBundle) {
            this.sslBundle = sslBundle;
        }

        public Duration getStableFor() {
            return stableFor;
        }

        public void setStableFor(Duration stableFor) {
            this.stableFor = stableFor;
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

    public Duration getInboxClaimHeartbeat() {
        return inboxClaimHeartbeat;
    }

    public void setInboxClaimHeartbeat(Duration inboxClaimHeartbeat) {
        this.inboxClaimHeartbeat = inboxClaimHeartbeat;
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

    public Cluster getCluster() {
        return cluster;
    }

    public String getDoneFileName() {
        return doneFileName;
    }

    public void setDoneFileName(String doneFileName) {
        this.doneFileName = doneFileName;
    }

    public String getOperatorUsername() {
        return operatorUsername;
    }

    public void setOperatorUsername(String operatorUsername) {
        this.operatorUsername = operatorUsername;
    }

    public String getOperatorPassword() {
        return operatorPassword;
    }

    public void setOperatorPassword(String operatorPassword) {
        this.operatorPassword = operatorPassword;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }
}
