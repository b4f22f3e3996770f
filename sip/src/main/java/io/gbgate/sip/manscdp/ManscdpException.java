package io.gbgate.sip.manscdp;

/**
 * A MANSCDP body that cannot be decoded (malformed or hostile XML, missing CmdType/SN/DeviceID, bad numbers,
 * oversized) or a message that cannot be encoded. The message says what and where.
 */
public class ManscdpException extends RuntimeException {

    public ManscdpException(String message) {
        super(message);
    }

    public ManscdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
