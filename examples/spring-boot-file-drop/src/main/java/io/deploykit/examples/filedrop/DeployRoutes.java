package io.deploykit.examples.filedrop;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.springframework.stereotype.Component;

import io.deploykit.camel.bc.BcConstants;
import io.deploykit.camel.core.error.JournalUnavailableException;
import io.deploykit.camel.core.error.OperationInterruptedException;
import io.deploykit.camel.release.ReleaseComponent;

/**
 * The three deployments. A file stays in its inbox while it is deployed; when its route is done, the file consumer
 * moves it to {@code .done}, or to {@code .error} with a note of the reason beside it. A deploy interrupted by a stop
 * leaves its file where it is, and so does a crash: the next start, or another instance, deploys it, continuing
 * from the step the deploy had reached. So does a deploy whose records cannot be reached (the database is down):
 * {@link StateOutage} holds the inboxes until it answers again.
 */
@Component
class DeployRoutes extends RouteBuilder {

    /** The route, and the name of its read lock, that picks releases dropped as folders. */
    private static final String RELEASE_FOLDERS = "release-folders";

    private final FileDropProperties properties;
    private final IdempotentRepository inboxLocks;
    private final StateRepository<String, String> deployStates;
    private final FtpWorkDirectory ftpWork;
    private final StateOutage stateOutage;

    DeployRoutes(FileDropProperties properties, IdempotentRepository inboxLocks,
                 StateRepository<String, String> deployStates, FtpWorkDirectory ftpWork, StateOutage stateOutage) {
        this.properties = properties;
        this.inboxLocks = inboxLocks;
        this.deployStates = deployStates;
        this.ftpWork = ftpWork;
        this.stateOutage = stateOutage;
    }

    @Override
    public void configure() {
        Inbox inbox = new Inbox(properties, ftpWork.path());
        FailureNote failureNote = new FailureNote(inbox);
        ReleaseReports reports = new ReleaseReports(inbox);
        // releases keep each step's progress with the other deploys', so a release dropped again, taken over by
        // another instance or resumed after a crash continues where it stopped
        getContext().getComponent("release", ReleaseComponent.class).getConfiguration().setStateRepository(deployStates);
        for (String folder : InboxCheck.FOLDERS) {
            PackageTurns turns = "rapidstart".equals(folder) ? new PackageTurns(inbox.isFtp()) : null;
            bindToRegistry(lockOf(folder), new InboxReadLock<>(inboxLocks, folder, inbox.stableFor(), Clock.systemUTC(),
                    stateOutage, turns));
            bindToRegistry(Inbox.moveOf(folder), new OutcomeMove<>(folder, failureNote, reports, Clock.systemUTC()));
        }
        bindToRegistry(lockOf(RELEASE_FOLDERS), new InboxReadLock<>(inboxLocks, "releases", inbox.stableFor(),
                Clock.systemUTC(), stateOutage, null));
        bindToRegistry(Inbox.folderMoveOf("releases"),
                OutcomeMove.ofFolders("releases", failureNote, reports, Clock.systemUTC()));

        // not handled: the exchange stays failed, so the consumer rolls back and leaves the file in the inbox
        onException(OperationInterruptedException.class)
                .log(LoggingLevel.WARN, "${file:name} was interrupted (${exception.message}); it stays in the inbox");
        // not handled either: the database is down, not the file; one WARN per outage (StateOutage), not per file
        onException(JournalUnavailableException.class).logExhausted(false)
                .log(LoggingLevel.DEBUG, "${file:name} stays in the inbox: ${exception.message}")
                .process(exchange -> stateOutage.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
        // handled: the file moves to .error, the note beside it says why
        onException(Exception.class).handled(true)
                .setProperty(Inbox.OUTCOME, constant(Inbox.ERROR))
                .process(ReleaseReports::keep)
                .process(failureNote);

        // a release: its steps in order to its targets in waves, each once; its report goes beside it
        from(inbox.consumer("releases", "zip", lockOf("releases"))).routeId("releases")
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .log("Picked ${file:name} (${file:size} bytes): deploying the release")
                .to("release:deploy")
                .process(ReleaseReports::keep)
                .log("Release ${header.CamelReleaseId}: ${header.CamelReleaseStepsDone} steps done,"
                     + " ${header.CamelReleaseStepsSkipped} skipped; moving ${file:name} to .done with its report");

        // a release dropped as a folder, picked once its manifest (written last) is stable, moved whole; on FTP the
        // consumer would fetch the manifest alone, so a folder there goes to .error saying to drop a zip
        from(inbox.releaseFolders("releases", lockOf(RELEASE_FOLDERS))).routeId(RELEASE_FOLDERS)
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .process(exchange -> inbox.requireLocal(exchange, "a release folder"))
                .log("Picked ${file:parent}: the release folder's manifest is there; deploying the release")
                .to("release:deploy")
                .process(ReleaseReports::keep)
                .log("Release ${header.CamelReleaseId}: ${header.CamelReleaseStepsDone} steps done,"
                     + " ${header.CamelReleaseStepsSkipped} skipped; moving its folder to .done with its report");

        // an app installs once per version: a file of a version the environment has is skipped (a WARN says so)
        from(inbox.consumer("apps", "app", lockOf("apps"))).routeId("apps")
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .log("Picked ${file:name} (${file:size} bytes): deploying the app to Business Central")
                .to("bc:app?operation=deploy")
                .log("App ${header.CamelBcAppName} ${header.CamelBcAppVersion} (${header.CamelBcAppId}):"
                     + " operation ${header.CamelBcAppOperationStatus}, skipped=${header.CamelBcDeploySkipped};"
                     + " moving ${file:name} to .done");

        from(inbox.consumer("rapidstart", "rapidstart", lockOf("rapidstart"))).routeId("rapidstart")
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .log("Picked ${file:name} (${file:size} bytes): deploying it to Business Central")
                .to("bc:configurationPackage?operation=deploy")
                .log("Deployed configuration package ${header.CamelBcPackageCode}: ${header.CamelBcNumberOfTables} tables,"
                     + " ${header.CamelBcNumberOfRecords} records, applyStatus=${header.CamelBcApplyStatus};"
                     + " moving ${file:name} to .done");

        from(inbox.consumer("pictures", "png,jpg,jpeg", lockOf("pictures"))).routeId("pictures")
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .setHeader(BcConstants.PARENT_NUMBER, simple("${file:onlyname.noext}"))
                .log("Picked ${file:name}: the picture of item ${header.CamelBcParentNumber}")
                .to("bc:picture?operation=update")
                .log("Updated the picture of item ${header.CamelBcParentNumber} (${body.width}x${body.height}"
                     + " ${body.contentType}); moving ${file:name} to .done");

        from(inbox.consumer("extensions", "zip", lockOf("extensions"))).routeId("extensions")
                .setProperty(Inbox.OUTCOME, constant(Inbox.DONE))
                .log("Picked ${file:name}: uploading it to Adobe Tags")
                .to("reactor:extensionPackage?operation=upload")
                .log("Extension package ${header.CamelReactorExtensionName} ${header.CamelReactorVersion}"
                     + " (${header.CamelReactorExtensionPackageId}) processed: ${header.CamelReactorStatus}")
                .filter(constant(properties.isReleasePrivate()))
                    .to("reactor:extensionPackage?operation=releasePrivate")
                    .log("Released ${header.CamelReactorExtensionName} ${header.CamelReactorVersion} to private")
                .end()
                .log("Moving ${file:name} to .done");

        // records of deploys are needed while their files may still be in the inbox; older ones go
        from("timer:deploykit-records?delay=60000&period=43200000").routeId("purge-deploy-records")
                .process(exchange -> {
                    int purged = InboxCoordination.purge(deployStates, properties.getCluster().getRecordRetention());
                    if (purged > 0) {
                        log.info("Removed {} deploy records older than {}", purged,
                                properties.getCluster().getRecordRetention());
                    }
                });
    }

    private static String lockOf(String folder) {
        return "deploykitInboxLock-" + folder;
    }
}
