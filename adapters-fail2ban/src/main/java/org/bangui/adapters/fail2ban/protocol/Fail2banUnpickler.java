package org.bangui.adapters.fail2ban.protocol;

import java.io.IOException;
import java.util.Arrays;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * An unpickler for fail2ban's replies. The stock razorvine unpickler fails on {@code builtins.str} (which
 * fail2ban uses for its {@code IPAddr} values) and on non-builtin exception classes such as
 * {@code fail2ban.exceptions.UnknownJailException}; one such class makes the whole reply unreadable. This
 * subclass resolves those globals itself and leaves every other opcode to the library. It never resolves
 * anything to executable behaviour: unknown non-exception classes become plain dictionaries, as in the
 * library.
 */
final class Fail2banUnpickler extends Unpickler {

    private static final IObjectConstructor STRING = args -> args.length == 0 ? "" : String.valueOf(args[0]);

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        if (key == Opcodes.STACK_GLOBAL) {
            String name = (String) stack.pop();
            String module = (String) stack.pop();
            IObjectConstructor constructor = resolve(module, name);
            if (constructor == null) {
                stack.add(module);
                stack.add(name);
                return super.dispatch(key);
            }
            stack.add(constructor);
            return NO_RETURN_VALUE;
        }
        return super.dispatch(key);
    }

    private static IObjectConstructor resolve(String module, String name) {
        if (("builtins".equals(module) || "__builtin__".equals(module)) && "str".equals(name)) {
            return STRING;
        }
        if (name.endsWith("Error") || name.endsWith("Exception") || name.endsWith("Warning")) {
            return args -> new PythonError(module, name, Arrays.asList(args));
        }
        return null;
    }
}
