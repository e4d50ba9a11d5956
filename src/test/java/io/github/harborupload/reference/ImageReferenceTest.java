package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void localImageNamesParse() {
        assertParts("ubuntu:22.04", null, "ubuntu", "22.04", null);
        assertParts("ubuntu", null, "ubuntu", null, null);
        assertParts("local/five-layers:1", null, "local/five-layers", "1", null);
        assertParts("127.0.0.1:5000/x/y:1", "127.0.0.1:5000", "x/y", "1", null);
        assertParts("127.0.0.1:5000/x/y", "127.0.0.1:5000", "x/y", null, null);
        assertParts("nvcr.io/nvidia/pytorch:24.12-py3", "nvcr.io", "nvidia/pytorch", "24.12-py3", null);
        assertParts("localhost/foo", "localhost", "foo", null, null);
        assertParts("localhost:5000", null, "localhost", "5000", null);
        assertParts("docker.io/library/ubuntu:latest", "docker.io", "library/ubuntu", "latest", null);
        assertParts("[::1]:5000/x:1", "[::1]:5000", "x", "1", null);
        assertParts("x@" + DIGEST, null, "x", null, DIGEST);
        assertParts("gpu-harbor.act.buaa.edu.cn/user-alice/a/b:v1@" + DIGEST,
                "gpu-harbor.act.buaa.edu.cn", "user-alice/a/b", "v1", DIGEST);
    }

    @Test
    void withoutADomainTheRegistryIsDockerHub() {
        assertEquals("docker.io", ImageReference.parse("ubuntu").orElseThrow().registry());
        assertEquals("nvcr.io", ImageReference.parse("nvcr.io/nvidia/pytorch").orElseThrow().registry());
    }

    @Test
    void separatorsOfTheGrammar() {
        for (String accepted : List.of("a.b", "a_b", "a__b", "a-b", "a---b", "x/a.b_c-d__e/f-g", "0", "a0/b1")) {
            assertTrue(ImageReference.parse(accepted).isPresent(), accepted);
        }
    }

    @Test
    void rejectedReferencesSayWhy() {
        assertBreaks("", Rule.REPOSITORY_EMPTY);
        assertBreaks(null, Rule.REPOSITORY_EMPTY);
        assertBreaks("Ubuntu", Rule.REPOSITORY_UPPERCASE);
        // docker (normalize.go) takes the capitalised "My_Project" for a host, which an underscore cannot be
        assertBreaks("My_Project/Train:V1", Rule.REGISTRY_FROM_CAPITALS, Rule.REGISTRY_INVALID, Rule.REPOSITORY_UPPERCASE);
        assertBreaks("a..b", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a._b", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a___b", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("-a", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a-", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a//b", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a/", Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks("a b", Rule.REPOSITORY_ILLEGAL_CHARACTER);
        assertBreaks("a:", Rule.TAG_EMPTY);
        assertBreaks("a:.x", Rule.TAG_BAD_FIRST_CHARACTER);
        assertBreaks("a:x+y", Rule.TAG_ILLEGAL_CHARACTER);
        assertBreaks("a@sha256:abc", Rule.DIGEST_INVALID);
        assertBreaks("a@", Rule.DIGEST_INVALID);
        assertBreaks("my_host.com/x", Rule.REGISTRY_INVALID);
        // docker's rule: a first component with a dot is a domain, and a domain has no underscore
        assertBreaks("a.b_c/d", Rule.REGISTRY_INVALID);
        assertBreaks("<none>:<none>", Rule.REPOSITORY_ILLEGAL_CHARACTER, Rule.TAG_ILLEGAL_CHARACTER);
    }

    @Test
    void digestsAreCheckedAsGoDigestDoes() {
        // go-digest algorithm.go / digest.go Validate: registered algorithm, exact length, lowercase hex.
        String hex = "0123456789abcdef";
        assertTrue(ImageReference.parse("a@sha384:" + hex.repeat(6)).isPresent());
        assertTrue(ImageReference.parse("a@sha512:" + hex.repeat(8)).isPresent());
        assertBreaks("a@md5:" + hex.repeat(2), Rule.DIGEST_UNSUPPORTED);
        assertBreaks("a@sha256:" + hex.repeat(4) + "0", Rule.DIGEST_WRONG_LENGTH);
        assertBreaks("a@sha512:" + hex.repeat(4), Rule.DIGEST_WRONG_LENGTH);
        assertBreaks("a@sha256:" + hex.toUpperCase().repeat(4), Rule.DIGEST_NOT_LOWERCASE);
        assertTrue(Messages.english(ImageReference.check("a@sha256:" + hex.repeat(3)).errors().get(0)).contains("48"));
    }

    @Test
    void namesDockerReadsOtherwiseSaySo() {
        // normalize.go: a capitalised first part is a host (a warning: docker accepts it) ...
        Validation capitals = ImageReference.check("MyLab/train:v1");
        assertTrue(capitals.isValid());
        assertEquals(List.of(Rule.REGISTRY_FROM_CAPITALS), capitals.warnings().stream().map(Violation::rule).toList());
        assertTrue(Messages.english(capitals.warnings().get(0)).contains("MyLab"));
        assertEquals(Optional.of("MyLab"), ImageReference.parse("MyLab/train:v1").orElseThrow().domain());
        // ... and 64 hex digits alone are an image ID, while a tag makes them a name again.
        assertBreaks(hexId(), Rule.REPOSITORY_IMAGE_ID);
        assertTrue(ImageReference.parse(hexId() + ":v1").isPresent());
    }

    private static String hexId() {
        return "0123456789abcdef".repeat(4);
    }

    @Test
    void aTagEndingInADashIsFineForDocker() {
        // Only the platform's import form refuses it; a local image may well be named so.
        assertTrue(ImageReference.parse("foo:v1-").isPresent());
    }

    @Test
    void tagBoundary() {
        assertTrue(ImageReference.parse("a:" + "t".repeat(128)).isPresent());
        assertBreaks("a:" + "t".repeat(129), Rule.TAG_TOO_LONG);
    }

    @Test
    void nameLengthBoundaryExcludesTheDomain() {
        String name255 = "a/".repeat(127) + "a";
        assertEquals(255, name255.length());
        assertTrue(ImageReference.parse("some.registry.example/" + name255 + ":t").isPresent());
        assertBreaks(name255 + "b", Rule.REPOSITORY_TOO_LONG);
    }

    @Test
    void uppercaseMessageGivesTheLowercaseForm() {
        Violation violation = ImageReference.check("My-Repo").violations().get(0);
        assertTrue(Messages.english(violation).contains("must be lowercase: use \"my-repo\""), Messages.english(violation));
        assertTrue(Messages.chinese(violation).contains("my-repo"));
    }

    @Test
    void parsedReferencesReadBackAsWritten() {
        for (String reference : List.of("ubuntu", "a/b:c", "127.0.0.1:5000/x/y:1", "x:1@" + DIGEST, "[::1]/x")) {
            assertEquals(reference, ImageReference.parse(reference).orElseThrow().toString());
        }
    }

    private static void assertParts(String reference, String domain, String path, String tag, String digest) {
        Optional<ImageReference> parsed = ImageReference.parse(reference);
        assertTrue(parsed.isPresent(), reference + ": " + ImageReference.check(reference));
        assertEquals(Optional.ofNullable(domain), parsed.get().domain(), reference);
        assertEquals(path, parsed.get().path(), reference);
        assertEquals(Optional.ofNullable(tag), parsed.get().tag(), reference);
        assertEquals(Optional.ofNullable(digest), parsed.get().digest(), reference);
    }

    private static void assertBreaks(String reference, Rule... rules) {
        Validation validation = ImageReference.check(reference);
        assertEquals(List.of(rules), validation.violations().stream().map(Violation::rule).toList(), reference);
        assertFalse(ImageReference.parse(reference).isPresent(), reference);
        validation.violations().forEach(v -> {
            Messages.english(v);
            Messages.chinese(v);
        });
    }
}
