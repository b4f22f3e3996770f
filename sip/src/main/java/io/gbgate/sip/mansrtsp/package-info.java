/**
 * MANSRTSP playback control (GB/T 28181 appendix B): PLAY / PAUSE / TEARDOWN bodies carried in SIP INFO requests
 * of a playback session, as typed records ({@link io.gbgate.sip.mansrtsp.MansrtspRequest}) with
 * {@link io.gbgate.sip.mansrtsp.MansrtspCodec} to parse and format them.
 */
package io.gbgate.sip.mansrtsp;
