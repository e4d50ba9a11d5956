package io.github.harborupload.cli.progress;

import io.github.harborupload.push.PushSnapshot;

/** Shows a push's progress. Fed snapshots on a timer, never one call per engine event. */
public interface ProgressView {

    /** The push as it stands now, while it runs. */
    void update(PushSnapshot snapshot);

    /** The push as it ended, once, after the last {@link #update}. */
    void finish(PushSnapshot snapshot);

    /** Shows nothing: {@code --progress=none}. */
    ProgressView NONE = new ProgressView() {
        @Override
        public void update(PushSnapshot snapshot) {
        }

        @Override
        public void finish(PushSnapshot snapshot) {
        }
    };
}
