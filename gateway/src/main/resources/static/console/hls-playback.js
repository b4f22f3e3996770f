// HLS playback through hls.js (from the hls.js WebJar, loaded only when needed). Uses the
// play answer's LL-HLS URL with hls.js low-latency mode when the gateway offers one, else the
// plain MPEG-TS playlist. Safari-style native HLS is used where hls.js cannot run (no MSE).
// An H.265 stream in a browser whose Media Source Extensions cannot take HEVC plays the gateway's
// H.264 transcode instead (MPEG-TS playlist with codec=h264).

const HLS_MODULE = '/webjars/hls.js/dist/hls.mjs';
const HEVC_MSE_TYPE = 'video/mp4; codecs="hvc1.1.6.L93.B0"';

/** True when this browser's Media Source Extensions can decode H.265 (HEVC). */
export function msePlaysHevc() {
  return Boolean(window.MediaSource && MediaSource.isTypeSupported(HEVC_MSE_TYPE));
}

export class HlsPlayback {
  /** @param play the play answer (hls, optional llhls, videoCodec) */
  constructor(play) {
    this.transcoded = play.videoCodec === 'H265' && !msePlaysHevc();
    this.lowLatency = Boolean(play.llhls) && !this.transcoded;
    const url = this.transcoded ? `${play.hls}&codec=h264` : (this.lowLatency ? play.llhls : play.hls);
    this.url = new URL(url, location.href).toString();
    this.hls = null;
    this.video = null;
  }

  async start(video, onFailure) {
    this.video = video;
    let Hls;
    try {
      Hls = (await import(HLS_MODULE)).default;
    } catch (error) {
      throw new Error(`hls.js could not be loaded from ${HLS_MODULE} (${error.message})`);
    }
    if (!Hls.isSupported()) {
      if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = this.url;
        video.addEventListener('error', () => onFailure(new Error(`native HLS failed: ${video.error?.message}`)),
          { once: true });
        return;
      }
      throw new Error('this browser has neither Media Source Extensions (hls.js) nor native HLS');
    }
    const hls = new Hls({ lowLatencyMode: this.lowLatency, backBufferLength: 10, liveDurationInfinity: true });
    this.hls = hls;
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        onFailure(new Error(describe(data)));
      }
    });
    hls.on(Hls.Events.BUFFER_CODECS, (event, data) => {
      this.tracks = Object.keys(data).filter((kind) => data[kind]).sort()
        .map((kind) => `${kind} ${data[kind].codec || ''}`.trim());
    });
    hls.loadSource(this.url);
    hls.attachMedia(video);
  }

  /** Figures hls.js knows: latency to the live edge, buffered seconds ahead, bandwidth estimate. */
  figures() {
    const hls = this.hls;
    const video = this.video;
    if (!hls || !video) {
      return {};
    }
    let ahead = 0;
    for (let i = 0; i < video.buffered.length; i++) {
      if (video.buffered.start(i) <= video.currentTime && video.currentTime <= video.buffered.end(i)) {
        ahead = video.buffered.end(i) - video.currentTime;
      }
    }
    return {
      latencySeconds: Number.isFinite(hls.latency) ? hls.latency : null,
      bufferSeconds: ahead,
      bandwidthEstimate: Number.isFinite(hls.bandwidthEstimate) ? hls.bandwidthEstimate : null,
      lowLatency: this.lowLatency,
      transcodedToH264: this.transcoded,
      tracks: this.tracks || [],
    };
  }

  async stop() {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    if (this.video) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }
}

function describe(data) {
  const response = data.response;
  const http = response && response.code ? ` (HTTP ${response.code}${response.text ? ' ' + response.text : ''})` : '';
  return `HLS ${data.type} error: ${data.details}${http}${data.reason ? ': ' + data.reason : ''}`;
}
