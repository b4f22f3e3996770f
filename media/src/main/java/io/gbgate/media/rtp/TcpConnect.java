package io.gbgate.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Opens an outgoing TCP connection with a timeout and turns failures into clear exceptions. */
final class TcpConnect {
    private TcpConnect() {
    }

    /**
     * Connects {@code bootstrap} to {@code target}.
     *
     * @return completes with the connected channel on its event loop, or exceptionally with a
     *     {@link ConnectException} ("connection refused to 1.2.3.4:5678"), a
     *     {@link SocketTimeoutException} or another {@link IOException} naming the target
     */
    static CompletableFuture<Channel> connect(Bootstrap bootstrap, InetSocketAddress target, Duration timeout) {
        long millis = timeout.toMillis();
        if (millis <= 0 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout must be 1 ms..24 days, got " + timeout);
        }
        CompletableFuture<Channel> result = new CompletableFuture<>();
        bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) millis)
                .connect(target)
                .addListener((ChannelFuture attempt) -> {
                    if (attempt.isSuccess()) {
                        result.complete(attempt.channel());
                    } else {
                        result.completeExceptionally(describe(attempt.cause(), target, millis));
                    }
                });
        return result;
    }

    static IOException describe(Throwable cause, InetSocketAddress target, long timeoutMillis) {
        String where = target.getHostString() + ":" + target.getPort();
        IOException failure;
        if (cause instanceof ConnectTimeoutException) {
            failure = new SocketTimeoutException("connection to " + where + " timed out after " + timeoutMillis + " ms");
        } else if (cause instanceof ConnectException && String.valueOf(cause.getMessage())
                .toLowerCase(Locale.ROOT).contains("refused")) {
            failure = new ConnectException("connection refused to " + where);
        } else {
            return new IOException("cannot connect to " + where + ": " + cause.getMessage(), cause);
        }
        failure.initCause(cause);
        return failure;
    }
}
