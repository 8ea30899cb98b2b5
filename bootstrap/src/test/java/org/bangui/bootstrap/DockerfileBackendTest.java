package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Docker/Dockerfile.backend read as text: what its runtime stage promises must match the code and the docs. */
class DockerfileBackendTest {

    private static final String DOCKERFILE = "Docker/Dockerfile.backend";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The instructions (keyword and arguments) of the last stage, continuation lines joined, comments dropped. */
    private static List<String[]> runtimeStage() {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : RepositoryFiles.read(DOCKERFILE).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            if (parts[0].equals("FROM")) {
                instructions.clear();
            }
            instructions.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            current.setLength(0);
        }
        return instructions;
    }

    private static List<String> arguments(String keyword) {
        return runtimeStage().stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    private static String only(String keyword) {
        List<String> found = arguments(keyword);
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : arguments("ENV")) {
            for (String pair : arguments.split("\\s+")) {
                String[] nameValue = pair.split("=", 2);
                env.put(nameValue[0], nameValue[1]);
            }
        }
        return env;
    }

    private static List<String> execForm(String arguments) {
        assertThat(arguments).as("exec form, so that SIGTERM reaches the JVM").startsWith("[").endsWith("]");
        List<String> words = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(arguments);
        while (quoted.find()) {
            words.add(quoted.group(1));
        }
        return words;
    }

    @Test
    void buildsInOneStageAndRunsOnAJre() {
        long stages = RepositoryFiles.read(DOCKERFILE).lines().filter(l -> l.startsWith("FROM ")).count();
        assertThat(stages).isGreaterThanOrEqualTo(2);
        assertThat(only("FROM")).contains("-jre").doesNotContain(" AS ");
    }

    @Test
    void healthCheckProbesLivenessOnTheConfiguredPort() {
        String check = only("HEALTHCHECK");
        assertThat(check).startsWith("--interval=30s --timeout=10s --retries=3 --start-period=40s CMD ");
        assertThat(check).contains("http://127.0.0.1:" + env().get("BANGUI_PORT") + "/api/v1/health/live");
        assertThat(only("EXPOSE")).isEqualTo(env().get("BANGUI_PORT"));
        assertThat(only("STOPSIGNAL")).isEqualTo("SIGTERM");
    }

    @Test
    void entrypointRunsThePackagedJarWithFlagsThisJvmKnows() {
        List<String> command = execForm(only("ENTRYPOINT"));
        assertThat(command.get(0)).isEqualTo("java");
        int jar = command.indexOf("-jar");
        assertThat(jar).isEqualTo(command.size() - 2);
        String finalName = RepositoryFiles.read("bootstrap/pom.xml")
                .replaceAll("(?s).*<finalName>([^<]+)</finalName>.*", "$1");
        assertThat(arguments("COPY"))
                .contains("--from=build /src/bootstrap/target/" + finalName + ".jar " + command.get(jar + 1));
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : command.subList(1, jar)) {
            assertThat(flag).as("only -XX options").startsWith("-XX:");
            String name = flag.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
            assertThatCode(() -> vm.getVMOption(name)).as(flag).doesNotThrowAnyException();
        }
    }

    @Test
    void environmentNamesOnlyDocumentedSettings() {
        assertThat(env()).isNotEmpty();
        assertThat(RepositoryFiles.documentedSettings()).containsAll(env().keySet());
    }

    @Test
    void environmentPointsAtWhatTheImageHolds() {
        Map<String, String> env = env();
        assertThat(arguments("COPY"))
                .anySatisfy(copy -> assertThat(copy).endsWith(" " + env.get("BANGUI_GEOIP_DB_PATH")));
        String volume = execForm(only("VOLUME")).get(0);
        assertThat(env.get("BANGUI_DATABASE_PATH")).startsWith(volume + "/");
        assertThat(env.get("BANGUI_GEOIP_DB_PATH")).doesNotStartWith(volume + "/");
        assertThat(env.get("BANGUI_HOST")).isEqualTo("0.0.0.0");
    }

    @Test
    void everyReferenceNamesTheRenamedDockerfile() throws IOException {
        Path root = RepositoryFiles.root();
        assertThat(root.resolve("Docker/Dockerfile")).doesNotExist();
        assertThat(root.resolve(DOCKERFILE + ".dockerignore")).isRegularFile();
        List<Path> texts;
        try (Stream<Path> docs = Files.list(root.resolve("Docs"));
                Stream<Path> docker = Files.walk(root.resolve("Docker"))) {
            texts = Stream.concat(Stream.concat(docs, docker), Stream.of(root.resolve("README.md")))
                    .filter(p -> p.toString().matches(".*\\.(md|ya?ml)$")).toList();
        }
        assertThat(texts).hasSizeGreaterThan(5);
        Pattern reference = Pattern.compile("Dockerfile[\\w.-]*");
        for (Path text : texts) {
            Matcher found = reference.matcher(Files.readString(text));
            while (found.find()) {
                assertThat(found.group()).as(text.toString()).startsWith("Dockerfile.backend");
            }
        }
    }
}
