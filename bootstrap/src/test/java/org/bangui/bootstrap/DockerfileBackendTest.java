package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Docker/Dockerfile.backend read as text: what its runtime stage promises must match the code and the docs. */
class DockerfileBackendTest {

    private static final BackendDockerfile IMAGE = BackendDockerfile.read();

    @Test
    void buildsInOneStageAndRunsOnAJre() {
        long stages = RepositoryFiles.read(BackendDockerfile.PATH).lines().filter(l -> l.startsWith("FROM ")).count();
        assertThat(stages).isGreaterThanOrEqualTo(2);
        assertThat(IMAGE.only("FROM")).contains("-jre").doesNotContain(" AS ");
    }

    @Test
    void healthCheckProbesLivenessOnTheConfiguredPort() {
        String check = IMAGE.only("HEALTHCHECK");
        assertThat(check).startsWith("--interval=30s --timeout=10s --retries=3 --start-period=40s CMD ");
        assertThat(check).contains("http://127.0.0.1:" + IMAGE.env().get("BANGUI_PORT") + "/api/v1/health/live");
        assertThat(IMAGE.only("EXPOSE")).isEqualTo(IMAGE.env().get("BANGUI_PORT"));
        assertThat(IMAGE.only("STOPSIGNAL")).isEqualTo("SIGTERM");
    }

    @Test
    void entrypointRunsThePackagedJarWithFlagsThisJvmKnows() {
        List<String> command = IMAGE.execForm("ENTRYPOINT");
        assertThat(command.get(0)).isEqualTo("java");
        int jar = command.indexOf("-jar");
        assertThat(jar).isEqualTo(command.size() - 2);
        String finalName = RepositoryFiles.read("bootstrap/pom.xml")
                .replaceAll("(?s).*<finalName>([^<]+)</finalName>.*", "$1");
        assertThat(IMAGE.arguments("COPY"))
                .contains("--from=build /src/bootstrap/target/" + finalName + ".jar " + command.get(jar + 1));
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : command.subList(1, jar)) {
            if (flag.startsWith("-Xlog:")) {
                continue; // unified logging options: DockerImageCommandIT starts a JVM with them
            }
            assertThat(flag).as("only -XX and -Xlog options").startsWith("-XX:");
            String name = flag.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
            assertThatCode(() -> vm.getVMOption(name)).as(flag).doesNotThrowAnyException();
        }
    }

    @Test
    void theClassDataArchiveIsTrainedWithTheEntrypointsFlagsAndReadByIt() {
        List<String> command = IMAGE.execForm("ENTRYPOINT");
        List<String> flags = command.subList(1, command.indexOf("-jar"));
        List<String> archive = flags.stream().filter(f -> f.startsWith("-XX:SharedArchiveFile=")).toList();
        assertThat(archive).hasSize(1);
        List<String> training = IMAGE.arguments("RUN").stream().filter(r -> r.contains("cds-training.sh")).toList();
        assertThat(training).hasSize(1);
        List<String> words = List.of(training.get(0).split("\\s+"));
        assertThat(IMAGE.arguments("COPY")).contains("--from=build /src/Docker/cds-training.sh " + words.get(1));
        // bash <script> <jar> <archive> <flags...>: the jar the ENTRYPOINT runs, the archive it maps
        assertThat(words.get(2)).isEqualTo(command.get(command.size() - 1));
        assertThat("-XX:SharedArchiveFile=" + words.get(3)).isEqualTo(archive.get(0));
        assertThat(words.subList(4, words.size()))
                .isEqualTo(flags.stream().filter(f -> !f.startsWith("-XX:SharedArchiveFile=")).toList());
    }

    @Test
    void environmentNamesOnlyDocumentedSettings() {
        assertThat(IMAGE.env()).isNotEmpty();
        assertThat(RepositoryFiles.documentedSettings()).containsAll(IMAGE.env().keySet());
    }

    @Test
    void environmentPointsAtWhatTheImageHolds() {
        Map<String, String> env = IMAGE.env();
        assertThat(IMAGE.arguments("COPY"))
                .anySatisfy(copy -> assertThat(copy).endsWith(" " + env.get("BANGUI_GEOIP_DB_PATH")));
        String volume = IMAGE.execForm("VOLUME").get(0);
        assertThat(env.get("BANGUI_DATABASE_PATH")).startsWith(volume + "/");
        assertThat(env.get("BANGUI_GEOIP_DB_PATH")).doesNotStartWith(volume + "/");
        assertThat(env.get("BANGUI_HOST")).isEqualTo("0.0.0.0");
    }

    @Test
    void everyReferenceNamesTheRenamedDockerfile() throws IOException {
        Path root = RepositoryFiles.root();
        assertThat(root.resolve("Docker/Dockerfile")).doesNotExist();
        assertThat(root.resolve(BackendDockerfile.PATH + ".dockerignore")).isRegularFile();
        List<Path> texts;
        try (Stream<Path> docs = Files.list(root.resolve("Docs"));
                Stream<Path> docker = Files.walk(root.resolve("Docker"))) {
            texts = Stream.concat(Stream.concat(docs, docker), Stream.of(root.resolve("README.md")))
                    .filter(p -> p.toString().matches(".*\\.(md|ya?ml)$")).toList();
        }
        assertThat(texts).hasSizeGreaterThan(5);
        // the file's name, not a class named after it (DockerfileBackendTest)
        Pattern reference = Pattern.compile("(?<![\\w])Dockerfile(?![A-Za-z])[\\w.-]*");
        for (Path text : texts) {
            Matcher found = reference.matcher(Files.readString(text));
            while (found.find()) {
                assertThat(found.group()).as(text.toString()).startsWith("Dockerfile.backend");
            }
        }
    }
}
