package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.junit.jupiter.api.Test;

/**
 * The image's command line without an image: the packaged jar started with the ENTRYPOINT's JVM options and
 * the ENV of Docker/Dockerfile.backend, its paths remapped into a private sandbox, against a private fail2ban.
 * It must become ready, answer the HEALTHCHECK's command, and stop on the STOPSIGNAL.
 */
class DockerImageCommandIT {

    private static final BackendDockerfile IMAGE = BackendDockerfile.read();

    @Test
    void theImagesCommandAndEnvironmentStartAReadyServiceThatStopsOnSigterm() throws Exception {
        Path dir = Files.createTempDirectory("bangui-image-it-");
        try (Fail2banSandbox fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"))) {
            String port = Integer.toString(ServiceProcess.freePort());
            // where each of the image's values lives in the sandbox; a new path in the ENV fails below until
            // it is mapped here
            Map<String, String> sandbox = Map.of(
                    "/var/lib/bangui/bangui.db", dir.resolve("data/bangui.db").toString(),
                    "/var/run/fail2ban/fail2ban.sock", fail2ban.socket().toString(),
                    "/etc/fail2ban", fail2ban.configDir().toString(),
                    "/opt/bangui/geoip/country.mmdb", dir.resolve("geoip/country.mmdb").toString(),
                    "0.0.0.0", "127.0.0.1",
                    "8080", port);
            Map<String, String> env = new LinkedHashMap<>();
            IMAGE.env().forEach((name, value) -> {
                assertThat(sandbox).as(name + "=" + value + " has no sandbox value").containsKey(value);
                env.put(name, sandbox.get(value));
            });
            List<String> entrypoint = IMAGE.execForm("ENTRYPOINT");
            Path archive = dir.resolve("bangui.jsa");
            List<String> jvmOptions = new ArrayList<>();
            for (String option : entrypoint.subList(1, entrypoint.indexOf("-jar"))) {
                jvmOptions.add(option.startsWith("-XX:SharedArchiveFile=")
                        ? "-XX:SharedArchiveFile=" + archive : option);
            }
            assertThat(jvmOptions).isNotEmpty();
            // the image build's training RUN (its flags are pinned to these by DockerfileBackendTest), then
            // -Xshare:on, which refuses to start unless the archive maps: proof that the image's starts use it
            train(archive, jvmOptions.stream().filter(o -> !o.startsWith("-XX:SharedArchiveFile=")).toList(),
                    dir.resolve("cds-training.log"));
            jvmOptions.add("-Xshare:on");

            try (ServiceProcess service = ServiceProcess.start(jvmOptions, env, dir.resolve("bangui.log"))) {
                assertThat(service.uri().getPort()).isEqualTo(Integer.parseInt(port));
                awaitReady(service);
                assertThat(healthCheckExitCode(port)).as("the HEALTHCHECK command").isZero();

                service.terminate();
                int exit = service.awaitExit(Duration.ofSeconds(30));
                assertThat(exit).as("a SIGTERM handled to completion").isIn(0, 143);
                assertThat(service.logText()).contains("bangui_shut_down");
            }
        }
    }

    /** Runs Docker/cds-training.sh as the image build does, for the jar {@link ServiceProcess} starts. */
    private static void train(Path archive, List<String> flags, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash",
                RepositoryFiles.root().resolve("Docker/cds-training.sh").toString(),
                ServiceProcess.JAR.toAbsolutePath().toString(), archive.toString()));
        command.addAll(flags);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the training run did not finish within 2 minutes");
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(archive).isNotEmptyFile();
    }

    /** Polls readiness, as Kubernetes does, until 200; gives up after a minute. */
    private static void awaitReady(ServiceProcess service) throws InterruptedException {
        Api api = service.api();
        Api.Response last = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            last = api.get("/api/v1/health/ready");
            if (last.status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready: " + last + "\n" + service.logText());
    }

    /** Runs the HEALTHCHECK's CMD as the image would, with the port remapped; returns its exit code. */
    private static int healthCheckExitCode(String port) throws IOException, InterruptedException {
        String check = IMAGE.only("HEALTHCHECK");
        String command = check.substring(check.indexOf(" CMD ") + 5)
                .replace(":" + IMAGE.env().get("BANGUI_PORT") + "/", ":" + port + "/");
        Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        // the HEALTHCHECK's --timeout
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the health check command did not finish within its timeout");
        }
        int exit = process.exitValue();
        assertThat(output).as("curl's output").doesNotContain("curl:");
        return exit;
    }
}
