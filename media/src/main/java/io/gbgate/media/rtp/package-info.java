/**
 * RTP ingest and egress of the media plane.
 *
 * <h2>Receive path</h2>
 * A datagram (or an RFC 4571 frame from TCP; see {@link io.gbgate.media.rtp.Rfc4571}) is
 * parsed in place by {@link io.gbgate.media.rtp.RtpHeader#parse}; invalid input is counted by
 * {@link io.gbgate.media.rtp.RtpDropReason} and never throws. The packet goes to the stream
 * registered for its SSRC ({@link io.gbgate.media.rtp.RtpRegistration}), whose
 * {@link io.gbgate.media.rtp.RtpReorderBuffer} hands it, in sequence order, to an
 * {@link io.gbgate.media.rtp.RtpPacketListener} (the PS demuxer), while
 * {@link io.gbgate.media.rtp.RtpStreamStats} tracks loss and jitter. Everything per packet runs on
 * a Netty event loop with pooled buffers and no per-packet copy; a stream's packets are delivered
 * by one thread at a time (see {@link io.gbgate.media.rtp.RtpRegistration}).
 *
 * <h2>Ports and stream identity</h2>
 * A stream is identified by (local port, SSRC). Each {@link io.gbgate.media.rtp.UdpRtpReceiver}
 * keeps its own SSRC table, so there is no process-wide SSRC map and no fixed cap on streams:
 * <ul>
 *   <li><b>Shared port.</b> One receiver on a well-known port; devices are told apart by the SSRC
 *       the gateway put in the SDP {@code y=} line. Cheapest on sockets; it relies on devices
 *       honouring that SSRC. On the epoll transport several sockets read it with SO_REUSEPORT,
 *       each on its own event loop, sharing one lock-free SSRC table
 *       ({@code RtpSsrcTable}); the kernel keeps each sender address on one socket.</li>
 *   <li><b>Dedicated port.</b> {@link io.gbgate.media.rtp.UdpRtpReceiver#bindInRange} takes an even
 *       port from a configured {@link io.gbgate.media.rtp.RtpPortRange} (thread-safe, next-fit, so
 *       freed ports are reused last) for one stream. With
 *       {@link io.gbgate.media.rtp.UdpRtpReceiver#registerAnySsrc} it accepts whatever SSRC the
 *       device actually uses, bound by the first valid RTP packet (never by RTCP or garbage). The
 *       port goes back to the range when the receiver closes. Capacity is the size of the range
 *       (for example 20000..39999 gives 10,000 streams; widen the range for more).</li>
 * </ul>
 *
 * <h2>RTP over TCP</h2>
 * GB28181 carries RTP over TCP with RFC 4571 framing in both directions, and both share one
 * connection pipeline (frame decoder, then parse, bind, deliver):
 * <ul>
 *   <li><b>TCP passive</b> ({@code a=setup:passive}): the device connects to a
 *       {@link io.gbgate.media.rtp.TcpRtpServer} (shared port, or one per stream from an
 *       {@link io.gbgate.media.rtp.RtpPortRange}); a connection is bound to a registered
 *       {@link io.gbgate.media.rtp.TcpRtpStream} by the SSRC of its first valid RTP packet.</li>
 *   <li><b>TCP active</b> ({@code a=setup:active}): the gateway connects to the device with
 *       {@link io.gbgate.media.rtp.TcpRtpClient}.</li>
 * </ul>
 * TCP is in order, so there is no reorder buffer on this path; a bound connection keeps feeding its
 * stream across SSRC changes, and {@link io.gbgate.media.rtp.TcpRtpStream#ended()} tells the
 * gateway when and why the device's connection ended. Connections are spread over the event loops
 * of the group; there is no thread per stream. {@link io.gbgate.media.rtp.RtpInboundStream} is
 * what UDP registrations and TCP streams have in common.
 *
 * <h2>Send path</h2>
 * {@link io.gbgate.media.rtp.RtpPacketizer} splits frames into RTP packets (marker on the last)
 * and an {@link io.gbgate.media.rtp.RtpSender} writes them without blocking the caller (camera
 * simulator, and later pushing to devices): {@link io.gbgate.media.rtp.UdpRtpSender} to a target,
 * or {@link io.gbgate.media.rtp.TcpRtpSender} over one TCP connection it opens or accepts.
 */
package io.gbgate.media.rtp;
