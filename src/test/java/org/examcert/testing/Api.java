package org.examcert.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP client with its own cookie jar: a person's browser as the server sees it. Requests go to
 * the deployment under test; JSON bodies are parsed with JSON-P.
 */
public final class Api {

    private final URI base;
    private final HttpClient http;
    // The browser app sends this on state-changing calls that carry the session cookie (CSRF guard).
    private final Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("X-Examcert-Csrf", "1"));

    /** One operation of the deployment's OpenAPI document: its method in capitals and its path template. */
    public record Operation(String method, String path) {
    }

    /** Every operation the deployment's OpenAPI document lists, in the document's order. */
    public static List<Operation> operations(URL deployment) {
        String document = new Api(deployment).header("Accept", "application/json").get("openapi?format=JSON").expect(200).body();
        JsonObject paths = Json.createReader(new StringReader(document)).readObject().getJsonObject("paths");
        List<Operation> operations = new java.util.ArrayList<>();
        paths.forEach((path, methods) -> {
            for (String method : methods.asJsonObject().keySet()) {
                operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path));
            }
        });
        return operations;
    }

    public Api(URL deployment) {
        this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends this header on every later request (e.g. Accept-Language, a device id); null stops sending it. */
    public Api header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A binary download (a PDF), asserting the status. */
    public byte[] bytes(String path, int expectedStatus) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("expected HTTP " + expectedStatus + " but got " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply post(String path, JsonObject json) {
        return post(path, json.toString());
    }

    public Reply put(String path, JsonObject json) {
        return put(path, json.toString());
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Uploads a file's bytes as the console's import forms do. */
    public Reply upload(String path, byte[] file) {
        return send(request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** Any method with an empty JSON body (for sweeping every endpoint). */
    public Reply call(String method, String path) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return send(request(path).header("Content-Type", "application/json").method(method, body));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with JSON accessors. */
    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** A response header's first value, if sent. */
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        /** Asserts the status, showing the body when it differs. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String problemCode() {
            JsonValue code = json().get("code");
            return code == null ? null : ((jakarta.json.JsonString) code).getString();
        }
    }
}
