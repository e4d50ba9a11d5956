package io.github.harborupload.cli.progress;

import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.push.PushSnapshot;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Progress for a log or a pipe: a new line at each tenth of the way and at least every few
 * seconds, never a control character. A push in trouble is named once when it starts to look so.
 */
public final class PlainProgress implements ProgressView {

    /** A line at least this often, so a log shows the push is alive. */
    static final long EVERY_MILLIS = 5_000;

    private final PrintStream stream;
    private final ProgressText text;
    private final LongSupplier clockMillis;
    private int lastTenth = -1;
    private long lastPrinted;
    private ProblemType lastSignal;

    public PlainProgress(PrintStream stream, ProgressText text, LongSupplier clockMillis) {
        this.stream = stream;
        this.text = text;
        this.clockMillis = clockMillis;
    }

    @Override
    public void update(PushSnapshot snapshot) {
        long now = clockMillis.getAsLong();
        int tenth = (int) Math.floor(snapshot.fraction() * 10);
        if (tenth > lastTenth || now - lastPrinted >= EVERY_MILLIS) {
            print(snapshot, tenth, now);
        }
        Optional<Problem> signal = text.signal(snapshot);
        ProblemType type = signal.map(Problem::type).orElse(null);
        if (type != null && type != lastSignal) {
            stream.println(text.text("problem.warning", text.title(signal.get())));
        }
        lastSignal = type;
    }

    @Override
    public void finish(PushSnapshot snapshot) {
        int tenth = (int) Math.floor(snapshot.fraction() * 10);
        if (snapshot.isSucceeded() && tenth > lastTenth) {
            print(snapshot, tenth, clockMillis.getAsLong());
        }
    }

    private void print(PushSnapshot snapshot, int tenth, long now) {
        stream.println(text.overall(snapshot));
        lastTenth = Math.max(lastTenth, tenth);
        lastPrinted = now;
    }
}
