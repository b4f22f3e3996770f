package io.gbgate.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip {@link StackLogger} that writes to SLF4J instead of log4j.
 *
 * <p>jain-sip instantiates it reflectively (no-arg constructor) from the stack property
 * {@code gov.nist.javax.sip.STACK_LOGGER}; it also becomes jain-sip's process-wide
 * {@code CommonLogger.legacyLogger}, which keeps log4j off the class path at run time.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    private volatile boolean enabled = true;

    /** Reflective constructor used by jain-sip. */
    public Slf4jStackLogger() {
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.debug("stack trace requested by jain-sip", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (enabled) {
            LOG.warn("jain-sip exception", ex);
        }
    }

    @Override
    public void logDebug(String message) {
        if (enabled) {
            LOG.debug(message);
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (enabled) {
            LOG.debug(message, ex);
        }
    }

    @Override
    public void logTrace(String message) {
        if (enabled) {
            LOG.trace(message);
        }
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        if (enabled) {
            LOG.error(message);
        }
    }

    /**
     * Errors with an {@link InterruptedException} are logged at DEBUG: jain-sip reports the
     * interrupt {@link SipEndpoint#close()} uses to end its event scanner thread as an error.
     */
    @Override
    public void logError(String message, Exception ex) {
        if (!enabled) {
            return;
        }
        if (ex instanceof InterruptedException) {
            LOG.debug("{} (thread interrupted at shutdown)", message);
        } else {
            LOG.error(message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (enabled) {
            LOG.warn(message);
        }
    }

    /** jain-sip's INFO output is per-packet chatter, so it is logged at DEBUG. */
    @Override
    public void logInfo(String message) {
        if (enabled) {
            LOG.debug(message);
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled) {
            return false;
        }
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        if (logLevel >= TRACE_INFO) {
            // TRACE_MESSAGES == TRACE_INFO: jain-sip only hands messages to the server logger when enabled
            return LOG.isDebugEnabled() || Slf4jServerLogger.isEnabled();
        }
        if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return logLevel > TRACE_NONE && LOG.isErrorEnabled();
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("jain-sip build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // levels come from the SLF4J backend configuration, not from stack properties
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
