package io.github.harborupload.docker;

/** The local image (or tag) named in a request does not exist in the engine. */
public class ImageNotFoundException extends EngineException {

    private final String image;

    public ImageNotFoundException(String image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
