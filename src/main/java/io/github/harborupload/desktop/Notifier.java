package io.github.harborupload.desktop;

/** Shows a system notification: a line that reaches the user while they look at another window. */
public interface Notifier {

    /** Shows nothing: for systems with no way to notify. */
    Notifier NONE = (title, message) -> {
    };

    /** Shows the notification and returns at once. Never throws: a notification that cannot be shown is dropped. */
    void show(String title, String message);
}
