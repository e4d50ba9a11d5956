package io.github.harborupload.harbor;

import io.github.harborupload.registry.ConnectionFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP request and its answer, read up to a limit and within a time limit for the whole call.
 * java.net.http's own request timeout ends when the headers arrive, and its byte-array body reads
 * without end; a proxy's error page or a server that hangs mid-body must not hang or flood the
 * wizard.
 */
public final class BoundedExchange {

    /** An answer as it came: status, content type (may be empty), the body up to the limit. */
    public record Answer(int status, String contentType, byte[] body, boolean truncated) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The body as UTF-8 text, at most {@code max} characters, for technical details. */
        public String excerpt(int max) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.length() <= max ? text : text.substring(0, max) + "…";
        }
    }

    private BoundedExchange() {
    }

    /**
     * Sends {@code request} and reads at most {@code maxBytes} of the answer; a longer answer comes
     * back {@linkplain Answer#truncated() truncated}, its rest never read.
     *
     * @throws HttpTimeoutException when the whole call took longer than {@code timeout}
     * @throws IOException          when there is no answer (see {@link ConnectionFailure#of})
     * @throws InterruptedException when the calling thread was interrupted; the call is abandoned
     */
    public static Answer send(HttpClient client, HttpRequest request, int maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<Body>> call =
                client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            HttpResponse<Body> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Body body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), type, body.bytes(), body.truncated());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    /** Collects up to the limit, then cancels the rest of the stream. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<Body> {

        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int room = maxBytes - bytes.size();
                if (item.remaining() > room) {
                    byte[] part = new byte[room];
                    item.get(part);
                    bytes.writeBytes(part);
                    subscription.cancel();
                    result.complete(new Body(bytes.toByteArray(), true));
                    return;
                }
                byte[] part = new byte[item.remaining()];
                item.get(part);
                bytes.writeBytes(part);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(bytes.toByteArray(), false));
        }
    }
}
