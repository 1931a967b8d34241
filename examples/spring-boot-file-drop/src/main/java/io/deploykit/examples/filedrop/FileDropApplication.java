package io.deploykit.examples.filedrop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Deploys what is dropped in three folders (or FTP directories): RapidStart packages to Business Central, item
 * pictures to Business Central, extension zips to Adobe Tags. With deploykit.example.emulators=on, both services are
 * emulated in process, so the whole flow runs offline.
 */
@SpringBootApplication
@EnableConfigurationProperties(FileDropProperties.class)
public class FileDropApplication {

    public static void main(String[] args) {
        SpringApplication.run(FileDropApplication.class, args);
    }
}
