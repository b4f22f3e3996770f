// One grid tile's player: asks the gateway to play a channel, then plays it over WebRTC (WHEP)
// and falls back to HLS when WebRTC fails, or uses the one transport the operator chose. Every
// failure is shown on the tile in the gateway's own words. The tile element carries the outcome
// as data attributes (state, mode, first-frame-ms) for scripts and tests.

import { describeError as describe, gateway } from './api.js';
import { FrameCounter } from './frames.js';
import { HlsPlayback } from './hls-playback.js';
import { WhepClient } from './whep.js';

/** How long a transport may take from connecting to the first decoded picture before it counts as failed. */
const FIRST_FRAME_LIMIT_MS = { webrtc: 8000, hls: 20000 };
const NAMES = { webrtc: 'WebRTC', hls: 'HLS' };

export class Player {
  constructor(element) {
    this.element = element;
    this.video = element.querySelector('video');
    this.label = element.querySelector('.tile-label');
    this.message = element.querySelector('.tile-message');
    this.run = 0;
    this.reset();
    this.show('idle', 'click a channel to play it here');
  }

  reset() {
    this.channel = null;
    this.answer = null;
    this.transport = null;
    this.frames = null;
    this.mode = null;
    this.fallback = null;
    this.marks = {};
  }

  get busy() {
    return this.channel !== null;
  }

  /** Plays {channelId, name} with mode 'auto' (WebRTC, then HLS), 'webrtc' or 'hls'. */
  async play(channel, mode) {
    await this.stop();
    const run = ++this.run;
    this.channel = channel;
    this.marks = { requested: performance.now() };
    this.label.textContent = channel.name ? `${channel.name} (${channel.channelId})` : channel.channelId;
    this.show('starting', 'asking the gateway to start the stream…');
    let answer;
    try {
      answer = await gateway.play(channel.channelId);
    } catch (error) {
      if (run === this.run) {
        this.fail([`play refused by the gateway: ${describe(error)}`]);
      }
      return;
    }
    if (run !== this.run) {
      gateway.leave(channel.channelId, answer.viewerId).catch(() => {});
      return;
    }
    this.answer = answer;
    this.marks.answered = performance.now();
    const problems = [];
    for (const kind of mode === 'auto' ? ['webrtc', 'hls'] : [mode]) {
      this.show('starting', `${NAMES[kind]}: connecting…`);
      try {
        await this.startTransport(kind, run, problems);
        return;
      } catch (error) {
        if (run !== this.run) {
          return;
        }
        problems.push(`${NAMES[kind]}: ${describe(error)}`);
        await this.detachTransport();
      }
    }
    this.fail(problems);
  }

  /** Plays over one transport; {@code problems} are the transports given up before it (shown on the tile). */
  async startTransport(kind, run, problems) {
    const transport = kind === 'webrtc' ? new WhepClient(this.answer.whep) : new HlsPlayback(this.answer);
    this.transport = transport;
    this.mode = kind;
    this.frames = new FrameCounter(this.video);
    let settled = false;
    let failEarly;
    const failure = new Promise((resolve, reject) => {
      failEarly = reject;
    });
    failure.catch(() => {});
    const onFailure = (error) => {
      if (!settled) {
        failEarly(error);
      } else if (this.transport === transport && run === this.run) {
        this.fail([`${NAMES[kind]} stopped: ${describe(error)}`]);
      }
    };
    await Promise.race([transport.start(this.video, onFailure), failure]);
    this.video.play().catch(() => {}); // muted autoplay; frames are counted either way
    const firstAt = await Promise.race([this.frames.first(FIRST_FRAME_LIMIT_MS[kind]), failure]);
    settled = true;
    if (run !== this.run) {
      return;
    }
    this.marks.firstFrame = firstAt;
    this.element.dataset.firstFrameMs = String(Math.round(firstAt - this.marks.requested));
    this.element.dataset.playAnswerMs = String(Math.round(this.marks.answered - this.marks.requested));
    for (const [step, at] of Object.entries(transport.marks || {})) {
      this.element.dataset[`${step}Ms`] = String(Math.round(at - this.marks.requested));
    }
    this.fallback = problems.length ? `playing over ${NAMES[kind]} because ${problems.join('; ')}` : null;
    this.show('playing', this.fallback || '');
  }

  /**
   * Detaches the transport from the video at once (synchronously, so a play that follows cannot be
   * disturbed); the returned promise settles when its network side ended (WHEP DELETE).
   */
  detachTransport() {
    const transport = this.transport;
    this.transport = null;
    if (this.frames) {
      this.frames.stop();
    }
    const stopped = transport ? transport.stop() : Promise.resolve();
    this.video.srcObject = null;
    return stopped;
  }

  /** Stops playing and tells the gateway this viewer left. */
  async stop() {
    this.run++;
    const channel = this.channel;
    const answer = this.answer;
    const stopped = this.detachTransport();
    this.reset();
    for (const key of Object.keys(this.element.dataset)) {
      if (key.endsWith('Ms')) {
        delete this.element.dataset[key];
      }
    }
    this.label.textContent = '';
    this.show('idle', 'click a channel to play it here');
    await stopped;
    if (channel && answer) {
      try {
        await gateway.leave(channel.channelId, answer.viewerId);
      } catch {
        // the stream already ended, or the viewer lease expired: nothing left to leave
      }
    }
  }

  /** Shows why the channel does not play and gives the viewer back (the tile keeps the channel and the reason). */
  fail(problems) {
    this.detachTransport();
    this.show('failed', problems.join('\n'));
    if (this.channel && this.answer) {
      gateway.leave(this.channel.channelId, this.answer.viewerId).catch(() => {});
    }
  }

  show(state, text) {
    this.state = state;
    this.element.dataset.state = state;
    if (this.mode) {
      this.element.dataset.mode = this.mode;
    } else {
      delete this.element.dataset.mode;
    }
    this.message.textContent = text;
    this.message.hidden = !text;
  }

  /** What the stats panel shows about this tile, from the browser side. */
  async figures() {
    const figures = {
      state: this.state,
      mode: this.mode && NAMES[this.mode],
      fallback: this.fallback,
      streamId: this.answer?.streamId,
      viewerId: this.answer?.viewerId,
      transport: this.answer?.transport,
      playAnswerMs: this.marks.answered && Math.round(this.marks.answered - this.marks.requested),
      firstFrameMs: this.marks.firstFrame && Math.round(this.marks.firstFrame - this.marks.requested),
      width: this.video.videoWidth,
      height: this.video.videoHeight,
      framesPresented: this.frames?.count ?? 0,
      fps: this.frames ? this.frames.rate() : 0,
    };
    const quality = this.video.getVideoPlaybackQuality?.();
    if (quality) {
      figures.framesDropped = quality.droppedVideoFrames;
    }
    if (this.transport instanceof WhepClient) {
      const rtp = await this.transport.inboundVideo();
      if (rtp) {
        figures.rtp = {
          packets: rtp.packetsReceived, lost: rtp.packetsLost, jitterMs: rtp.jitter * 1000,
          framesDecoded: rtp.framesDecoded, bytes: rtp.bytesReceived, codec: rtp.decoderImplementation,
        };
      }
    } else if (this.transport instanceof HlsPlayback) {
      figures.hls = this.transport.figures();
    }
    return figures;
  }
}
