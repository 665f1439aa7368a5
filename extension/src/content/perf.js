// In-page timing, read by tests/e2e/bench.mjs (numbers only, never text).
//
// `work` samples are the content script's synchronous work, summed per
// keystroke (a keystroke = from one keydown to the next); `paint` samples
// are "debounce fired → highlights painted" (see afterNextPaint); `applied`
// stops when the highlights are set; `host` is the host's own elapsed_us.
// The page asks with a `draftguard:perf-request` event and gets a
// `draftguard:perf` event whose detail is a JSON string; a
// `draftguard:perf-painted` event marks each new paint sample, so the
// benchmark can wait without polling through DevTools while it measures.
const MAX = 5000;
const work = [];
const paint = [];
const applied = [];
const host = [];
const stages = []; // [extract+send ms, round trip ms, apply ms, findings, hops…] (see stage)
let current = 0;

/**
 * Calls `fn` once the next frame, the first to contain the changes made so
 * far, has been produced. requestAnimationFrame callbacks run at the start of
 * that frame and the browser then runs its style, layout and paint in the
 * same task, so a task posted from inside the callback runs just after the
 * frame was painted and handed to the compositor. This is the usual "next
 * paint" idiom, not two rAFs: a second rAF waits for the frame after, up to
 * 16.7 ms (at 60 Hz) that nobody waits for. Raster and display follow off
 * the main thread and are not counted.
 */
export function afterNextPaint(fn) {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(0);
  });
}

export const perf = {
  work(ms) {
    current += ms;
  },
  keystroke() {
    if (current > 0 || work.length) work.push(current);
    if (work.length > MAX) work.shift();
    current = 0;
  },
  /**
   * One analysis: `row` as in `stages`, then the round trip split by the
   * background's `timing` (B2C.RESULT) into content → background,
   * background → host → background, background → content. `sentAt` and
   * `receivedAt` are this page's performance.now() at send and receipt.
   */
  stage(row, timing, sentAt, receivedAt) {
    const wall = (t) => performance.timeOrigin + t;
    const hops = timing
      ? [timing.received - wall(sentAt), timing.answered - timing.sent, wall(receivedAt) - timing.forwarded]
      : [0, 0, 0];
    stages.push([...row, ...hops]);
    if (stages.length > MAX) stages.shift();
  },
  paint(paintedMs, appliedMs, hostUs) {
    paint.push(paintedMs);
    applied.push(appliedMs);
    if (typeof hostUs === 'number') host.push(hostUs / 1000);
    for (const a of [paint, applied, host]) if (a.length > MAX) a.shift();
    document.dispatchEvent(new CustomEvent('draftguard:perf-painted'));
  },
  install(signal) {
    window.addEventListener('keydown', () => this.keystroke(), { capture: true, signal });
    document.addEventListener('draftguard:perf-request', (e) => {
      if (e.detail === 'reset') {
        for (const a of [work, paint, applied, host, stages]) a.length = 0;
        current = 0;
        return;
      }
      document.dispatchEvent(new CustomEvent('draftguard:perf', { detail: JSON.stringify({ work, paint, applied, host, stages }) }));
    }, { signal });
  },
};
