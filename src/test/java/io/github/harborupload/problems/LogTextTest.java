package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.testsupport.SecretSearch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a log or a crash report says about a failure nobody expected: where it happened (classes,
 * frames, causes), with every secret-shaped part of the messages masked as in a problem's detail.
 */
class LogTextTest {

    private static final String SECRET = "SentinelCrash_012345";

    @Test
    void theTraceKeepsWhereItHappenedAndMasksTheMessages() {
        IllegalStateException failure = new IllegalStateException("outer " + SecretSearch.aMessageQuotingARequest(SECRET),
                new java.io.IOException(SecretSearch.aMessageQuotingARequest(SECRET)));
        String text = Problems.forLog(failure);
        assertTrue(text.startsWith("java.lang.IllegalStateException: outer request failed"), text);
        assertTrue(text.contains("\tat io.github.harborupload.problems.LogTextTest.theTraceKeepsWhereItHappenedAndMasksTheMessages"), text);
        assertTrue(text.contains("Caused by: java.io.IOException: request failed: Authorization: Basic ***"), text);
        assertFalse(text.contains(SECRET), text);
        assertTrue(new SecretSearch(List.of(SECRET)).in("the log text", text).isEmpty(), text);
    }

    @Test
    void aLoopingChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertTrue(Problems.forLog(first).contains("Caused by: java.lang.RuntimeException: second"));
    }
}
