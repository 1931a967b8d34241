package io.deploykit.camel.web;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.deploykit.camel.core.journal.JournalRecords;

/**
 * The deployments page at {@code deploykit.web.path} (default {@code /deploykit}) of a Camel Spring Boot web
 * application. Its filter chain covers its path only and comes first; it is configured after Spring Boot's web
 * security, so an application without a chain of its own keeps Boot's default one for everything else. The journal
 * it lists is the application's {@link StateRepository} bean, when it can list its records ({@link JournalRecords}).
 */
@AutoConfiguration(afterName = {"org.apache.camel.spring.boot.CamelAutoConfiguration",
                                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = "deploykit.web", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeployKitWebProperties.class)
public class DeployKitWebAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain deployKitPageSecurity(HttpSecurity http, DeployKitWebProperties properties, Environment environment,
                                              AuditLog deployKitAuditLog) throws Exception {
        ExposureWarnings.check(properties, environment);
        return PageSecurity.chain(http, properties, deployKitAuditLog);
    }

    @Bean
    AuditLog deployKitAuditLog() {
        return new AuditLog(Clock.systemUTC());
    }

    @Bean
    DeploymentsController deployKitDeploymentsController(DeployKitWebProperties properties, CamelContext camel,
                                                         ObjectProvider<StateRepository<?, ?>> states,
                                                         AuditLog deployKitAuditLog) {
        Inboxes inboxes = new Inboxes(properties.getInboxes());
        ErrorFiles errorFiles = new ErrorFiles(inboxes, Clock.systemUTC());
        DeploymentsView view = new DeploymentsView(camel, () -> states.orderedStream()
                .filter(JournalRecords.class::isInstance).map(JournalRecords.class::cast).findFirst().orElse(null),
                inboxes, errorFiles, properties.getRecentLimit());
        return new DeploymentsController(properties, view, errorFiles,
                new InboxUploads(inboxes, properties.getMaxUploadSize().toBytes()), deployKitAuditLog);
    }
}
