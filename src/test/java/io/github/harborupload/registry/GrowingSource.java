package io.github.harborupload.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A blob written while it is read, as the pusher's spool is: bytes appear as {@link #grow} is called. */
final class GrowingSource implements BlobSource {

    private final byte[] bytes;
    private int written;

    GrowingSource(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    synchronized void grow(int upTo) {
        written = Math.max(written, Math.min(upTo, bytes.length));
        notifyAll();
    }

    @Override
    public synchronized long awaitAvailable(long wanted) throws InterruptedException {
        while (written < wanted && written < bytes.length) {
            wait();
        }
        return written;
    }

    @Override
    public synchronized boolean isComplete() {
        return written == bytes.length;
    }

    @Override
    public String digest() {
        if (!isComplete()) {
            throw new IllegalStateException("not complete");
        }
        return BlobSource.sha256(bytes);
    }

    @Override
    public long size() {
        if (!isComplete()) {
            throw new IllegalStateException("not complete");
        }
        return bytes.length;
    }

    @Override
    public synchronized InputStream openAt(long offset) {
        return new ByteArrayInputStream(bytes, (int) offset, written - (int) offset);
    }
}
