package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpMessage;

/**
 * Handles one MANSCDP CmdType the platform sent the device in a MESSAGE; the MESSAGE has already been
 * answered 200 OK when this runs.
 *
 * @param <T> the decoded message type
 */
interface DeviceMessageHandler<T extends ManscdpMessage> {

    /** The message type this handler takes. */
    Class<T> type();

    /** Processes {@code message}. */
    void handle(T message);
}
