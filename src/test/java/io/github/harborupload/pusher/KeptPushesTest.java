package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept pushes of issue 19: listed for the resume offer, discarded, and cleaned up after 14 days. */
class KeptPushesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path spool;

    /** A paused push's folder as PushJob leaves it, its files last written at {@code written}. */
    private Path paused(String tag, double fraction, Instant written) throws IOException {
        PushState.Target target = new PushState.Target("harbor.example", "user-ana/app", tag, "sha256:" + "a".repeat(64));
        Path folder = Files.createDirectories(spool.resolve(target.key()));
        PushState state = PushState.fresh(folder, target);
        state.started("0123/layer.tar", 1000, "layer-1.gz", Optional.empty());
        Files.write(folder.resolve("layer-1.gz"), new byte[100]);
        state.fraction(fraction);
        touch(folder, written);
        return folder;
    }

    private static void touch(Path folder, Instant written) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(written));
            }
        }
        Files.setLastModifiedTime(folder, FileTime.from(written));
    }

    @Test
    void listsWhatEachKeptPushDidNewestFirst() throws IOException {
        paused("v1", 0.25, NOW.minus(Duration.ofDays(2)));
        Path newer = paused("v2", 0.62, NOW.minus(Duration.ofHours(1)));

        List<KeptPushes.Kept> kept = new KeptPushes(spool, CLOCK).list();

        assertEquals(List.of("v2", "v1"), kept.stream().map(KeptPushes.Kept::tag).toList());
        KeptPushes.Kept first = kept.get(0);
        assertEquals(newer.getFileName().toString(), first.key());
        assertEquals("harbor.example", first.registry());
        assertEquals("user-ana/app", first.repository());
        assertEquals(0.62, first.fraction(), 1e-9);
        assertEquals(NOW.minus(Duration.ofHours(1)), first.savedAt());
    }

    @Test
    void aFolderWithoutAReadableStateIsNotOffered() throws IOException {
        Path damaged = paused("v1", 0.5, NOW);
        Files.writeString(damaged.resolve(PushState.FILE), "{\"version\":");
        Files.createDirectories(spool.resolve("no-state"));
        assertEquals(List.of(), new KeptPushes(spool, CLOCK).list());
    }

    @Test
    void discardRemovesTheStateAndTheSpool() throws IOException {
        Path folder = paused("v1", 0.5, NOW);
        KeptPushes kept = new KeptPushes(spool, CLOCK);
        kept.discard(folder.getFileName().toString());
        assertFalse(Files.exists(folder));
        assertEquals(List.of(), kept.list());
    }

    @Test
    void discardNeverLeavesTheSpoolFolder() throws IOException {
        Path outside = Files.createDirectories(spool.resolveSibling("elsewhere"));
        Files.writeString(outside.resolve("keep.txt"), "mine");
        new KeptPushes(spool, CLOCK).discard("../elsewhere");
        assertTrue(Files.exists(outside.resolve("keep.txt")));
    }

    @Test
    void aStateOlderThanFourteenDaysIsRemovedAndAYoungerOneKept() throws IOException {
        Path old = paused("old", 0.5, NOW.minus(KeptPushes.ABANDONED_AFTER).minusSeconds(60));
        Path recent = paused("recent", 0.5, NOW.minus(KeptPushes.ABANDONED_AFTER).plusSeconds(3600));

        KeptPushes kept = new KeptPushes(spool, CLOCK);
        assertEquals(List.of(old), kept.removeAbandoned());

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertEquals(List.of("recent"), kept.list().stream().map(KeptPushes.Kept::tag).toList(), "the offer lists only what is kept");
    }

    @Test
    void aFolderWithoutAStateGoesOnlyWhenNothingWroteToItForADay() throws IOException {
        // A push writes its state at its first layer; before that its folder may hold only a spool being filled.
        Path filling = Files.createDirectories(spool.resolve("filling"));
        Files.write(filling.resolve("layer-1.gz"), new byte[10]);
        touch(filling, NOW.minusSeconds(5));
        Path left = Files.createDirectories(spool.resolve("left"));
        Files.write(left.resolve("state.json.set-aside"), new byte[10]);
        touch(left, NOW.minus(KeptPushes.UNUSED_AFTER).minusSeconds(60));

        assertEquals(List.of(left), new KeptPushes(spool, CLOCK).removeAbandoned());
        assertTrue(Files.exists(filling.resolve("layer-1.gz")));
    }

    @Test
    void noSpoolFolderYetIsNothingKept() {
        KeptPushes kept = new KeptPushes(spool.resolve("missing"), CLOCK);
        assertEquals(List.of(), kept.list());
        assertEquals(List.of(), kept.removeAbandoned());
    }
}
