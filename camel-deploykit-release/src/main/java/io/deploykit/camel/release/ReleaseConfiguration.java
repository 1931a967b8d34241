package io.deploykit.camel.release;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of the release component and its endpoints. */
@UriParams
public class ReleaseConfiguration implements Cloneable {

    @UriParam(label = "producer", description = "Where each step of each target is recorded done, so that the same"
                                                + " release dropped again (after a fix, after a crash, on another"
                                                + " instance) continues: done steps are skipped and named skipped."
                                                + " Approvals of gated waves are kept there too. Share it between the"
                                                + " instances of a cluster (such as a JDBC one); without it every run"
                                                + " deploys every step, and approvals live in this application only")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "producer", defaultValue = "false", description = "Run every step again whatever the"
                                                                        + " stateRepository says (the components get"
                                                                        + " new deploy keys too)")
    private boolean redo;
    @UriParam(label = "producer", defaultValue = "5000", description = "How often a gated wave checks for its approval,"
                                                                       + " in milliseconds")
    @Metadata(javaType = "java.time.Duration")
    private long approvalPollInterval = 5_000;
    @UriParam(label = "advanced", defaultValue = "30000", description = "How long one call of the stateRepository may"
                                                                       + " take, in milliseconds")
    @Metadata(javaType = "java.time.Duration")
    private long stateRepositoryTimeout = 30_000;

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public boolean isRedo() {
        return redo;
    }

    public void setRedo(boolean redo) {
        this.redo = redo;
    }

    public long getApprovalPollInterval() {
        return approvalPollInterval;
    }

    public void setApprovalPollInterval(long approvalPollInterval) {
        this.approvalPollInterval = approvalPollInterval;
    }

    public long getStateRepositoryTimeout() {
        return stateRepositoryTimeout;
    }

    public void setStateRepositoryTimeout(long stateRepositoryTimeout) {
        this.stateRepositoryTimeout = stateRepositoryTimeout;
    }

    public ReleaseConfiguration copy() {
        try {
            return (ReleaseConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
