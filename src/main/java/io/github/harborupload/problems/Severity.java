package io.github.harborupload.problems;

/** How a face should present a problem: its colour and tone. */
public enum Severity {
    /** Something failed and the user must act. */
    ERROR,
    /** Still running, but looks wrong: advice, not alarm. */
    WARNING,
    /** Nothing failed (the user cancelled): calm. */
    INFO
}
