package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CredentialStoreTest {

    private static final Path FILE = Path.of("/home/me/.docker/config.json");
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Translator CHINESE = new Translator(Language.CHINESE);

    @Test
    void aKeychainHelperIsTheSystemKeychain() {
        CredentialStore store = CredentialStore.helper("secretservice", FILE);

        assertTrue(store.isKeychain());
        assertEquals("the system keychain (secretservice)", ENGLISH.text(store.description()));
        assertEquals("系统钥匙串（secretservice）", CHINESE.text(store.description()));
    }

    @Test
    void anotherHelperIsNamedByItsProgram() {
        CredentialStore store = CredentialStore.helper("ecr-login", FILE);

        assertFalse(store.isKeychain());
        assertEquals("the credential helper docker-credential-ecr-login", ENGLISH.text(store.description()));
        assertEquals("凭据助手 docker-credential-ecr-login", CHINESE.text(store.description()));
    }

    @Test
    void theFileIsNamedByItsPath() {
        CredentialStore store = CredentialStore.file(FILE);

        assertFalse(store.isHelper());
        assertEquals("the Docker config file " + FILE, ENGLISH.text(store.description()));
        assertEquals("Docker 配置文件 " + FILE, CHINESE.text(store.description()));
    }
}
