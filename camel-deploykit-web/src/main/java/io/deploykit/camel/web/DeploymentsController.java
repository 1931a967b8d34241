package io.deploykit.camel.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.release.ReleaseComponent;

/**
 * The page, its data and its actions, below {@code deploykit.web.path}. Reading needs the viewer role, acting the
 * operator role (see {@link PageSecurity}); every action writes one line to the audit log, refused ones too.
 */
@RestController
@RequestMapping("${deploykit.web.path:/deploykit}")
class DeploymentsController {

    private final DeployKitWebProperties properties;
    private final DeploymentsView view;
    private final ErrorFiles errorFiles;
    private final InboxUploads uploads;
    private final AuditLog audit;

    DeploymentsController(DeployKitWebProperties properties, DeploymentsView view, ErrorFiles errorFiles,
                          InboxUploads uploads, AuditLog audit) {
        this.properties = properties;
        this.view = view;
        this.errorFiles = errorFiles;
        this.uploads = uploads;
        this.audit = audit;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Authentication user) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return PageTemplates.html("page.html", Map.of("path", properties.getPath(), "user", user.getName(),
                "csrfHeader", csrf.getHeaderName(), "csrfParameter", csrf.getParameterName(), "csrfToken", csrf.getToken(),
                "refresh", String.valueOf(properties.getRefreshMillis())));
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = request.getParameter("error") != null ? "Wrong user name or password."
                : request.getParameter("out") != null ? "You are signed out." : "";
        return PageTemplates.html("login.html", Map.of("path", properties.getPath(), "csrfParameter",
                csrf.getParameterName(), "csrfToken", csrf.getToken(), "message", message));
    }

    @GetMapping(path = "/page.js", produces = "text/javascript")
    ResponseEntity<String> script() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PageTemplates.read("page.js"));
    }

    @GetMapping(path = "/page.css", produces = "text/css")
    ResponseEntity<String> style() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PageTemplates.read("page.css"));
    }

    @GetMapping(path = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> state(Authentication user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("user", Map.of("name", user.getName(), "canAct", canAct(user)));
        state.putAll(view.state());
        return state;
    }

    @PostMapping("/errors/retry")
    Map<String, String> retry(@RequestParam String inbox, @RequestParam String file, Authentication user) {
        return act(user, "retry", inbox + "/.error/" + file, () -> {
            errorFiles.retry(inbox, file);
            return file + " is back in inbox " + inbox;
        });
    }

    @PostMapping("/errors/dismiss")
    Map<String, String> dismiss(@RequestParam String inbox, @RequestParam String file, Authentication user) {
        return act(user, "dismiss", inbox + "/.error/" + file, () -> {
            errorFiles.dismiss(inbox, file);
            return file + " is dismissed (kept in .error/.dismissed)";
        });
    }

    @PostMapping("/gates/approve")
    Map<String, String> approve(@RequestParam String release, @RequestParam String wave, Authentication user) {
        return act(user, "approve", release + " / " + wave, () -> {
            releases().approve(release, wave, user.getName()).join();
            return "Wave " + wave + " of " + release + " is approved";
        });
    }

    @PostMapping("/gates/reject")
    Map<String, String> reject(@RequestParam String release, @RequestParam String wave, Authentication user) {
        return act(user, "reject", release + " / " + wave, () -> {
            releases().reject(release, wave, user.getName()).join();
            return "Wave " + wave + " of " + release + " is rejected";
        });
    }

    @PostMapping("/upload")
    Map<String, String> upload(@RequestParam String inbox, @RequestParam String name, HttpServletRequest request,
                               Authentication user) {
        return act(user, "upload", inbox + "/" + name, () -> {
            try (InputStream body = request.getInputStream()) {
                String saved = uploads.upload(inbox, name, request.getContentLengthLong(), body);
                return saved + " is in inbox " + inbox;
            } catch (IOException e) {
                throw new ActionRefusedException(400, "The upload of " + name + " broke off: " + e.getMessage());
            }
        });
    }

    private ReleaseComponent releases() {
        ReleaseComponent component = view.releaseComponent();
        if (component == null) {
            throw new ActionRefusedException(404, "This application runs no releases");
        }
        return component;
    }

    /** Runs the action, audits it once, and answers its message or its refusal. */
    private Map<String, String> act(Authentication user, String action, String target, Supplier<String> work) {
        try {
            String message = work.get();
            audit.record(user.getName(), action, target, "done");
            return Map.of("message", message);
        } catch (ActionRefusedException e) {
            audit.record(user.getName(), action, target, "refused: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) { // a failed service call (CompletionException) or any other: audited too
            String why = Failures.message(e);
            audit.record(user.getName(), action, target, "failed: " + why);
            throw new ActionRefusedException(500, why);
        }
    }

    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<Map<String, String>> refused(ActionRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
    }

    private static boolean canAct(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + PageUsers.OPERATOR).equals(a.getAuthority()));
    }
}
