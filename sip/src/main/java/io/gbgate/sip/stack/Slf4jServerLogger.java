package io.gbgate.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip message-trace logger ({@code gov.nist.javax.sip.SERVER_LOGGER}) that writes every
 * sent and received SIP message to the SLF4J logger {@code io.gbgate.sip.wire} at DEBUG level.
 *
 * <p>In jain-sip-ri 1.3.0-91 the interface lives in {@code gov.nist.core}.
 */
public final class Slf4jServerLogger implements ServerLogger {

    private static final Logger WIRE = LoggerFactory.getLogger("io.gbgate.sip.wire");

    private volatile String stackName = "?";

    /** Reflective constructor used by jain-sip. */
    public Slf4jServerLogger() {
    }

    /** Whether the wire logger is at DEBUG (then jain-sip must report messages). */
    static boolean isEnabled() {
        return WIRE.isDebugEnabled();
    }

    @Override
    public void closeLogFile() {
        // nothing to close: SLF4J owns the output
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("[{}] {} {} -> {}\n{}", stackName, sender ? "sent" : "received", from, to,
                    message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        WIRE.warn("[{}] jain-sip exception", stackName, ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        String name = stackProperties.getProperty("javax.sip.STACK_NAME");
        if (name != null) {
            stackName = name;
        }
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        stackName = sipStack.getStackName();
    }
}
