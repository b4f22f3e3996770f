package io.gbgate.sip.device;

import java.util.concurrent.CompletionStage;

/**
 * Produces media sessions for INVITEs. The result may complete later (the device keeps the INVITE
 * pending meanwhile), never (the platform then times out), or exceptionally with a
 * {@link MediaRejectedException} whose status the device answers (e.g. 486 Busy Here).
 */
@FunctionalInterface
public interface MediaSessionFactory {

    /** Opens a session for {@code offer}. Must not block. */
    CompletionStage<MediaSession> open(MediaOffer offer);
}
