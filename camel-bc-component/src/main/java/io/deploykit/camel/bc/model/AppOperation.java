package io.deploykit.camel.bc.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An install, update or uninstall of an app, as the admin center API answers it. Its pages spell the fields and
 * statuses two ways ({@code targetAppVersion} and {@code running} from {@code pteInstall}, {@code targetVersion} and
 * {@code Running} from the app's operations): both are read, and statuses are compared without case.
 *
 * @param status {@code scheduled}, {@code running}, {@code succeeded}, {@code failed}, {@code canceled} or
 *               {@code skipped}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppOperation(String id, String type, String appId,
                           @JsonAlias("sourceVersion") String sourceAppVersion,
                           @JsonAlias("targetVersion") String targetAppVersion, String status, String scheduleKind,
                           String createdOn, String startedOn, String completedOn, String errorMessage) {

    public boolean is(String wanted) {
        return status != null && status.toLowerCase(Locale.ROOT).equals(wanted);
    }

    /** Whether it can still take effect: scheduled, running or succeeded. */
    public boolean isLive() {
        return is("scheduled") || is("running") || is("succeeded");
    }
}
