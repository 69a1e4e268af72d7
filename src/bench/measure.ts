// Timing and peak-memory helpers for the benchmark's child processes.

/** Peak resident memory of this process so far, in bytes: the OS's own peak and our samples, whichever is higher. */
export class PeakMemory {
  private peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 10) {
    // Samples catch the peak of asynchronous work; maxRSS catches what synchronous work hides from the timer.
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
  }

  /** Stops sampling and returns the peak in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    const osPeak = process.resourceUsage().maxRSS * 1024;
    return Math.max(this.peak, osPeak);
  }
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of some timings (the mean of the middle two for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
