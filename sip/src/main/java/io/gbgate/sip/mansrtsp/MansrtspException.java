package io.gbgate.sip.mansrtsp;

/** A MANSRTSP body that cannot be parsed (the message says what is wrong) or a request that cannot be written. */
public class MansrtspException extends RuntimeException {

    public MansrtspException(String message) {
        super(message);
    }
}
