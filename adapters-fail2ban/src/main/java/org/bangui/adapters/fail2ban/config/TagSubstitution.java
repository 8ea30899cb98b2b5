package org.bangui.adapters.fail2ban.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * fail2ban's {@code substituteRecursiveTags}: {@code <tag>} references between the options of a filter or an
 * action replaced by their values, repeatedly, unknown tags ({@code <HOST>}) left in; a tag used more than 25
 * times within one value, or referring to itself, is an error.
 */
final class TagSubstitution {

    private static final int MAX_REPLACE = 25;

    private TagSubstitution() {
    }

    static Map<String, String> substitute(Map<String, String> input, Set<String> ignoreIn,
                                          Function<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>(input);
        // only existing keys are ever put back, so the key list is fixed
        List<String> keys = new ArrayList<>(tags.keySet());
        Set<String> ignore = new HashSet<>(ignoreIn);
        Set<String> done = new HashSet<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        boolean repeat = true;
        while (repeat) {
            repeat = false;
            for (String tag : keys) {
                if (ignore.contains(tag) || done.contains(tag)) {
                    continue;
                }
                String original = tags.get(tag);
                if (original == null) {
                    done.add(tag);
                    continue;
                }
                String value = original;
                Map<String, Integer> replaced = counts.get(tag);
                int start = findTag(value, 0);
                while (start >= 0) {
                    int end = tagEnd(value, start);
                    String rtag = value.substring(start + 1, end - 1);
                    if (ignore.contains(rtag)) {
                        start = findTag(value, end);
                        continue;
                    }
                    if (rtag.equals(tag) || (replaced == null ? 1 : replaced.getOrDefault(rtag, 1)) > MAX_REPLACE) {
                        throw new ConfigError.BadValue("properties contain self referencing definitions and cannot be "
                                + "resolved, fail tag: " + tag + ", found: " + rtag);
                    }
                    String repl = tags.get(rtag);
                    if (repl == null && extra != null) {
                        repl = extra.apply(rtag);
                    }
                    if (repl == null) {
                        start = findTag(value, end);
                        continue;
                    }
                    // every <tag> before start was skipped and stays so: replacing from start equals value.replace
                    value = value.substring(0, start).concat(value.substring(start).replace(value.substring(start, end),
                            repl));
                    if (replaced == null) {
                        replaced = new HashMap<>();
                    }
                    Integer count = replaced.get(rtag);
                    replaced.put(rtag, count == null ? 1 : count + 1);
                    start = findTag(value, start);
                }
                if (!original.equals(value)) {
                    if (findTag(value, 0) >= 0) {
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

    /**
     * Where fail2ban's tag pattern {@code <([^ <>]+)>} next matches at or after {@code from}, or -1; a scan by
     * hand, as regex matching was most of the time of a read.
     */
    static int findTag(String s, int from) {
        int lt = s.indexOf('<', from);
        while (lt >= 0) {
            if (tagEnd(s, lt) > 0) {
                return lt;
            }
            lt = s.indexOf('<', lt + 1);
        }
        return -1;
    }

    /** The index after the {@code >} closing the tag opened at {@code lt}, or -1 when no tag starts there. */
    private static int tagEnd(String s, int lt) {
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '>') {
                return i > lt + 1 ? i + 1 : -1;
            }
            if (c == ' ' || c == '<') {
                return -1;
            }
        }
        return -1;
    }
}
