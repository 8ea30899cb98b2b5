package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every YAML file under Docker/ parsed: the compose files and the Kubernetes manifests must keep the health,
 * shutdown, sharing and resource promises of Docs/DEPLOYMENT.md, and name only documented settings.
 */
class DeploymentManifestsTest {

    private static final String SOCKET_DIR = "/var/run/fail2ban";

    private static Path docker() {
        return RepositoryFiles.root().resolve("Docker");
    }

    private static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(file + " unreadable", e);
        }
        return documents;
    }

    private static Map<String, Object> single(String relative) {
        List<Map<String, Object>> documents = documents(docker().resolve(relative));
        assertThat(documents).as(relative).hasSize(1);
        return documents.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** The value at a dotted path of map keys, e.g. {@code "spec.template.spec"}. */
    private static Object at(Map<String, Object> root, String path) {
        Object value = root;
        for (String key : path.split("\\.")) {
            assertThat(map(value)).as(path).containsKey(key);
            value = map(value).get(key);
        }
        return value;
    }

    private static Map<String, Object> services(Map<String, Object> compose) {
        return map(compose.get("services"));
    }

    /** The services built from Dockerfile.backend. */
    private static List<Map<String, Object>> banguiServices(Map<String, Object> compose) {
        return services(compose).values().stream().map(DeploymentManifestsTest::map)
                .filter(s -> s.containsKey("build")).toList();
    }

    /** The source mounted at {@code target} in a compose service, if any. */
    private static Optional<String> sourceAt(Map<String, Object> service, String target) {
        return list(service.getOrDefault("volumes", List.of())).stream().map(String::valueOf)
                .map(v -> v.split(":")).filter(v -> v[1].equals(target)).map(v -> v[0]).findFirst();
    }

    /** The source of the mount, in a compose service, whose target directory holds {@code path}. */
    private static Optional<String> sourceHolding(Map<String, Object> service, String path) {
        return list(service.getOrDefault("volumes", List.of())).stream().map(String::valueOf)
                .map(v -> v.split(":")).filter(v -> path.startsWith(v[1] + "/"))
                .max((a, b) -> Integer.compare(a[1].length(), b[1].length())).map(v -> v[0]);
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    @Test
    void everyYamlFileUnderDockerParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(docker())) {
            files = walk.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
        }
        assertThat(files.stream().map(p -> docker().relativize(p).toString())).containsExactlyInAnyOrder(
                "docker-compose.yml", "compose.prod.yml", "k8s/deployment.yaml", "k8s/service.yaml", "k8s/secret.yaml");
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void composeFilesShareFail2bansSocketDirectoryConfigAndDatabase() {
        for (String file : List.of("docker-compose.yml", "compose.prod.yml")) {
            Map<String, Object> compose = single(file);
            Map<String, Object> fail2ban = map(services(compose).get("fail2ban"));
            assertThat(String.valueOf(fail2ban.get("image"))).as(file).matches("crazymax/fail2ban:\\d[\\w.-]*");
            List<Map<String, Object>> bangui = banguiServices(compose);
            assertThat(bangui).as(file).isNotEmpty();
            for (Map<String, Object> service : bangui) {
                Map<String, Object> env = environment(service);
                String socket = String.valueOf(env.get("BANGUI_FAIL2BAN_SOCKET"));
                assertThat(parentOf(socket)).isEqualTo(SOCKET_DIR);
                assertThat(sourceAt(service, SOCKET_DIR)).as(file + " socket directory").isPresent()
                        .isEqualTo(sourceAt(fail2ban, SOCKET_DIR));
                assertThat(sourceAt(service, socket)).as(file + " socket file mounted").isEmpty();
                String configDir = String.valueOf(env.get("BANGUI_FAIL2BAN_CONFIG_DIR"));
                assertThat(sourceAt(service, configDir)).as(file + " config dir").isPresent()
                        .isEqualTo(sourceAt(fail2ban, configDir));
                String database = String.valueOf(env.get("BANGUI_FAIL2BAN_DB_PATH"));
                assertThat(sourceHolding(service, database)).as(file + " fail2ban database").isPresent()
                        .isEqualTo(sourceHolding(fail2ban, database));
            }
        }
    }

    @Test
    void composeServicesStopGracefullyWithinLimits() {
        for (String file : List.of("docker-compose.yml", "compose.prod.yml")) {
            for (Map<String, Object> service : banguiServices(single(file))) {
                assertThat(at(service, "build.dockerfile")).isEqualTo("Docker/Dockerfile.backend");
                assertThat(docker().resolve(String.valueOf(at(service, "build.context")))
                        .resolve("Docker/Dockerfile.backend")).as(file).isRegularFile();
                assertThat(service.get("stop_grace_period")).as(file).isEqualTo("30s");
                assertThat(at(service, "deploy.resources.limits.cpus")).isEqualTo("1.0");
                assertThat(at(service, "deploy.resources.limits.memory")).isEqualTo("512M");
                assertThat(at(service, "deploy.resources.reservations.cpus")).isEqualTo("0.25");
                assertThat(at(service, "deploy.resources.reservations.memory")).isEqualTo("256M");
                assertThat(RepositoryFiles.documentedSettings()).as(file).containsAll(environment(service).keySet());
                assertThat(list(service.get("ports"))).allMatch(p -> String.valueOf(p).startsWith("127.0.0.1:"));
            }
        }
    }

    @Test
    void prodRunsTwoInstancesOnRedis() {
        Map<String, Object> compose = single("compose.prod.yml");
        assertThat(services(compose)).containsKey("redis");
        List<Map<String, Object>> bangui = banguiServices(compose);
        assertThat(bangui).hasSize(2);
        for (Map<String, Object> service : bangui) {
            Map<String, Object> env = environment(service);
            assertThat(String.valueOf(env.get("BANGUI_REDIS_URL"))).contains("@redis:6379/");
            assertThat(env).containsEntry("BANGUI_SESSION_STORE", "redis")
                    .containsEntry("BANGUI_RATE_LIMIT_STORE", "redis").containsEntry("BANGUI_LOCK_BACKEND", "redis")
                    .containsKey("BANGUI_SESSION_SECRET");
            assertThat(sourceAt(service, "/var/lib/bangui")).contains("bangui-data");
        }
        assertThat(bangui.get(0).get("ports")).isNotEqualTo(bangui.get(1).get("ports"));
    }

    @Test
    void kubernetesDeploymentProbesDrainsAndReadsItsSecret() {
        Map<String, Object> deployment = single("k8s/deployment.yaml");
        assertThat(deployment.get("kind")).isEqualTo("Deployment");
        assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
        Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
        assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(30);
        List<Object> containers = list(pod.get("containers"));
        assertThat(containers).hasSize(1);
        Map<String, Object> container = map(containers.get(0));
        assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/api/v1/health/live");
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/api/v1/health/ready");
        for (String kind : List.of("requests", "limits")) {
            assertThat(map(at(container, "resources." + kind))).as(kind).containsKeys("cpu", "memory");
        }

        Map<String, Object> secret = single("k8s/secret.yaml");
        assertThat(secret.get("kind")).isEqualTo("Secret");
        Map<String, Object> secretValues = map(secret.get("stringData"));
        assertThat(secretValues.values()).allMatch(v -> String.valueOf(v).contains("PLACEHOLDER"));
        List<String> fromSecret = new ArrayList<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> variable = map(item);
            assertThat(RepositoryFiles.documentedSettings()).contains(String.valueOf(variable.get("name")));
            if (variable.containsKey("valueFrom")) {
                assertThat(at(variable, "valueFrom.secretKeyRef.name")).isEqualTo(at(secret, "metadata.name"));
                assertThat(secretValues).containsKey(String.valueOf(at(variable, "valueFrom.secretKeyRef.key")));
                fromSecret.add(String.valueOf(variable.get("name")));
            }
        }
        assertThat(fromSecret).containsExactlyInAnyOrder("BANGUI_SESSION_SECRET", "BANGUI_REDIS_URL");

        List<String> mounts = list(container.get("volumeMounts")).stream()
                .map(m -> String.valueOf(map(m).get("mountPath"))).toList();
        assertThat(mounts).contains(SOCKET_DIR, "/etc/fail2ban", "/var/lib/bangui");
    }

    @Test
    void kubernetesServiceSelectsThePodsPort() {
        Map<String, Object> deployment = single("k8s/deployment.yaml");
        Map<String, Object> service = single("k8s/service.yaml");
        assertThat(service.get("kind")).isEqualTo("Service");
        assertThat(at(service, "spec.selector")).isEqualTo(at(deployment, "spec.template.metadata.labels"));
        Map<String, Object> container = map(list(at(deployment, "spec.template.spec.containers")).get(0));
        List<Object> portNames = list(container.get("ports")).stream().map(p -> map(p).get("name")).toList();
        for (Object port : list(at(service, "spec.ports"))) {
            assertThat(portNames).contains(map(port).get("targetPort"));
        }
    }
}
