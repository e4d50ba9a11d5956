package io.github.harborupload.testsupport;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class on the local stack: the stack, required before the first test (so with CI=true and
 * no stack the class fails, see {@link TestStack#require()}), and the images and tags its tests make
 * there ({@link StackImages}), removed after the last. A subclass's own {@code @BeforeAll} runs
 * after this one, so it may build images already.
 */
public abstract class StackTest {

    protected static TestStack stack;
    protected static StackImages images;

    @BeforeAll
    static void connect() {
        stack = TestStack.require();
        images = new StackImages(stack);
    }

    @AfterAll
    static void removeImages() throws IOException {
        if (images != null) {
            images.close();
            images = null;
        }
    }
}
