package se.styrregistret.deployment;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file, the Dockerfiles and the Kubernetes manifests, parsed and checked for the
 * mistakes that would only show on a machine with Docker or a cluster (there is none here).
 */
class DeploymentFilesTest {

    static final Path DEPLOY = Path.of(System.getProperty("basedir", "."));
    static final Set<String> SERVICES = Set.of("command-service", "query-service");

    // ---- compose ----

    @Test
    void every_compose_service_has_an_image_or_a_build_and_a_healthcheck() {
        Map<String, Map<String, Object>> services = composeServices();
        assertThat(services.keySet()).containsExactlyInAnyOrder("axonserver", "postgres", "command-service", "query-service");
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " has an image or build").isTrue();
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as(name + " has a healthcheck").isNotNull();
            assertThat(healthcheck.get("test")).as(name + " healthcheck test").isNotNull();
        });
        assertThat(String.valueOf(services.get("postgres").get("image"))).startsWith("postgres:15");
        assertThat(String.valueOf(services.get("axonserver").get("image"))).startsWith("axoniq/axonserver:");
    }

    @Test
    void the_services_wait_for_their_dependencies_to_be_healthy() {
        Map<String, Map<String, Object>> services = composeServices();
        services.forEach((name, service) -> {
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            if (dependsOn == null) return;
            assertThat(services.keySet()).as(name + " depends on known services").containsAll(dependsOn.keySet());
        });
        for (String name : SERVICES) {
            Map<String, Object> dependsOn = map(services.get(name).get("depends_on"));
            assertThat(dependsOn).as(name).containsKeys("postgres", "axonserver");
            dependsOn.values().forEach(d -> assertThat(map(d).get("condition")).as(name).isEqualTo("service_healthy"));
        }
        // the query-service validates the Axon tables the command-service migrates
        assertThat(map(services.get("query-service").get("depends_on"))).containsKey("command-service");
    }

    @Test
    void both_services_run_the_axonserver_profile_against_the_compose_database_and_axon_server() {
        Map<String, Map<String, Object>> services = composeServices();
        for (String name : SERVICES) {
            Map<String, Object> env = map(services.get(name).get("environment"));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name).isEqualTo("axonserver");
            assertThat(env.get("AXON_SERVER")).as(name).isEqualTo("axonserver:8124");
            assertThat(String.valueOf(env.get("SPRING_DATASOURCE_URL"))).as(name).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env).as(name).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                    "STYRREGISTRET_REGISTRAR_PASSWORD", "STYRREGISTRET_AUDITOR_PASSWORD",
                    "STYRREGISTRET_READER_PASSWORD", "STYRREGISTRET_ADMIN_PASSWORD");
            assertThat(String.valueOf(map(services.get(name).get("healthcheck")).get("test"))).contains("/actuator/health/readiness");
        }
    }

    @Test
    void the_shared_deployments_log_json_lines() {
        Map<String, Map<String, Object>> services = composeServices();
        for (String name : SERVICES) {
            assertThat(map(services.get(name).get("environment")).get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).as(name).isEqualTo("ecs");
        }
        assertThat(map(byName("ConfigMap", "styrregistret-config").get("data")).get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
        // both Deployments read that ConfigMap
        for (String name : SERVICES) {
            assertThat(containers(byName("Deployment", name))).as(name).allSatisfy(container ->
                    assertThat(list(container.get("envFrom"))).anySatisfy(from ->
                            assertThat(map(from.get("configMapRef"))).containsEntry("name", "styrregistret-config")));
        }
    }

    @Test
    void the_dockerfiles_compose_builds_exist_and_run_the_exec_jar_on_a_java_17_jre() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (String name : SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            Path context = DEPLOY.resolve("compose").resolve(String.valueOf(build.get("context"))).normalize();
            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
            assertThat(dockerfile).as(name).exists().hasFileName(name + ".Dockerfile");
            String text = Files.readString(dockerfile);
            assertThat(text).contains("FROM eclipse-temurin:17-jre")
                    .contains("COPY " + name + "/target/" + name + "-*-exec.jar")
                    .contains("/actuator/health/readiness");
            assertThat(context.resolve(name).resolve("pom.xml")).as("build context is the repository root").exists();
        }
    }

    /**
     * A JVM that ran out of heap has lost whichever threads the error hit (an event processor's, the event store's
     * producer), so the images and the cluster's settings make the service exit, and compose and Kubernetes start
     * it again. Checked with a real JVM given each file's own JAVA_TOOL_OPTIONS: a program that catches the error
     * and would carry on must not get to.
     */
    @Test
    void a_service_that_runs_out_of_heap_exits_and_is_started_again() throws Exception {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (String name : SERVICES) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                    .matcher(Files.readString(DEPLOY.resolve("docker").resolve(name + ".Dockerfile")));
            assertThat(m.find()).as(name + ".Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
            options.put(name + ".Dockerfile", m.group(1));
        }
        options.put("k8s/config.yaml", String.valueOf(map(byName("ConfigMap", "styrregistret-config").get("data"))
                .get("JAVA_TOOL_OPTIONS")));
        Path program = Files.createTempDirectory("oom").resolve("CarriesOn.java");
        Files.writeString(program, """
                public class CarriesOn {
                    public static void main(String[] args) {
                        java.util.List<long[]> kept = new java.util.ArrayList<>();
                        try {
                            while (true) kept.add(new long[1 << 20]);
                        } catch (OutOfMemoryError e) {
                            kept.clear();
                            System.out.println("carried on");
                        }
                    }
                }
                """);
        String jvm = ProcessHandle.current().info().command().orElse("java");
        for (Map.Entry<String, String> e : options.entrySet()) {
            // -Xmx on the command line outranks MaxRAMPercentage: a small heap, so the program runs out at once
            ProcessBuilder builder = new ProcessBuilder(jvm, "-Xmx64m", program.toString()).redirectErrorStream(true);
            builder.environment().put("JAVA_TOOL_OPTIONS", e.getValue());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(e.getKey() + ": " + output).isNotZero();
            assertThat(output).as(e.getKey()).doesNotContain("carried on").contains("OutOfMemoryError");
        }
        Map<String, Map<String, Object>> services = composeServices();
        for (String name : SERVICES) {
            assertThat(services.get(name).get("restart")).as("compose restarts " + name).isEqualTo("unless-stopped");
        }
    }

    // ---- Kubernetes ----

    @Test
    void every_deployment_has_probes_on_the_actuator_and_resources() {
        List<Map<String, Object>> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(d -> name(d)).containsExactlyInAnyOrder("command-service", "query-service");
        for (Map<String, Object> deployment : deployments) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = name(deployment) + "/" + container.get("name");
                assertThat(probePath(container, "livenessProbe")).as(where).isEqualTo("/actuator/health/liveness");
                assertThat(probePath(container, "readinessProbe")).as(where).isEqualTo("/actuator/health/readiness");
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(resources).as(where + " resources").isNotNull();
                assertThat(map(resources.get("requests"))).as(where).containsKeys("cpu", "memory");
                assertThat(map(resources.get("limits"))).as(where).containsKeys("cpu", "memory");
                // the probe's named port is one the container declares
                Set<Object> ports = new java.util.HashSet<>();
                for (Map<String, Object> port : list(container.get("ports"))) {
                    ports.add(port.get("name"));
                    ports.add(port.get("containerPort"));
                }
                assertThat(ports).as(where).contains(map(map(container.get("readinessProbe")).get("httpGet")).get("port"));
            }
        }
    }

    @Test
    void the_query_service_runs_two_replicas_and_the_command_service_one() {
        assertThat(map(byName("Deployment", "query-service").get("spec")).get("replicas")).isEqualTo(2);
        assertThat(map(byName("Deployment", "command-service").get("spec")).get("replicas")).isEqualTo(1);
    }

    @Test
    void every_deployment_and_statefulset_has_a_service_selecting_its_pods() {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        assertThat(ofKind("StatefulSet")).extracting(d -> name(d)).contains("postgres", "axonserver");
        for (Map<String, Object> workload : workloads) {
            Map<String, Object> spec = map(workload.get("spec"));
            Map<String, Object> podLabels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
            assertThat(podLabels).as(name(workload) + " selector matches its pods")
                    .containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
            boolean served = ofKind("Service").stream().anyMatch(s ->
                    podLabels.entrySet().containsAll(map(map(s.get("spec")).get("selector")).entrySet()));
            assertThat(served).as(name(workload) + " has a Service").isTrue();
        }
    }

    @Test
    void every_referenced_configmap_and_secret_and_key_exists() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        ofKind("ConfigMap").forEach(c -> configMaps.put(name(c), map(c.get("data")).keySet()));
        Map<String, Set<String>> secrets = new HashMap<>();
        ofKind("Secret").forEach(s -> {
            Map<String, Object> data = new HashMap<>();
            if (s.get("data") != null) data.putAll(map(s.get("data")));
            if (s.get("stringData") != null) data.putAll(map(s.get("stringData")));
            secrets.put(name(s), data.keySet());
        });
        int references = 0;
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        for (Map<String, Object> workload : workloads) {
            for (Map<String, Object> container : containers(workload)) {
                String where = name(workload) + "/" + container.get("name");
                for (Map<String, Object> from : list(container.get("envFrom"))) {
                    if (from.get("configMapRef") != null) {
                        assertThat(configMaps).as(where).containsKey(String.valueOf(map(from.get("configMapRef")).get("name")));
                        references++;
                    }
                    if (from.get("secretRef") != null) {
                        assertThat(secrets).as(where).containsKey(String.valueOf(map(from.get("secretRef")).get("name")));
                        references++;
                    }
                }
                for (Map<String, Object> env : list(container.get("env"))) {
                    Map<String, Object> valueFrom = map(env.get("valueFrom"));
                    if (valueFrom == null) continue;
                    check(where, secrets, map(valueFrom.get("secretKeyRef")));
                    check(where, configMaps, map(valueFrom.get("configMapKeyRef")));
                    references++;
                }
            }
        }
        assertThat(references).isPositive();
        assertThat(configMaps.get("styrregistret-config")).contains("SPRING_PROFILES_ACTIVE");
        assertThat(map(byName("ConfigMap", "styrregistret-config").get("data")).get("SPRING_PROFILES_ACTIVE")).isEqualTo("axonserver");
    }

    private static void check(String where, Map<String, Set<String>> known, Map<String, Object> ref) {
        if (ref == null) return;
        String name = String.valueOf(ref.get("name"));
        assertThat(known).as(where + " refers to " + name).containsKey(name);
        assertThat(known.get(name)).as(where + " refers to key " + ref.get("key") + " of " + name).contains(String.valueOf(ref.get("key")));
    }

    // ---- parsing ----

    static Map<String, Map<String, Object>> composeServices() {
        Map<String, Object> compose = loadAll(DEPLOY.resolve("compose/compose.yaml")).get(0);
        Map<String, Map<String, Object>> services = new HashMap<>();
        map(compose.get("services")).forEach((k, v) -> services.put(k, map(v)));
        return services;
    }

    static List<Map<String, Object>> manifests() {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            List<Map<String, Object>> all = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .forEach(f -> all.addAll(loadAll(f)));
            assertThat(all).isNotEmpty();
            all.forEach(m -> assertThat(m).containsKeys("apiVersion", "kind", "metadata"));
            return all;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> ofKind(String kind) {
        return manifests().stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    static Map<String, Object> byName(String kind, String name) {
        return ofKind(kind).stream().filter(m -> name.equals(name(m))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> manifest) {
        return String.valueOf(map(manifest.get("metadata")).get("name"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("containers"));
    }

    static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> p = map(container.get(probe));
        assertThat(p).as(container.get("name") + " " + probe).isNotNull();
        return String.valueOf(map(p.get("httpGet")).get("path"));
    }

    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) documents.add(map(document));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
