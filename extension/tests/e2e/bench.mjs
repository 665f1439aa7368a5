// In-browser performance of the extension (a benchmark that prints figures,
// not a pass/fail test), in real Chromium with the REAL host and a
// 100 000-term keyword list stored:
//   1. end of debounce → highlights painted (the frame after the highlights
//      were set has been produced: requestAnimationFrame, then a task posted
//      from it), over many analyses of a ~3 000-character draft;
//   2. the content script's synchronous work per keystroke while typing into
//      that draft (input, selectionchange, mutation observer, chip placement).
// Both are measured inside the page by src/content/perf.js.
//   node tests/e2e/bench.mjs [--rounds N] [--keys N]
import { performance } from 'node:perf_hooks';
import {
  ensureBuilt, hostProblem, launchChromium, startFixtureServer, putList, waitChip, sleep,
} from './harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const ROUNDS = Number(args.rounds || 60);
const KEYS = Number(args.keys || 400);
const TERMS = Number(args.terms || 100000);

function pct(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const fmt = (x) => `${x.toFixed(3)} ms`;

/** Deterministic made-up terms ("Vorlax Quen", "Project Tessim 42"…), none of them in the draft. */
function makeTerms(n) {
  let seed = 42; // mulberry32
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const syl = ['vor', 'lax', 'quen', 'tess', 'im', 'zar', 'oph', 'kel', 'dru', 'nix', 'pal', 'ter', 'ys', 'gor', 'fen', 'wix'];
  const word = () => {
    let w = '';
    for (let i = 0, k = 2 + Math.floor(rnd() * 2); i < k; i++) w += syl[Math.floor(rnd() * syl.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const out = new Set();
  while (out.size < n) out.add(rnd() < 0.5 ? `${word()} ${word()}` : `Project ${word()} ${Math.floor(rnd() * 100)}`);
  return [...out];
}

function draft3000() {
  const para = 'Confidential: our Q3 campaign for Falcon lifted conversion by 37% and revenue grew to €1.2M. '
    + 'We are proud of the team and of what we learned about onboarding, pricing pages and follow-up emails. '
    + 'Thanks to everyone who made it happen; more soon on what comes next for our customers in Europe. ';
  let s = '';
  while (s.length < 3000) s += para;
  return s.slice(0, 3000);
}

async function perfSamples(page) {
  return page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('draftguard:perf', (e) => resolve(JSON.parse(e.detail)), { once: true });
    document.dispatchEvent(new CustomEvent('draftguard:perf-request', { detail: 'get' }));
  }));
}

async function main() {
  const problem = hostProblem();
  if (problem) {
    console.log(`bench: skipped: ${problem}`);
    return;
  }
  ensureBuilt();
  const server = await startFixtureServer();
  const browser = await launchChromium({ server });
  try {
    const terms = makeTerms(TERMS);
    const t0 = performance.now();
    const put = await putList(browser.ctx, { name: 'bench-100k', terms, severity: 'medium' });
    if (put.type !== 'ok') throw new Error(`lists.put of ${TERMS} terms: ${JSON.stringify(put)}`);
    await putList(browser.ctx, { name: 'codenames', terms: ['Falcon'] });
    console.log(`stored ${TERMS} terms through the extension in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const page = await browser.ctx.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    const ed = page.locator('.ql-editor[contenteditable="true"]').first();
    await ed.click();
    await page.keyboard.insertText(draft3000());
    await waitChip(page, 'warnings', { timeout: 20000 });
    const chars = await ed.evaluate((e) => e.textContent.length);

    // 1. debounce → painted: type a word, wait for its answer to be painted.
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('draftguard:perf-request', { detail: 'reset' })));
    // The wait is one call that the page answers when the sample lands:
    // polling through DevTools every few ms would load the browser and
    // renderer in the very window being measured.
    for (let i = 0; i < ROUNDS; i++) {
      const painted = page.evaluate(() => new Promise((resolve) => {
        document.addEventListener('draftguard:perf-painted', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 10000);
      }));
      await page.keyboard.type(i % 2 ? ' ok' : ' Falcon', { delay: 5 });
      if (!(await painted)) throw new Error(`round ${i}: no analysis painted in 10 s`);
    }
    const { paint, applied, host, stages } = await perfSamples(page);

    // 2. per-keystroke work while typing continuously into the ~3 000-char draft.
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('draftguard:perf-request', { detail: 'reset' })));
    const sentence = ' and we will share more about the results with the community next month';
    let typed = 0;
    while (typed < KEYS) {
      const chunk = sentence.slice(0, Math.min(sentence.length, KEYS - typed));
      await page.keyboard.type(chunk, { delay: 8 });
      typed += chunk.length;
    }
    await sleep(400);
    await page.keyboard.press('Shift'); // closes the last keystroke's sample
    const work = (await perfSamples(page)).work;

    console.log(`Chromium ${browser.ctx.browser()?.version() ?? ''}, host ${process.env.DG_HOST || 'build/bin/draftguard'}, draft ${chars} chars, list ${TERMS} terms`);
    console.log(`debounce end → highlights painted (n=${paint.length}): p50 ${fmt(pct(paint, 50))}  p95 ${fmt(pct(paint, 95))}  max ${fmt(Math.max(...paint))}`);
    console.log(`  of which debounce end → highlights set: p50 ${fmt(pct(applied, 50))}  p95 ${fmt(pct(applied, 95))}; host analyze (elapsed_us): p50 ${fmt(pct(host, 50))}  p95 ${fmt(pct(host, 95))}`);
    const frame = paint.map((p, i) => p - applied[i]);
    console.log(`  then highlights set → frame produced: p50 ${fmt(pct(frame, 50))}  p95 ${fmt(pct(frame, 95))}`);
    const col = (i) => stages.map((r) => r[i]);
    console.log(`  stages p50/p95: extract+send ${fmt(pct(col(0), 50))}/${fmt(pct(col(0), 95))}, content→host→content ${fmt(pct(col(1), 50))}/${fmt(pct(col(1), 95))}, map+paint setup ${fmt(pct(col(2), 50))}/${fmt(pct(col(2), 95))} (${pct(col(3), 50)} findings)`);
    console.log(`  round trip by hop p50/p95: content→background ${fmt(pct(col(4), 50))}/${fmt(pct(col(4), 95))}, background→host→background ${fmt(pct(col(5), 50))}/${fmt(pct(col(5), 95))}, background→content ${fmt(pct(col(6), 50))}/${fmt(pct(col(6), 95))}`);
    console.log(`content-script work per keystroke (n=${work.length}): p50 ${fmt(pct(work, 50))}  p95 ${fmt(pct(work, 95))}  max ${fmt(Math.max(...work))}`);
    console.log(`targets (issue 4): painted p95 <= 16 ms; per keystroke p95 <= 1 ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
