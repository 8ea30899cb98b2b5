import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The line-coverage gate of {@code ./mvnw verify}: reads JaCoCo's aggregate XML report (every module's unit
 * and integration tests together, so an adapter's lines count when a bootstrap IT drives them) and fails
 * when a module is below its floor. Run by bootstrap's pom with the source launcher:
 * {@code java CoverageFloors.java jacoco.xml [--skip=true|false...] module=percent...}; a module without a floor
 * is printed only. Run a subset of the tests with {@code -Djacoco.skip=true}: its coverage says nothing.
 */
final class CoverageFloors {

    private CoverageFloors() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java CoverageFloors.java <jacoco.xml> [module=percent ...]");
            System.exit(2);
        }
        for (String arg : args) {
            // --skip=<value>: the pom passes -DskipTests and -Djacoco.skip here; a test run that was skipped
            // or not recorded has nothing to measure
            if (arg.equals("--skip=true")) {
                System.out.println("coverage: floors not checked (tests skipped or not recorded)");
                return;
            }
        }
        Path report = Path.of(args[0]);
        if (!Files.isRegularFile(report)) {
            System.err.println("coverage: no report at " + report + " (did the tests run?)");
            System.exit(1);
        }
        Map<String, Double> floors = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--skip=")) {
                continue;
            }
            String[] pair = args[i].split("=", 2);
            floors.put(pair[0], Double.parseDouble(pair[1]));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the report names JaCoCo's DTD; it is not needed, and the build must not fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(report.toFile());
        Map<String, long[]> modules = new LinkedHashMap<>();
        for (Node group = document.getDocumentElement().getFirstChild(); group != null;
                group = group.getNextSibling()) {
            if (group instanceof Element element && "group".equals(element.getTagName())) {
                modules.put(element.getAttribute("name"), lineCounter(element));
            }
        }
        boolean failed = false;
        System.out.println("line coverage (unit + integration tests):");
        for (Map.Entry<String, long[]> module : modules.entrySet()) {
            long missed = module.getValue()[0];
            long covered = module.getValue()[1];
            double percent = missed + covered == 0 ? 100 : 100.0 * covered / (missed + covered);
            Double floor = floors.get(module.getKey());
            boolean below = floor != null && percent < floor;
            failed |= below;
            System.out.printf("  %-28s %6.1f%%  (%d of %d lines)%s%n", module.getKey(), percent, covered,
                    missed + covered, floor == null ? "" : (below ? "  BELOW the floor of " : "  floor ") + floor + "%");
        }
        for (String name : floors.keySet()) {
            if (!modules.containsKey(name)) {
                System.out.println("  " + name + ": not in the report");
                failed = true;
            }
        }
        if (failed) {
            System.err.println("coverage: a module is below its line-coverage floor (or missing from the report)");
            System.exit(1);
        }
    }

    /** The group's own LINE counter: {missed, covered}. */
    private static long[] lineCounter(Element group) {
        for (Node child = group.getLastChild(); child != null; child = child.getPreviousSibling()) {
            if (child instanceof Element counter && "counter".equals(counter.getTagName())
                    && "LINE".equals(counter.getAttribute("type"))) {
                return new long[] {Long.parseLong(counter.getAttribute("missed")),
                    Long.parseLong(counter.getAttribute("covered"))};
            }
        }
        return new long[] {0, 0};
    }
}
