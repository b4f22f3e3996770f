package io.gbgate.media.codec;

/**
 * A codec bitstream (for example a parameter set) is truncated or violates its syntax.
 * It is an {@link IllegalArgumentException} because it always describes bad input data.
 */
public final class MalformedBitstreamException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedBitstreamException(String message) {
        super(message);
    }
}
