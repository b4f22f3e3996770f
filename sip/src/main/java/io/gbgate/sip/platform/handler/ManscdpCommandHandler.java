package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.platform.RegisteredDevice;

/**
 * Handles one MANSCDP CmdType that a registered device sent in a MESSAGE. {@link MessageHandler}
 * has already answered 200 OK when this runs (for MESSAGE and NOTIFY alike).
 *
 * @param <T> the decoded message type
 */
public interface ManscdpCommandHandler<T extends ManscdpMessage> {

    /** The message type this handler takes. */
    Class<T> type();

    /** Processes {@code message} from {@code device}. */
    void handle(RegisteredDevice device, T message);

    /**
     * Processes {@code message} that arrived in a request with {@code callId} (the call's or
     * subscription's Call-ID for in-dialog MESSAGE and NOTIFY). Defaults to {@link #handle(RegisteredDevice,
     * ManscdpMessage)}; handlers that map a message to a dialog override it.
     */
    default void handle(RegisteredDevice device, T message, String callId) {
        handle(device, message);
    }
}
