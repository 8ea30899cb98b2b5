package org.bangui.application.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unified diff of two versions of a text file, with 3 lines of context, for the audit trail and the change
 * list. Edits touch few lines, so the common head and tail are cut first and only the rest is compared line by
 * line (longest common subsequence, bounded: beyond {@link #MAX_CELLS} the rest is shown as replaced whole).
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;
    /** The longest diff kept; longer ones are cut with a marker. */
    static final int MAX_CHARS = 32 * 1024;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} and {@code after}; a missing version counts as an empty file. */
    static String of(String file, Optional<byte[]> before, Optional<byte[]> after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<char[]> ops = ops(a, b); // per line: ' ', '-', '+'
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before.isPresent() ? "a/" + file : "/dev/null").append('\n');
        out.append("+++ ").append(after.isPresent() ? "b/" + file : "/dev/null").append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            hunk(out, ops, a, b, start, end);
            i = end;
            if (out.length() > MAX_CHARS) {
                return out.substring(0, MAX_CHARS) + "\n... (diff cut)\n";
            }
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<char[]> ops, List<String> a, List<String> b, int start,
                             int end) {
        int aLine = 0;
        int bLine = 0;
        for (int k = 0; k < start; k++) {
            aLine += ops.get(k)[0] != '+' ? 1 : 0;
            bLine += ops.get(k)[0] != '-' ? 1 : 0;
        }
        int aCount = 0;
        int bCount = 0;
        for (int k = start; k < end; k++) {
            aCount += ops.get(k)[0] != '+' ? 1 : 0;
            bCount += ops.get(k)[0] != '-' ? 1 : 0;
        }
        out.append("@@ -").append(aCount == 0 ? aLine : aLine + 1).append(',').append(aCount)
                .append(" +").append(bCount == 0 ? bLine : bLine + 1).append(',').append(bCount).append(" @@\n");
        int ai = aLine;
        int bi = bLine;
        for (int k = start; k < end; k++) {
            char op = ops.get(k)[0];
            String text = op == '+' ? b.get(bi) : a.get(ai);
            out.append(op).append(text).append('\n');
            ai += op != '+' ? 1 : 0;
            bi += op != '-' ? 1 : 0;
        }
    }

    private static List<char[]> ops(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<char[]> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new char[] {' '});
        }
        middle(ops, a.subList(head, a.size() - tail), b.subList(head, b.size() - tail));
        for (int k = 0; k < tail; k++) {
            ops.add(new char[] {' '});
        }
        return ops;
    }

    private static void middle(List<char[]> ops, List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(line -> ops.add(new char[] {'-'}));
            b.forEach(line -> ops.add(new char[] {'+'}));
            return;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new char[] {' '});
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'}); // removals first, as diff(1) prints them
                i++;
            } else {
                ops.add(new char[] {'+'});
                j++;
            }
        }
    }

    private static List<String> lines(Optional<byte[]> content) {
        if (content.isEmpty() || content.get().length == 0) {
            return List.of();
        }
        String text = new String(content.get(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
