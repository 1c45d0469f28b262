package se.styrregistret.standalone;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scrape of a service's {@code /actuator/prometheus}, read in Prometheus' protobuf exposition
 * format with Prometheus' own message classes (as Prometheus reads it), not by matching text.
 */
record Scrape(List<Metrics.MetricFamily> families) {

    private static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    static Scrape of(String serviceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
                .header("Accept", PROTOBUF)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new AssertionError("scrape of " + serviceUrl + " answered " + response.statusCode());
            List<Metrics.MetricFamily> families = new ArrayList<>();
            try (InputStream in = new ByteArrayInputStream(response.body())) {
                for (Metrics.MetricFamily family = Metrics.MetricFamily.parseDelimitedFrom(in); family != null;
                     family = Metrics.MetricFamily.parseDelimitedFrom(in)) {
                    families.add(family);
                }
            }
            return new Scrape(families);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sample of a family whose labels include all of {@code labels}. */
    Optional<Metrics.Metric> sample(String family, Map<String, String> labels) {
        return families.stream().filter(f -> f.getName().equals(family)).flatMap(f -> f.getMetricList().stream())
                .filter(m -> m.getLabelList().stream().filter(l -> labels.containsKey(l.getName())
                        && labels.get(l.getName()).equals(l.getValue())).count() == labels.size())
                .findFirst();
    }

    /** How many times a timer recorded, 0 before its first. */
    long count(String family, Map<String, String> labels) {
        return sample(family, labels).map(m -> m.hasSummary() ? m.getSummary().getSampleCount() : m.getHistogram().getSampleCount()).orElse(0L);
    }

    double sum(String family, Map<String, String> labels) {
        return sample(family, labels).map(m -> m.hasSummary() ? m.getSummary().getSampleSum() : m.getHistogram().getSampleSum()).orElse(0.0);
    }

    double gauge(String family, Map<String, String> labels) {
        return sample(family, labels).orElseThrow(() -> new AssertionError("no " + family + " with " + labels + " in " + names()))
                .getGauge().getValue();
    }

    List<String> names() {
        return families.stream().map(Metrics.MetricFamily::getName).toList();
    }
}
