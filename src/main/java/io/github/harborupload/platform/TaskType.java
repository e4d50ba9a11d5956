package io.github.harborupload.platform;

import io.github.harborupload.i18n.Text;
import java.util.Arrays;
import java.util.Optional;

/**
 * The task type an imported image is registered for (backend/dao/model/job.go: JobType). Only the
 * ones the platform's command line lets users write (cli/cmd/image.go: imageTaskWriteTypes); since
 * December 2024 the platform offers every image for every job, so it is informative only.
 */
public enum TaskType {
    CUSTOM("custom"),
    JUPYTER("jupyter"),
    PYTORCH("pytorch"),
    TENSORFLOW("tensorflow"),
    WEBIDE("webide");

    private final String value;

    TaskType(String value) {
        this.value = value;
    }

    /** What the platform stores, e.g. {@code custom}. */
    public String value() {
        return value;
    }

    /** Its name as the platform's import form showed it. */
    public Text label() {
        return Text.of(PlatformTexts.BUNDLE, "task_type." + value);
    }

    public static Optional<TaskType> fromValue(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
