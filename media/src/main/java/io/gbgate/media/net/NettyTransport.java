package io.gbgate.media.net;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between Netty's native epoll transport and NIO. Media event loops are epoll loops when
 * the native library loads (Linux x86-64), which the shared RTP port needs for SO_REUSEPORT;
 * elsewhere they are NIO loops. Channels must match their loop's transport, so every bootstrap
 * on a media group takes its channel class from here.
 */
public final class NettyTransport {
    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);
    private static final AtomicBoolean fallbackLogged = new AtomicBoolean();

    private NettyTransport() {
    }

    /** True when the native epoll transport can be used in this process. */
    public static boolean epollAvailable() {
        return Epoll.isAvailable();
    }

    /**
     * A new event loop group: epoll when available, otherwise NIO (logged once, with the reason
     * epoll could not load).
     */
    public static EventLoopGroup newEventLoopGroup(int threads, ThreadFactory threadFactory) {
        if (epollAvailable()) {
            return new EpollEventLoopGroup(threads, threadFactory);
        }
        logFallbackOnce();
        return new NioEventLoopGroup(threads, threadFactory);
    }

    /** True when {@code group} (a group or one of its loops) runs the epoll transport. */
    public static boolean isEpoll(EventLoopGroup group) {
        if (group instanceof EpollEventLoopGroup) {
            return true;
        }
        return group instanceof EventLoop loop && loop.parent() instanceof EpollEventLoopGroup;
    }

    /** The UDP channel class for {@code group}. */
    public static Class<? extends DatagramChannel> datagramChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /** The TCP listening channel class for {@code group}. */
    public static Class<? extends ServerSocketChannel> serverSocketChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The TCP connection channel class for {@code group}. */
    public static Class<? extends SocketChannel> socketChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Logs, once per process, that epoll is unavailable and why. */
    public static void logFallbackOnce() {
        if (fallbackLogged.compareAndSet(false, true)) {
            log.warn("native epoll transport unavailable ({}); media sockets use NIO and the shared RTP port has"
                    + " a single reader", Epoll.unavailabilityCause() == null ? "unknown cause"
                    : Epoll.unavailabilityCause().toString());
        }
    }
}
