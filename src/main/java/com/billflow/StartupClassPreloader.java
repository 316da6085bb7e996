package com.billflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes that a start-up needs on a second thread while the main thread starts the application.
 * <p>
 * A start-up with demo data loads about 23,000 classes, and with C1 only over a third of the main
 * thread's CPU goes into finding, reading and defining them (the fat jar's nested jar URLs, see README
 * "Start-up"). The application's class loader is parallel-capable, so a second thread that loads the
 * same classes in the same order, a little ahead of the main thread, moves most of that work onto the
 * second core: when the main thread asks for a class it is already there. Classes are only loaded, not
 * initialised, so no static initialiser runs earlier or on another thread than it would otherwise.
 * <p>
 * The list is {@value #CLASS_LIST} (class names, one a line, in the order a start-up with demo data
 * loaded them; made by {@code scripts/startup-classes.sh}). A name that no longer exists is skipped,
 * so a list older than the code costs only the part of the gain that the new classes would have had.
 * {@code -Dbillflow.startup.preload=false} turns it off (the benchmark compares both).
 */
final class StartupClassPreloader {

    /** Resource with the class names, one a line; lines starting with {@code #} are comments. */
    static final String CLASS_LIST = "META-INF/billflow/startup-classes.txt";

    private StartupClassPreloader() {
    }

    /**
     * Starts the daemon thread {@code startup-class-preload} that loads every class of {@value #CLASS_LIST}
     * through {@code loader}; does nothing when the list is missing or {@code billflow.startup.preload} is
     * {@code false}. Never throws: a class that cannot be loaded is skipped (the main thread will meet the
     * same error, if it ever needs that class, where it would have met it anyway).
     *
     * @return the thread, or {@code null} when nothing was started
     */
    static Thread start(ClassLoader loader) {
        if ("false".equals(System.getProperty("billflow.startup.preload"))) {
            return null;
        }
        InputStream list = loader.getResourceAsStream(CLASS_LIST);
        if (list == null) {
            return null;
        }
        Thread thread = new Thread(() -> preload(list, loader), "startup-class-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void preload(InputStream list, ClassLoader loader) {
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String name;
            while ((name = names.readLine()) != null) {
                if (name.isBlank() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name.strip(), false, loader);
                } catch (ClassNotFoundException | LinkageError gone) {
                    // renamed or removed since the list was made, or not on this class path: nothing to win
                }
            }
        } catch (IOException unreadable) {
            // the list is an optimisation only
        }
    }
}
