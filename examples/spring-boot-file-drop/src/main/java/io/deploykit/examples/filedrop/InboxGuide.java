package io.deploykit.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.bc.apps.AppFile;
import io.deploykit.emulator.bc.apps.AppManifest;
import io.deploykit.emulator.bc.apps.AppVersion;
import io.deploykit.emulator.bc.packages.RapidStartFiles;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.reactor.ExtensionZips;

/**
 * Tells a newcomer where to drop files: makes the inbox folders and, when a service is emulated, demo files to copy
 * into them.
 */
@Component
class InboxGuide implements ApplicationRunner {

    /** A per-tenant extension on Base Application, as AL's compiler names its file: Publisher_Name_Version.app. */
    private static final AppManifest DEMO_APP = new AppManifest("5e1d7d1c-2f2a-4c43-9a55-0d5c0a7d0e17", "DeployKit Demo",
            "DeployKit", AppVersion.parse("1.0.0.0"), List.of(new AppManifest.Dependency(
            "437dbf0e-84ff-417a-965d-ed2bb9650972", "Base Application", "Microsoft", AppVersion.parse("27.0.0.0"))));

    private static final Logger LOG = LoggerFactory.getLogger(InboxGuide.class);

    private final FileDropProperties properties;
    private final ObjectProvider<BcEmulator> bc;
    private final ObjectProvider<io.deploykit.emulator.reactor.ReactorEmulator> reactor;

    InboxGuide(FileDropProperties properties, ObjectProvider<BcEmulator> bc,
               ObjectProvider<io.deploykit.emulator.reactor.ReactorEmulator> reactor) {
        this.properties = properties;
        this.bc = bc;
        this.reactor = reactor;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.getSource() == FileDropProperties.Source.ftp) {
            FileDropProperties.Ftp ftp = properties.getFtp();
            LOG.info("Watching ftp://{}:{}/{}/{{releases,apps,rapidstart,pictures,extensions}} ({})", ftp.getHost(), ftp.getPort(),
                    properties.getInbox(), ftp.getTls() == FileDropProperties.FtpTls.none ? "plain FTP" : "FTPS, " + ftp.getTls());
            if (ftp.getTls() == FileDropProperties.FtpTls.none) {
                LOG.warn("Plain FTP (deploykit.example.ftp.tls=none): the FTP password and the packages cross the network"
                         + " in the clear. Use FTPS (tls=explicit or implicit) unless the network is trusted");
            }
        } else {
            Path inbox = Path.of(properties.getInbox()).toAbsolutePath();
            for (String folder : InboxCheck.FOLDERS) {
                Files.createDirectories(inbox.resolve(folder));
            }
            LOG.info("Drop files into {}/releases (*.zip with a release.yaml, or a folder whose release.yaml is written last), {}/apps (*.app), {}/rapidstart"
                     + " (*.rapidstart), {}/pictures (<item number>.png|jpg) and {}/extensions (*.zip); each moves to"
                     + " .done, or to .error with a .error.txt note (a release with its report beside it)", inbox,
                     inbox, inbox, inbox, inbox);
        }
        Path demo = Path.of(properties.getDemoFolder()).toAbsolutePath();
        if (bc.getIfAvailable() != null) {
            RapidStartFiles.write(Files.createDirectories(demo.resolve("rapidstart")).resolve("DEMO-CUSTOMERS.rapidstart"),
                    "DEMO-CUSTOMERS", "Demo customers", 3, 10);
            Files.write(Files.createDirectories(demo.resolve("pictures")).resolve("1000.png"), Images.png(320, 240));
            AppFile.write(Files.createDirectories(demo.resolve("apps")).resolve("DeployKit Demo_1.0.0.0.app"), DEMO_APP);
        }
        if (reactor.getIfAvailable() != null) {
            ExtensionZips.write(Files.createDirectories(demo.resolve("extensions")).resolve("deploykit-demo-1.0.0.zip"),
                    "deploykit-demo", "1.0.0", "web");
        }
        if (bc.getIfAvailable() != null && reactor.getIfAvailable() != null) {
            DemoRelease.write(Files.createDirectories(demo.resolve("releases")).resolve("deploykit-demo-release.zip"));
        }
        if (bc.getIfAvailable() != null || reactor.getIfAvailable() != null) {
            LOG.info("Demo files to try: copy them into the inbox, e.g. cp -r {}/* {}/", demo,
                    Path.of(properties.getInbox()).toAbsolutePath());
        }
    }
}
