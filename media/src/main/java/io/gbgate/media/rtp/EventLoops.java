package io.gbgate.media.rtp;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

/** Tells whether the calling thread is one of a group's event loops, where blocking must not happen. */
final class EventLoops {
    private EventLoops() {
    }

    static boolean isCurrentThreadIn(EventExecutorGroup group) {
        if (group == null) {
            return false;
        }
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
