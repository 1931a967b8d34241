package io.deploykit.examples.filedrop;

import java.nio.file.Path;
import java.time.Duration;

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
    InboxClaim inboxClaim(FileDropProperties properties, ClusterDatabase database, CamelContext camel) throws Exception {
        if (database.dataSource() != null) {
            LOG.info("Several instances may share this inbox: the locks are in the cluster database");
            return null;
        }
        InboxClaim claim = new InboxClaim(InboxClaimStores.of(properties), properties.getInboxClaimHeartbeat(),
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

    static Path stateDirectory(FileDropProperties properties) {
        if (properties.getStateDirectory() != null && !properties.getStateDirectory().isBlank()) {
            return Path.of(properties.getStateDirectory()).toAbsolutePath();
        }
        return properties.getSource() == FileDropProperties.Source.file
                ? Path.of(properties.getInbox(), ".deploykit-state").toAbsolutePath()
                : Path.of(".deploykit-state").toAbsolutePath();
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
