package io.github.harborupload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The log stays where no secret can pile up: standard error only, never a file (so there is
 * nothing to rotate), and the HTTP libraries quiet, since httpclient's wire log at DEBUG would
 * print the engine's X-Registry-Auth header, which holds the password. A change here must come
 * with rotation and a secrets test for the file.
 */
class LoggingConfigTest {

    @Test
    void logsGoToStandardErrorAndTheWireLogStaysOff() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/simplelogger.properties")) {
            config.load(in);
        }
        assertEquals("System.err", config.getProperty("org.slf4j.simpleLogger.logFile"));
        assertEquals("warn", config.getProperty("org.slf4j.simpleLogger.log.org.apache.hc"));
        assertEquals("warn", config.getProperty("org.slf4j.simpleLogger.log.com.github.dockerjava"));
        assertEquals("info", config.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    }
}
