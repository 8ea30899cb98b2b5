package org.bangui.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts BanGUI. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
