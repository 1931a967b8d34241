package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.core.journal.DirectoryStateRepository;
import io.deploykit.camel.core.journal.JdbcStateRepository;
import io.deploykit.camel.reactor.ReactorComponent;

/**
 * What the instances on one inbox share, so that each file is deployed once: the locks of the files being deployed
 * (a Camel {@link IdempotentRepository}, {@link JdbcInboxLocks} in the database) and the progress of each deploy (a Camel {@link StateRepository} that both
 * components record their steps in). With {@code deploykit.example.cluster.jdbc-url} both live in the shared
 * database; without it, the locks are in memory and the progress in a local folder, for one instance alone.
 */
@Configuration(proxyBeanMethods = false)
class InboxCoordination {

    static final String LOCK_TABLE = "DEPLOYKIT_LOCKS";
    static final String STATE_TABLE = "DEPLOYKIT_STATE";

    private static final Logger LOG = LoggerFactory.getLogger(InboxCoordination.class);

    /** The shared database, or none for an instance alone. */
    @Bean(destroyMethod = "close")
    ClusterDatabase clusterDatabase(FileDropProperties properties) {
        FileDropProperties.Cluster cluster = properties.getCluster();
        if (!cluster.isEnabled()) {
            return new ClusterDatabase(null);
        }
        if (cluster.getTakeoverAfter().compareTo(cluster.getLockHeartbeat().multipliedBy(3)) < 0) {
            throw new IllegalStateException("deploykit.example.cluster.takeover-after (" + cluster.getTakeoverAfter()
                                            + ") must be at least three lock-heartbeats (" + cluster.getLockHeartbeat()
                                            + "): a live instance would lose its files to another");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.getJdbcUrl());
        config.setUsername(cluster.getUsername());
        config.setPassword(cluster.getPassword());
        config.setMaximumPoolSize(cluster.getMaxConnections());
        config.setPoolName("deploykit-cluster");
        config.setInitializationFailTimeout(10_000); // an unreachable database stops the start, naming itself
        // nothing waits forever on a database that is down or hung: a connection within 5 s, an answer within 30 s
        // (PostgreSQL's driver; another driver's URL can say the same), or the call fails and StateOutage takes over
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        if (cluster.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("socketTimeout", "30");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Schema.createLockTable(dataSource, LOCK_TABLE);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("Sharing the inbox with the instances of group '{}' through {} (a file of a dead instance is taken over"
                 + " after {})", cluster.getGroup(), cluster.getJdbcUrl(), cluster.getTakeoverAfter());
        return new ClusterDatabase(dataSource);
    }

    /** The locks of the files being deployed. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    IdempotentRepository inboxLocks(FileDropProperties properties, ClusterDatabase database, CamelContext camel) {
        FileDropProperties.Cluster cluster = properties.getCluster();
        if (database.dataSource() == null) {
            // an instance alone: a lock is needed only between its own polls and routes
            return MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        }
        return new JdbcInboxLocks(database.dataSource(), LOCK_TABLE, cluster.getGroup(), cluster.getLockHeartbeat(),
                cluster.getTakeoverAfter(), camel);
    }

    /**
     * An instance without a database claims its inbox at start (see {@link InboxClaim}), before its routes start, and
     * releases it when the Camel context stops, after its routes.
     */
    @Bean(destroyMethod = "")
    InboxClaim inboxClaim(FileDropProperties properties, ClusterDatabase database, CamelContext camel,
                          ObjectProvider<SslBundles> sslBundles) throws Exception {
        if (database.dataSource() != null) {
            LOG.info("Several instances may share this inbox: the locks are in the cluster database");
            return null;
        }
        InboxClaim claim = new InboxClaim(InboxClaimStores.of(properties, sslBundles), properties.getInboxClaimHeartbeat(),
                JdbcInboxLocks.ownerName());
        claim.claim();
        camel.addService(claim, true, false);
        return claim;
    }

    /** Where the components record each deploy's steps. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    StateRepository<String, String> deployStates(FileDropProperties properties, ClusterDatabase database) {
        if (database.dataSource() != null) {
            return new JdbcStateRepository(database.dataSource(), STATE_TABLE);
        }
        return new DirectoryStateRepository(stateDirectory(properties));
    }

    @Bean
    ComponentCustomizer statesOfBc(StateRepository<String, String> deployStates) {
        return ComponentCustomizer.builder(BcComponent.class)
                .build(bc -> bc.getConfiguration().setStateRepository(deployStates));
    }

    @Bean
    ComponentCustomizer statesOfReactor(StateRepository<String, String> deployStates) {
        return ComponentCustomizer.builder(ReactorComponent.class)
                .build(reactor -> reactor.getConfiguration().setStateRepository(deployStates));
    }

    /**
     * Where the progress is kept without a database: never in the inbox, where whoever may drop files could delete or
     * forge the records. By default {@code .deploykit-state} in the working directory, one folder per inbox (so that
     * instances on different inboxes started from the same folder keep apart); a configured folder inside the inbox
     * stops the start.
     */
    static Path stateDirectory(FileDropProperties properties) {
        Path inbox = properties.getSource() == FileDropProperties.Source.file
                ? Path.of(properties.getInbox()).toAbsolutePath().normalize() : null;
        if (properties.getStateDirectory() != null && !properties.getStateDirectory().isBlank()) {
            Path configured = Path.of(properties.getStateDirectory()).toAbsolutePath().normalize();
            if (inbox != null && (realPath(configured).startsWith(realPath(inbox)) || configured.startsWith(inbox))) {
                throw new IllegalStateException("deploykit.example.state-directory (" + configured + ") is inside the"
                        + " inbox (" + inbox + "), where whoever drops files could delete or forge the deploys' records:"
                        + " choose a folder outside it, or remove the setting to use .deploykit-state in the working"
                        + " directory");
            }
            return configured;
        }
        Path states = Path.of(".deploykit-state").toAbsolutePath();
        return inbox == null ? states : states.resolve(inboxFolderName(inbox));
    }

    /** The inbox's own name and a digest of its whole path: readable, and distinct for two inboxes of one name. */
    private static String inboxFolderName(Path inbox) {
        String name = inbox.getFileName() == null ? "root" : inbox.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(inbox.toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a standard algorithm of every JVM", e);
        }
    }

    /** The path with its links resolved as far as it exists (a link into the inbox is inside it too). */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    /** Deletes the records of deploys last written longer ago than the retention. */
    static int purge(StateRepository<String, String> states, Duration retention) {
        if (states instanceof JdbcStateRepository jdbc) {
            return jdbc.purgeOlderThan(retention);
        }
        if (states instanceof DirectoryStateRepository directory) {
            return directory.purgeOlderThan(retention);
        }
        return 0;
    }

    /** The pool of connections to the shared database; an empty one for an instance alone. */
    record ClusterDatabase(HikariDataSource pool) implements AutoCloseable {

        DataSource dataSource() {
            return pool;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
