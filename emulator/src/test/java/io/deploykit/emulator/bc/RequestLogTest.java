package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;
import io.deploykit.emulator.http.RecordedRequest;

class RequestLogTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(() -> BcEmulator.builder().start());

    private static BcEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
    }

    @Test
    void logsEachRequestAndCountsThemByRoute() {
        BcClient client = new BcClient(emulator);
        emulator.clearRequests();

        client.get("/api/v2.0/companies?$filter=" + TestHttp.encode("name eq 'My Company'"));
        BcClient.send(HttpRequest.newBuilder(URI.create(emulator.serviceRootUrl() + "/api/v2.0/companies")).build());
        BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator")).build());

        List<RecordedRequest> requests = emulator.requests();
        assertEquals(3, requests.size(), requests::toString);
        RecordedRequest token = requests.get(0);
        assertEquals("POST", token.method());
        assertEquals("token", token.route());
        assertEquals(200, token.status());
        assertFalse(token.withToken());
        RecordedRequest filtered = requests.get(1);
        assertEquals("GET", filtered.method());
        assertTrue(filtered.pathAndQuery().endsWith("/api/v2.0/companies?$filter=name+eq+%27My+Company%27"),
                filtered::toString);
        assertEquals("companies.list", filtered.route());
        assertEquals(200, filtered.status());
        assertTrue(filtered.withToken());
        assertEquals(401, requests.get(2).status());
        assertFalse(requests.get(2).withToken());
        assertEquals(2, emulator.requestCount("companies.list"));
        assertEquals(1, emulator.tokenRequestCount());
        assertEquals(2, emulator.requestCounts().get("companies.list"));
    }

    @Test
    void logsUnmatchedRequestsAndForgetsOnClear() {
        emulator.clearRequests();
        BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/nowhere")).build());

        assertNull(emulator.requests().get(0).route());
        assertEquals(404, emulator.requests().get(0).status());

        emulator.clearRequests();
        assertTrue(emulator.requests().isEmpty());
        assertTrue(emulator.requestCounts().isEmpty());
    }
}
