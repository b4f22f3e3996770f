// Counts the frames a <video> element actually presents (requestVideoFrameCallback), so the
// console knows a stream decodes, when the first picture came and the rate pictures arrive at.

export class FrameCounter {
  constructor(video) {
    this.video = video;
    this.count = 0;
    this.firstAt = null;
    this.width = 0;
    this.height = 0;
    this.active = true;
    this.waiters = [];
    this.sampledAt = performance.now();
    this.sampledCount = 0;
    this.schedule();
  }

  schedule() {
    if (typeof this.video.requestVideoFrameCallback === 'function') {
      this.handle = this.video.requestVideoFrameCallback((now, metadata) => {
        this.presented(metadata.width, metadata.height);
        if (this.active) {
          this.schedule();
        }
      });
    } else {
      // browsers without frame callbacks: a picture is there once the element knows its size and time moves
      this.onTime = () => this.presented(this.video.videoWidth, this.video.videoHeight);
      this.video.addEventListener('timeupdate', this.onTime);
    }
  }

  presented(width, height) {
    this.count++;
    this.width = width;
    this.height = height;
    if (this.firstAt === null) {
      this.firstAt = performance.now();
      this.waiters.splice(0).forEach((waiter) => waiter.resolve(this.firstAt));
    }
  }

  /** Resolves with the performance.now() time of the first presented frame; rejects after limitMs. */
  first(limitMs) {
    if (this.firstAt !== null) {
      return Promise.resolve(this.firstAt);
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (this.firstAt === null) {
          reject(new Error(`no picture decoded within ${Math.round(limitMs / 1000)} s`));
        }
      }, limitMs);
    });
  }

  /** Frames per second presented since the previous call. */
  rate() {
    const now = performance.now();
    const fps = (this.count - this.sampledCount) * 1000 / Math.max(1, now - this.sampledAt);
    this.sampledAt = now;
    this.sampledCount = this.count;
    return fps;
  }

  stop() {
    this.active = false;
    if (this.handle !== undefined && typeof this.video.cancelVideoFrameCallback === 'function') {
      this.video.cancelVideoFrameCallback(this.handle);
    }
    if (this.onTime) {
      this.video.removeEventListener('timeupdate', this.onTime);
    }
  }
}
