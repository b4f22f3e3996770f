// WHEP (RFC 9725) playback client: a receive-only RTCPeerConnection, one POST of the offer,
// DELETE of the session resource on stop. The offer goes out at once, without waiting for ICE
// gathering and without trickle: the gateway is ICE-lite, never connects to the browser's
// candidates and learns the browser's address from its STUN checks (peer-reflexive), so
// candidates in the offer would only delay the first picture. Media URLs carry their own signed token.

import { ApiCallError } from './api.js';

export class WhepClient {
  /** @param url the play answer's "whep" URL (relative, with ?token=) */
  constructor(url) {
    this.url = new URL(url, location.href);
    this.pc = null;
    this.session = null;
    /** performance.now() times of the steps: whepAnswered (SDP answer in), iceConnected, dtlsConnected. */
    this.marks = {};
  }

  /**
   * Negotiates and attaches the remote stream to {@code video}; {@code onFailure} hears about a
   * connection that fails later (ICE consent lost, DTLS failure).
   */
  async start(video, onFailure) {
    const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
    this.pc = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const stream = new MediaStream();
    pc.ontrack = (event) => {
      stream.addTrack(event.track);
      video.srcObject = stream;
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'connected' && this.marks.iceConnected === undefined) {
        this.marks.iceConnected = performance.now();
      }
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected' && this.marks.dtlsConnected === undefined) {
        this.marks.dtlsConnected = performance.now();
      }
      if (pc.connectionState === 'failed') {
        onFailure(new Error('WebRTC connection failed (no ICE consent or DTLS failure): '
          + 'is the gateway\'s WebRTC UDP port reachable from this browser?'));
      }
    };
    await pc.setLocalDescription(await pc.createOffer());
    let response;
    try {
      response = await fetch(this.url, {
        method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp,
      });
    } catch (error) {
      throw new ApiCallError(0, `WHEP endpoint unreachable (${error.message})`);
    }
    if (response.status !== 201) {
      throw new ApiCallError(response.status, `WHEP offer refused: ${await response.text()}`);
    }
    const answer = await response.text();
    this.marks.whepAnswered = performance.now();
    const where = response.headers.get('Location');
    if (where) {
      this.session = new URL(where, this.url);
      this.session.search = this.url.search; // the same signed token authorizes the DELETE
    }
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  }

  /** Inbound video RTP statistics of the connection, or null. */
  async inboundVideo() {
    if (!this.pc) {
      return null;
    }
    const report = await this.pc.getStats();
    for (const entry of report.values()) {
      if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
        return entry;
      }
    }
    return null;
  }

  async stop() {
    const pc = this.pc;
    const session = this.session;
    this.pc = null;
    this.session = null;
    if (pc) {
      pc.close();
    }
    if (session) {
      try {
        await fetch(session, { method: 'DELETE' });
      } catch {
        // the gateway also ends the session when ICE consent stops
      }
    }
  }
}
