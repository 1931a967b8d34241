package io.deploykit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * No answer of the emulated APIs names the emulator, in its body or its headers: a test that matches on a message
 * matches what production says.
 */
class NeutralTextsTest {

    @Test
    void businessCentralsErrorsAreNeutral() {
        try (BcEmulator bc = BcEmulator.builder().operationTimeout(Duration.ofMillis(100)).start()) {
            String root = bc.serviceRootUrl();
            String token = token(bc.tokenUrl(), "client_id=" + BcEmulator.DEFAULT_CLIENT_ID + "&client_secret="
                                                + BcEmulator.DEFAULT_CLIENT_SECRET + "&scope=" + BcEmulator.SCOPE);
            String company = root + "/api/v2.0/companies(" + bc.company("CRONUS USA, Inc.").id() + ")";
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            answers.add(get(root + "/api/v2.0/companies", null));
            answers.add(get(root + "/api/v2.0/companies", "Bearer made-up"));
            answers.add(get(root + "/api/v2.0/nothing-here", "Bearer " + token));
            answers.add(get(root + "/api/v2.0/companies(not-a-guid)", "Bearer " + token));
            answers.add(get(company + "/items?$filter=contains(number,'1')", "Bearer " + token));
            answers.add(get(company + "/items?$expand=picture", "Bearer " + token));
            answers.add(get(company + "/items?$top=-1", "Bearer " + token));
            answers.add(get(root + "/v9/companies", "Bearer " + token));
            bc.faults().rateLimit(1, 1).serviceUnavailable(1, 1).gatewayTimeoutAfterActing(1);
            bc.faults().operationTimeout(1);
            for (int i = 0; i < 4; i++) {
                answers.add(get(root + "/api/v2.0/companies", "Bearer " + token));
            }
            answers.add(send(HttpRequest.newBuilder(URI.create(bc.tokenUrl())).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("grant_type=password"))));

            assertEquals(List.of(401, 401, 404, 400, 400, 400, 400, 404, 429, 503, 504, 408, 400),
                    answers.stream().map(HttpResponse::statusCode).toList());
            answers.forEach(NeutralTextsTest::assertNeutral);
        }
    }

    @Test
    void reactorsErrorsAreNeutral() {
        try (ReactorEmulator reactor = ReactorEmulator.builder().processingTime(Duration.ofMillis(20)).start()) {
            String token = token(reactor.tokenUrl(), "client_id=" + ReactorEmulator.DEFAULT_CLIENT_ID
                                                     + "&client_secret=" + ReactorEmulator.DEFAULT_CLIENT_SECRET
                                                     + "&scope=" + ReactorEmulator.SCOPE);
            String packages = reactor.baseUrl() + "/extension_packages";
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            answers.add(get(packages, null));
            answers.add(get(packages + "/EP00000000000000000000000000000000", "Bearer " + token));
            answers.add(send(HttpRequest.newBuilder(URI.create(packages)).header("Authorization", "Bearer " + token)));
            answers.add(get(reactor.baseUrl() + "/properties", "Bearer " + token));
            reactor.faults().rateLimit(1, null);
            answers.add(get(packages, "Bearer " + token));
            reactor.seedPackage("seeded", "1.0.0", "web", "private");
            answers.add(get(packages + "?filter%5Bname%5D=EQ%20seeded", "Bearer " + token));

            assertEquals(List.of(401, 404, 406, 404, 429, 200), answers.stream().map(HttpResponse::statusCode)
                    .toList());
            answers.forEach(NeutralTextsTest::assertNeutral);
        }
    }

    private static void assertNeutral(HttpResponse<byte[]> answer) {
        String body = new String(answer.body()).toLowerCase(Locale.ROOT);
        assertFalse(body.contains("emulator"), () -> answer.statusCode() + " " + body);
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                assertFalse(value.toLowerCase(Locale.ROOT).contains("emulator"), header::toString);
            }
        }
    }

    private static String token(String url, String form) {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("grant_type=client_credentials&" + form.replace(",", "%2C"))));
        assertEquals(200, answer.statusCode(), () -> new String(answer.body()));
        String body = new String(answer.body());
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }

    private static HttpResponse<byte[]> get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/vnd.api+json;revision=1");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        return TestHttp.send(request.build());
    }
}
