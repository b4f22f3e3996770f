// Stream statistics of the selected tile, refreshed every second: what the browser sees (frames,
// rate, time to first frame, RTP or HLS figures) next to what the gateway measures for the stream.

import { describeError, gateway } from './api.js';

const REFRESH_MS = 1000;

export class StatsPanel {
  constructor(element) {
    this.element = element;
    this.player = null;
    this.timer = null;
  }

  follow(player) {
    this.player = player;
    this.refresh();
  }

  start() {
    if (!this.timer) {
      this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    }
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async refresh() {
    const player = this.player;
    if (!player || !player.channel) {
      this.render([['tile', 'idle']]);
      return;
    }
    const browser = await player.figures();
    const rows = [
      ['channel', player.channel.channelId],
      ['state', browser.state],
      ['playback', browser.mode || '–'],
      ...(browser.fallback ? [['fallback', browser.fallback]] : []),
      ['resolution', browser.width ? `${browser.width}×${browser.height}` : '–'],
      ['frames shown', `${browser.framesPresented} (${browser.fps.toFixed(1)} fps)`],
      ['frames dropped', browser.framesDropped ?? '–'],
      ['play answered after', ms(browser.playAnswerMs)],
      ['first frame after', ms(browser.firstFrameMs)],
    ];
    if (browser.rtp) {
      rows.push(['RTP packets / lost', `${browser.rtp.packets} / ${browser.rtp.lost}`],
        ['RTP jitter', ms(browser.rtp.jitterMs)], ['frames decoded', browser.rtp.framesDecoded],
        ['received', bytes(browser.rtp.bytes)], ['decoder', browser.rtp.codec || '–']);
    }
    if (browser.hls) {
      rows.push(['HLS variant', browser.hls.lowLatency ? 'LL-HLS (fMP4 parts)' : 'MPEG-TS segments'],
        ['live latency', seconds(browser.hls.latencySeconds)], ['buffered ahead', seconds(browser.hls.bufferSeconds)],
        ['bandwidth estimate', browser.hls.bandwidthEstimate ? `${Math.round(browser.hls.bandwidthEstimate / 1000)} kb/s` : '–'],
        ['HLS tracks', browser.hls.tracks.length ? browser.hls.tracks.join(' + ') : '–']);
    }
    if (browser.streamId) {
      try {
        const s = await gateway.stream(browser.streamId);
        rows.push(['gateway stream', `${s.streamId} (${s.state})`], ['ingest transport', s.transport],
          ['codec', s.codec ? `${s.codec} ${s.width}×${s.height}` : '–'], ['audio', s.audio || 'none'],
          ['gateway fps / bitrate', `${s.fps.toFixed(1)} / ${Math.round(s.bitrate / 1000)} kb/s`],
          ['RTP in lost / jitter', `${s.rtpLost} / ${s.jitterMillis.toFixed(1)} ms`],
          ['viewers', s.viewers], ['held by', holderKinds(s.holders)], ['uptime', `${s.uptimeSeconds} s`]);
        if (s.endReason || s.failure) {
          rows.push(['ended', s.endReason || s.failure]);
        }
      } catch (error) {
        rows.push(['gateway stream', describeError(error)]);
      }
    }
    if (this.player === player) {
      this.render(rows);
    }
  }

  render(rows) {
    const table = document.createElement('dl');
    for (const [name, value] of rows) {
      const term = document.createElement('dt');
      term.textContent = name;
      const detail = document.createElement('dd');
      detail.textContent = String(value ?? '–');
      table.append(term, detail);
    }
    this.element.replaceChildren(table);
  }
}

function ms(value) {
  return value === undefined || value === null || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;
}

function seconds(value) {
  return value === undefined || value === null ? '–' : `${value.toFixed(1)} s`;
}

function bytes(value) {
  return value === undefined ? '–' : `${(value / 1048576).toFixed(2)} MiB`;
}

/** What keeps a stream up besides its viewers, by kind: "whep ×2, recorder". */
function holderKinds(holders) {
  const counts = new Map();
  for (const holder of holders || []) {
    const kind = holder.split(/[:-]/)[0];
    counts.set(kind, (counts.get(kind) || 0) + 1);
  }
  return counts.size ? [...counts].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ') : 'none';
}
