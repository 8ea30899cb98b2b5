package org.bangui.adapters.fail2ban.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/** A Python exception object unpickled from a fail2ban reply: its class name and constructor arguments. */
public final class PythonError {

    private final String module;
    private final String type;
    private final List<Object> args;

    PythonError(String module, String type, List<Object> args) {
        this.module = Objects.requireNonNull(module, "module");
        this.type = Objects.requireNonNull(type, "type");
        this.args = args.stream().map(a -> a == null ? "None" : a).toList();
    }

    /** The unqualified class name, such as {@code UnknownJailException} or {@code ValueError}. */
    public String type() {
        return type;
    }

    /** The module, such as {@code builtins} or {@code fail2ban.exceptions}. */
    public String module() {
        return module;
    }

    /** The constructor arguments. */
    public List<Object> args() {
        return args;
    }

    /** The first argument as text, as Python's {@code str(exception)} shows it for one argument. */
    public String message() {
        return args.isEmpty() ? type : args.size() == 1 ? String.valueOf(args.get(0)) : args.toString();
    }

    /**
     * Called by the unpickler for a BUILD opcode after the exception was constructed; the extra state of
     * exception objects is not needed. The name is Python's.
     */
    @SuppressWarnings("checkstyle:MethodName")
    public void __setstate__(HashMap<?, ?> state) {
        // intentionally ignored
    }

    @Override
    public String toString() {
        return module + "." + type + args;
    }
}
