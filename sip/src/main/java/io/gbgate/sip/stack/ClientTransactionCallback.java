package io.gbgate.sip.stack;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;

/**
 * Receives the outcome of one client transaction sent with {@link SipEndpoint#send}. The callback is
 * stored as the transaction's application data, so the listener can route events without lookups.
 */
public interface ClientTransactionCallback {

    /** A provisional or final response arrived. Runs on a jain-sip thread: do not block. */
    void onResponse(ResponseEvent event);

    /** The transaction timed out without a final response. */
    void onTimeout(TimeoutEvent event);

    /**
     * Routes a response event to the callback attached to its client transaction.
     *
     * @return false when the event has no transaction or callback (stray or retransmitted response)
     */
    static boolean deliver(ResponseEvent event) {
        if (event.getClientTransaction() != null
                && event.getClientTransaction().getApplicationData() instanceof ClientTransactionCallback callback) {
            callback.onResponse(event);
            return true;
        }
        return false;
    }

    /**
     * Routes a client-transaction timeout to its callback.
     *
     * @return false for server-transaction timeouts or transactions without callback
     */
    static boolean deliver(TimeoutEvent event) {
        if (event.isServerTransaction() || event.getClientTransaction() == null) {
            return false;
        }
        if (event.getClientTransaction().getApplicationData() instanceof ClientTransactionCallback callback) {
            callback.onTimeout(event);
            return true;
        }
        return false;
    }
}
