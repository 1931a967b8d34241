package io.deploykit.camel.springboot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest application: Camel and both components, configured by auto-configuration alone. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}
