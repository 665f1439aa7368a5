// Debounce, IME and revision rules (src/lib/scheduler.js) with a fake clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisScheduler } from '../../src/lib/scheduler.js';

function fake() {
  let now = 0;
  let timers = [];
  const runs = [];
  const s = new AnalysisScheduler({
    delay: 200,
    run: (rev) => runs.push({ rev, at: now }),
    setTimer: (fn, ms) => {
      const t = { fn, at: now + ms };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      timers = timers.filter((x) => x !== t);
    },
  });
  const advance = (ms) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > until) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = until;
  };
  return { s, runs, advance };
}

test('typing is analysed once, 200 ms after the last keystroke', () => {
  const { s, runs, advance } = fake();
  for (let i = 0; i < 10; i++) {
    s.onInput();
    advance(50);
  }
  assert.equal(runs.length, 0);
  advance(150);
  assert.deepEqual(runs, [{ rev: 1, at: 650 }]);
});

test('IME composition is never analysed half-way', () => {
  const { s, runs, advance } = fake();
  s.onCompositionStart();
  s.onInput(true);
  s.onInput(true);
  advance(1000);
  assert.equal(runs.length, 0);
  s.onCompositionEnd();
  advance(200);
  assert.equal(runs.length, 1);
});

test('paste and flush analyse at once', () => {
  const { s, runs } = fake();
  s.onInput();
  assert.equal(s.onPaste(), 1);
  assert.equal(runs.length, 1);
  assert.equal(s.flush(), 1, 'nothing changed: no new revision');
  assert.equal(runs.length, 1);
});

test('only the newest revision is accepted; stale answers are dropped', () => {
  const { s, advance } = fake();
  s.onInput();
  advance(200); // rev 1
  s.onInput();
  advance(200); // rev 2
  assert.equal(s.accept(1), false);
  assert.equal(s.accept(2), true);
  assert.equal(s.pending, false);
});

test('an answer for text typed over since is dropped', () => {
  const { s, advance } = fake();
  s.onInput();
  advance(200);
  s.onInput(); // typing again before the answer
  assert.equal(s.accept(1), false);
  assert.equal(s.pending, true);
  advance(200);
  assert.equal(s.accept(2), true);
});

test('pending until the answer arrives', () => {
  const { s, advance } = fake();
  assert.equal(s.pending, false);
  s.onInput();
  assert.equal(s.pending, true);
  advance(200);
  assert.equal(s.pending, true);
  s.accept(1);
  assert.equal(s.pending, false);
});

test('reanalyze forces a new revision; dispose stops everything', () => {
  const { s, runs, advance } = fake();
  s.reanalyze();
  assert.equal(runs.length, 1);
  s.onInput();
  s.dispose();
  advance(1000);
  assert.equal(runs.length, 1);
});
