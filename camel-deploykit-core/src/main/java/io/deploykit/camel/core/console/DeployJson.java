package io.deploykit.camel.core.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.deploykit.camel.core.observe.CompletedDeploy;
import io.deploykit.camel.core.observe.RunningOperation;
import io.deploykit.camel.core.observe.UploadProgress;

/**
 * A deploy as the consoles and pages show it in JSON: one under way with its step, age and upload, one ended with its
 * outcome and error. Times are ISO instants; endpoints are named without their options, so nothing holds a secret.
 */
public final class DeployJson {

    private DeployJson() {
    }

    public static Map<String, Object> running(RunningOperation op) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("what", op.what());
        item.put("operation", op.operation());
        item.put("endpoint", op.endpoint());
        item.put("step", op.step());
        item.put("startedAt", op.startedAt().toString());
        item.put("ageMillis", op.age().toMillis());
        UploadProgress upload = op.upload();
        if (upload != null && upload.attempts() > 0) {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("sent", upload.sent());
            progress.put("total", upload.total());
            progress.put("percent", upload.percent());
            progress.put("bytesPerSecond", (long) upload.bytesPerSecond());
            Duration left = upload.timeLeft();
            progress.put("timeLeftMillis", left == null ? null : left.toMillis());
            progress.put("attempts", upload.attempts());
            item.put("upload", progress);
        }
        return item;
    }

    public static Map<String, Object> completed(CompletedDeploy done) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("what", done.what());
        item.put("operation", done.operation());
        item.put("endpoint", done.endpoint());
        item.put("outcome", done.outcome().label());
        item.put("startedAt", done.startedAt().toString());
        item.put("durationMillis", done.duration().toMillis());
        item.put("lastStep", done.lastStep());
        item.put("error", done.error());
        return item;
    }
}
