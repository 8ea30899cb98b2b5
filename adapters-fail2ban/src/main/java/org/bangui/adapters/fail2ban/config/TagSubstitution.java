package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fail2ban's {@code substituteRecursiveTags}: {@code <tag>} references between the options of a filter or an
 * action replaced by their values, repeatedly, unknown tags ({@code <HOST>}) left in; a tag used more than 25
 * times within one value, or referring to itself, is an error.
 */
final class TagSubstitution {

    private static final int MAX_REPLACE = 25;
    private static final Pattern TAG = Pattern.compile("<([^ <>]+)>");

    private TagSubstitution() {
    }

    static Map<String, String> substitute(Map<String, String> input, Set<String> ignoreIn,
                                          Function<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>(input);
        Set<String> ignore = new HashSet<>(ignoreIn);
        Set<String> done = new HashSet<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        boolean repeat = true;
        while (repeat) {
            repeat = false;
            for (String tag : new ArrayList<>(tags.keySet())) {
                if (ignore.contains(tag) || done.contains(tag)) {
                    continue;
                }
                String original = tags.get(tag);
                if (original == null) {
                    done.add(tag);
                    continue;
                }
                String value = original;
                Map<String, Integer> replaced = counts.getOrDefault(tag, new HashMap<>());
                Matcher m = TAG.matcher(value);
                int from = 0;
                while (m.find(from)) {
                    String rtag = m.group(1);
                    if (ignore.contains(rtag)) {
                        from = m.end();
                        continue;
                    }
                    if (rtag.equals(tag) || replaced.getOrDefault(rtag, 1) > MAX_REPLACE) {
                        throw new ConfigError.BadValue("properties contain self referencing definitions and cannot be "
                                + "resolved, fail tag: " + tag + ", found: " + rtag);
                    }
                    String repl = tags.get(rtag);
                    if (repl == null && extra != null) {
                        repl = extra.apply(rtag);
                    }
                    if (repl == null) {
                        from = m.end();
                        continue;
                    }
                    int start = m.start();
                    value = value.replace("<" + rtag + ">", repl);
                    replaced.merge(rtag, 1, Integer::sum);
                    m = TAG.matcher(value);
                    from = start;
                }
                if (!original.equals(value)) {
                    if (TAG.matcher(value).find()) {
                        counts.put(tag, replaced);
                        repeat = true;
                    }
                    tags.put(tag, value);
                }
                if (value.indexOf('<') < 0) {
                    done.add(tag);
                }
            }
        }
        return tags;
    }
}
