// End-to-end flows in real Chromium (Debian's chromium via playwright-core),
// with the built extension and the REAL draftguard host, on the fixture
// pages served as https://www.linkedin.com. Screenshots for the README are
// written to extension/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  EXTENSION_ROOT, CHROMIUM_ID, AI_URL, ensureBuilt, hostProblem, launchChromium, startFixtureServer,
  chip, chipState, waitChip, waitHighlight, highlightTexts, putList, sleep,
} from './harness.mjs';

const LEAK = 'Confidential: Project Falcon revenue grew 37% to €1.2M';
const EDITOR = '.ql-editor[contenteditable="true"]';
const SHOTS = path.join(EXTENSION_ROOT, 'screenshots');
const problem = hostProblem();
// Under ctest a missing host is a failure, not a skip.
if (problem && process.env.DG_REQUIRE_HOST === '1') throw new Error(problem);

let server;
let browser;

before(async () => {
  if (problem) return;
  ensureBuilt();
  server = await startFixtureServer();
  browser = await launchChromium({ server });
  const reply = await putList(browser.ctx, { name: 'codenames', terms: ['Falcon'] });
  assert.equal(reply.type, 'ok', `lists.put through the extension: ${JSON.stringify(reply)}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openFeed() {
  const page = await browser.ctx.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.locator(EDITOR).first().click();
  await waitChip(page, ['idle', 'clean']);
  return page;
}

async function posted(page) {
  return page.evaluate(() => window.__posted.slice());
}

test('the real host answers hello through the extension', { skip: problem || false }, async () => {
  const page = await browser.ctx.newPage();
  await page.goto(`chrome-extension://${CHROMIUM_ID}/popup/popup.html`);
  await page.waitForFunction(() => document.getElementById('host-state').dataset.state === 'connected', null, { timeout: 10000 });
  const text = await page.locator('#host-state').innerText();
  assert.match(text, /Connected — version \d/);
  // "Audit my past posts": the entry, its two steps, the data-download link and the command.
  await page.locator('#audit summary').click();
  assert.equal((await page.locator('#audit-title').textContent()).trim(), 'Audit my past posts');
  assert.equal(await page.locator('#audit-link').getAttribute('href'), 'https://www.linkedin.com/mypreferences/d/download-my-data');
  assert.ok(await page.locator('#audit-link').isVisible());
  assert.equal(await page.locator('#audit ol > li').count(), 2);
  assert.equal(await page.locator('#audit-command').innerText(), 'draftguard audit ~/Downloads/Basic_LinkedInDataExport_….zip');
  assert.equal((await page.locator('#audit-copy').textContent()).trim(), 'Copy command');
  await page.locator('#audit-copy').click();
  await page.waitForFunction(() => document.getElementById('audit-copied').textContent === 'Copied.', null, { timeout: 5000 });
  await page.close();
});

test('typing a leaking draft shows highlights and the chip count', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type(LEAK, { delay: 15 });
  const s = await waitChip(page, 'warnings');
  assert.match(s.text, /^\d+ warnings?$/);
  assert.equal(s.trigger, 'typing');
  const high = await highlightTexts(page, 'draftguard-high');
  const all = [...(high || []), ...((await highlightTexts(page, 'draftguard-medium')) || []), ...((await highlightTexts(page, 'draftguard-low')) || [])];
  assert.ok(all.includes('Falcon'), `Falcon highlighted (got ${JSON.stringify(all)})`);
  assert.ok(high.length >= 1, 'a high-severity highlight');
  // The editor's DOM is untouched: still exactly one paragraph of plain text.
  const html = await page.locator(EDITOR).first().evaluate((e) => e.innerHTML);
  assert.equal(html, `<p>${LEAK}</p>`);
  const n = Number(s.text.match(/\d+/)[0]);
  assert.equal(n, all.length);
  // Hover on a highlight shows its card; screenshot for the README.
  const box = await page.evaluate(() => {
    const r = [...CSS.highlights.get('draftguard-high')][0].getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.locator('draftguard-ui .card:not([hidden])').waitFor({ timeout: 3000 });
  await sleep(100);
  await page.screenshot({ path: path.join(SHOTS, 'composer-warnings.png'), clip: { x: 230, y: 40, width: 640, height: 330 } });
  await page.close();
});

test('paste is checked at once', { skip: problem || false }, async () => {
  const page = await openFeed();
  await browser.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  await page.evaluate((t) => navigator.clipboard.writeText(t), LEAK);
  await page.keyboard.press('Control+V');
  const s = await waitChip(page, 'warnings');
  assert.equal(s.trigger, 'paste', 'the analysis was started by the paste, not by the debounce');
  await page.close();
});

test('Apply replaces the span through the editor and removes the finding', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  const before = (await chipState(page)).text;
  await chip(page).click();
  const apply = page.locator('draftguard-ui .panel [data-action="apply"]').first();
  assert.equal(await apply.count(), 1, 'a finding offers a quoted safer wording');
  const finding = apply.locator('xpath=ancestor::div[contains(@class,"finding")]');
  const quote = (await finding.locator('.quote').innerText()).slice(1, -1);
  const wording = (await apply.innerText()).match(/“(.+)”/)[1];
  await apply.click();
  await page.waitForFunction((q) => !document.querySelector('.ql-editor').innerText.includes(q), quote, { timeout: 3000 });
  const text = await page.locator(EDITOR).first().innerText();
  assert.equal(text, LEAK.replace(quote, wording));
  const after = await waitChip(page, ['warnings', 'clean']);
  assert.notEqual(after.text, before, 'one finding fewer');
  // Undo works: it was the editor's own edit.
  await page.keyboard.press('Control+Z');
  await page.waitForFunction((q) => document.querySelector('.ql-editor').innerText.includes(q), quote, { timeout: 3000 });
  // Remove: the label and its colon go, the rest stays.
  await waitChip(page, 'warnings');
  if ((await chip(page).getAttribute('aria-expanded')) !== 'true') await chip(page).click();
  const label = page.locator('draftguard-ui .panel .finding[data-severity="high"]').filter({ hasText: '“Confidential' }).locator('[data-action="remove"]');
  await label.click();
  await page.waitForFunction(() => document.querySelector('.ql-editor').innerText.startsWith('Project Falcon'), null, { timeout: 3000 });
  assert.equal(await page.locator(EDITOR).first().innerText(), LEAK.replace('Confidential: ', ''));
  await page.close();
});

test('Post with a high finding is stopped; Post anyway goes through exactly once', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  await page.locator('button.share-actions__primary-action').click();
  const dialog = page.locator('draftguard-ui .dialog');
  await dialog.waitFor({ timeout: 3000 });
  assert.deepEqual(await posted(page), []);
  assert.equal(await dialog.locator('[data-role="ai-reminder"] a').getAttribute('href'), AI_URL);
  await page.screenshot({ path: path.join(SHOTS, 'review-dialog.png') });
  // Edit: closes the dialog, nothing posted.
  await dialog.locator('[data-action="edit"]').click();
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(await posted(page), []);
  // Keyboard: Enter on the focused Post button is gated too.
  await page.locator('button.share-actions__primary-action').focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ timeout: 3000 });
  assert.deepEqual(await posted(page), []);
  await dialog.locator('[data-action="post-anyway"]').click();
  await page.waitForFunction(() => window.__posted.length === 1);
  assert.deepEqual(await posted(page), [LEAK]);
  // Once only: a new composer with the same leak is stopped again.
  await page.locator('.share-box-feed-entry__trigger').click();
  await page.locator('[role="dialog"] .ql-editor').click();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  await page.locator('button.share-actions__primary-action').click();
  await dialog.waitFor({ timeout: 3000 });
  assert.equal((await posted(page)).length, 1);
  await page.close();
});

test('Post pressed before the debounce is checked first, then stopped', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type(LEAK, { delay: 0 });
  await page.locator('button.share-actions__primary-action').click(); // no wait for the chip
  await page.locator('draftguard-ui .dialog').waitFor({ timeout: 3000 });
  assert.deepEqual(await posted(page), []);
  await page.close();
});

test('a clean draft posts untouched', { skip: problem || false }, async () => {
  const page = await openFeed();
  const clean = 'Great to meet so many of you at the meetup last night — thanks for coming! 🎉';
  await page.keyboard.type(clean);
  const s = await waitChip(page, 'clean');
  assert.equal(s.text, 'No leaks found');
  await page.locator('button.share-actions__primary-action').click();
  await page.waitForFunction(() => window.__posted.length === 1);
  assert.deepEqual(await posted(page), [clean]);
  await page.close();
});

test('newer composer, comment and reply boxes, article editor are guarded; messages are not', { skip: problem || false }, async () => {
  const page = await browser.ctx.newPage();
  await page.goto('https://www.linkedin.com/sharing/compose/');
  await page.locator('[role="textbox"][aria-placeholder^="Share"]').click();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  assert.ok((await highlightTexts(page, 'draftguard-high')).length >= 1);
  await page.locator('[role="dialog"] button', { hasText: 'Post' }).click();
  await page.locator('draftguard-ui .dialog').waitFor({ timeout: 3000 });
  await page.goto('https://www.linkedin.com/feed/update/urn:li:activity:1/');
  await page.waitForFunction(() => document.querySelector('draftguard-ui')?.shadowRoot.querySelectorAll('.chip').length === 2);
  const kinds = await page.evaluate(() => [...document.querySelector('draftguard-ui').shadowRoot.querySelectorAll('[data-kind]')].map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['comment', 'comment']);
  await page.locator('.comments-comment-box .ql-editor').click();
  await page.keyboard.type('Falcon ships next week');
  await waitChip(page, 'warnings', { n: 0 });
  await page.locator('.comments-comment-box__submit-button').click();
  await page.locator('draftguard-ui .dialog').waitFor({ timeout: 3000 });
  await page.goto('https://www.linkedin.com/article/new/');
  await page.locator('.ProseMirror').click();
  await page.keyboard.type('Internal only: Falcon');
  await waitChip(page, 'warnings');
  await page.close();
});

test('the popup opt-out button opens the setting; its state is read from the page', { skip: problem || false }, async () => {
  const popup = await browser.ctx.newPage();
  await popup.goto(`chrome-extension://${CHROMIUM_ID}/popup/popup.html`);
  assert.equal(await popup.locator('#ai-state').getAttribute('data-state'), 'unknown');
  server.state.ai = 'on';
  const [settings] = await Promise.all([browser.ctx.waitForEvent('page'), popup.locator('#ai-open').click()]);
  await settings.waitForLoadState();
  assert.equal(settings.url(), AI_URL);
  const stored = async () => browser.worker.evaluate(() => chrome.storage.local.get('aiSetting').then((r) => r.aiSetting || null));
  for (let i = 0; i < 50 && !(await stored()); i++) await sleep(100);
  assert.equal((await stored()).trainingOn, true);
  // The user turns it off on LinkedIn: the page's toggle is read again.
  await settings.locator('#data-for-ai-improvement-toggle').click();
  for (let i = 0; i < 50 && (await stored()).trainingOn; i++) await sleep(100);
  assert.equal((await stored()).trainingOn, false);
  // A fresh load of the page with the setting off.
  server.state.ai = 'off';
  await settings.reload();
  await sleep(500);
  assert.equal((await stored()).trainingOn, false);
  assert.ok(!Number.isNaN(Date.parse((await stored()).checkedAt)));
  const popup2 = await browser.ctx.newPage();
  await popup2.goto(`chrome-extension://${CHROMIUM_ID}/popup/popup.html`);
  await popup2.waitForFunction(() => document.getElementById('ai-state').dataset.state === 'off');
  assert.match(await popup2.locator('#ai-state').innerText(), /^Off \(checked /);
  await popup2.waitForFunction(() => document.getElementById('host-state').dataset.state === 'connected');
  await popup2.locator('body').screenshot({ path: path.join(SHOTS, 'popup.png') });
  // The review dialog no longer nags.
  const page = await openFeed();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  await page.locator('button.share-actions__primary-action').click();
  await page.locator('draftguard-ui .dialog').waitFor({ timeout: 3000 });
  assert.equal(await page.locator('draftguard-ui [data-role="ai-reminder"]').count(), 0);
  for (const p of [page, popup, popup2, settings]) await p.close();
});

test('a list edited in the options page changes the next analysis', { skip: problem || false }, async () => {
  const page = await openFeed();
  const draft = 'Lunch with the Globex team today';
  await page.keyboard.type(draft);
  await waitChip(page, 'clean');
  const options = await browser.ctx.newPage();
  await options.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  await options.locator('#scope').selectOption('linkedin.com');
  await options.locator('#list-name').fill('clients');
  await options.locator('#list-terms').fill('Globex\nInitech, Umbrella');
  await options.locator('#list-severity').selectOption('high');
  await options.locator('#add-list button[type="submit"]').click();
  await options.locator('.list[data-list="clients"]').waitFor({ timeout: 5000 });
  assert.match(await options.locator('#banner').innerText(), /saved/);
  // The open composer is re-analysed by itself (lists changed)...
  await page.bringToFront();
  const s = await waitChip(page, 'warnings');
  assert.equal(s.trigger, 'refresh');
  assert.deepEqual(await highlightTexts(page, 'draftguard-high'), ['Globex']);
  await options.screenshot({ path: path.join(SHOTS, 'options-lists.png'), fullPage: false });
  await options.close();
  await page.close();
});

test('with the host removed the chip says not checked and Post is not blocked (French UI)', { skip: problem || false }, async () => {
  assert.ok(existsSync('/usr/lib/chromium/locales/fr.pak'), 'Chromium has no French UI here: install Debian package chromium-l10n');
  const nohost = await launchChromium({ server, host: null, lang: 'fr-FR' });
  try {
    const page = await nohost.ctx.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await page.locator(EDITOR).first().click();
    await page.keyboard.type(LEAK);
    const s = await waitChip(page, 'unavailable');
    assert.equal(s.text, 'Non vérifié');
    await page.locator('button.share-actions__primary-action').click();
    await page.waitForFunction(() => window.__posted.length === 1, null, { timeout: 3000 });
    assert.equal(await page.locator('draftguard-ui .dialog').count(), 0);
    const popup = await nohost.ctx.newPage();
    await popup.goto(`chrome-extension://${CHROMIUM_ID}/popup/popup.html`);
    await popup.waitForFunction(() => document.getElementById('host-state').dataset.state === 'unavailable');
    assert.match(await popup.locator('#host-command').innerText(), /^draftguard install --browser chromium --user$/);
    assert.match(await popup.locator('#host-state').innerText(), /n'est pas installé/);
    assert.equal(await popup.locator('#ai-open').innerText(), "Désactiver l'entraînement de l'IA sur LinkedIn");
  } finally {
    await nohost.close();
  }
});

test('the host restarting (service worker stopped) loses nothing: the draft is re-sent', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type('Draft about Falcon');
  await waitChip(page, 'warnings');
  const cdp = await browser.ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await sleep(300);
  await page.keyboard.type(' and Confidential numbers');
  // A new service worker, a new host process: the draft typed meanwhile is analysed.
  await waitHighlight(page, 'draftguard-high', 'Confidential');
  const s = await waitChip(page, 'warnings');
  assert.match(s.text, /warnings/);
  await page.close();
});

test('keyboard: the caret in a highlight shows its card; Alt+Enter reaches its buttons', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type('We met Falcon today');
  await waitChip(page, 'warnings');
  await page.keyboard.press('Home');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight'); // inside "Falcon"
  await page.locator('draftguard-ui .card:not([hidden])').waitFor({ timeout: 3000 });
  await page.keyboard.press('Alt+Enter');
  const focused = await page.evaluate(() => document.querySelector('draftguard-ui').shadowRoot.activeElement?.dataset.action);
  assert.ok(['apply', 'remove'].includes(focused), `focus in the card: ${focused}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('draftguard-ui .card:not([hidden])').count(), 0);
  const live = await page.evaluate(() => document.querySelector('draftguard-ui').shadowRoot.querySelector('[aria-live]').textContent);
  assert.match(live, /warning/);
  await page.close();
});

test('Ignore always hides a finding everywhere; the options page can bring it back', { skip: problem || false }, async () => {
  // Every wait below is on a state (storage, chip revision, highlights), never on time.
  const storedIgnores = () => browser.worker.evaluate(() => chrome.storage.local.get('ignored').then((r) => r.ignored || []));
  // An entry an older version wrote (with the matched text) is dropped when the background starts.
  await browser.worker.evaluate(() => chrome.storage.local.set({ ignored: [{ key: 'list.codenames\u0000falcon', rule: 'list.codenames', category: 'keyword', text: 'Falcon', domain: 'linkedin.com', addedAt: '2026-01-01T00:00:00.000Z' }] }));
  const page = await openFeed();
  await page.keyboard.type('Falcon is coming');
  await waitChip(page, 'warnings');
  await waitHighlight(page, 'draftguard-high', 'Falcon');
  await chip(page).click();
  const always = page.locator('draftguard-ui .panel .finding[data-rule="list.codenames"] [data-action="ignore-always"]');
  await always.waitFor();
  await always.click();
  await page.waitForFunction(() => ![...(CSS.highlights.get('draftguard-high') || [])].some((r) => r.toString() === 'Falcon'), null, { polling: 20, timeout: 8000 });
  // Stored: the host's hash, the rule and category; never the words (and the old text entry is gone).
  let stored = [];
  for (let i = 0; i < 200; i++) {
    stored = await storedIgnores();
    if (stored.length === 1 && /^[0-9a-f]{64}$/.test(stored[0].key)) break;
    await sleep(25); // polling a state (storage), bounded by the loop
  }
  assert.equal(stored.length, 1, `one hashed entry: ${JSON.stringify(stored)}`);
  assert.match(stored[0].key, /^[0-9a-f]{64}$/);
  assert.equal(stored[0].rule, 'list.codenames');
  assert.equal(stored[0].category, 'keyword');
  assert.ok(!/falcon/i.test(JSON.stringify(stored)), `no matched text in storage.local: ${JSON.stringify(stored)}`);
  const options = await browser.ctx.newPage();
  await options.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  const item = options.locator('#ignored li[data-rule="list.codenames"]');
  await item.waitFor();
  const shown = await item.innerText();
  assert.match(shown, /On your list \(list\.codenames\) · linkedin\.com · since /);
  assert.ok(!/falcon/i.test(shown), `the options page shows no text: ${shown}`);
  // Another composer does not warn about it either: wait for the answer to the
  // full draft (the chip's revision settles on a result), then read highlights.
  const other = await openFeed();
  await other.keyboard.type('Falcon again');
  await other.waitForFunction(() => {
    const c = document.querySelector('draftguard-ui').shadowRoot.querySelector('.chip');
    return c.dataset.trigger === 'typing' && c.dataset.state === 'clean';
  }, null, { timeout: 10000, polling: 20 });
  assert.ok(!((await highlightTexts(other, 'draftguard-high')) || []).includes('Falcon'));
  await item.locator('button').click();
  await options.locator('#ignored li[data-rule="list.codenames"]').waitFor({ state: 'detached' });
  assert.deepEqual(await storedIgnores(), []);
  try {
    await waitHighlight(other, 'draftguard-high', 'Falcon', 15000);
  } catch (e) {
    throw new Error(`Falcon not back: chip ${JSON.stringify(await chipState(other))}, storage ${JSON.stringify(await storedIgnores())}: ${e.message}`);
  }
  for (const p of [page, options, other]) await p.close();
});

test('options: conflicts with another browser, CSV import and export', { skip: problem || false }, async () => {
  const options = await browser.ctx.newPage();
  await options.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  await options.locator('.list[data-list="codenames"]').waitFor();
  // "Another browser" commits a change: this page's revision is now stale.
  assert.equal((await putList(browser.ctx, { name: 'partners', terms: ['Hooli'] })).type, 'ok');
  const codenames = options.locator('.list[data-list="codenames"]');
  await codenames.locator('textarea').fill('Osprey, Kestrel');
  await codenames.locator('button[type="submit"]').click();
  await options.locator('#banner', { hasText: 'Another browser changed these lists' }).waitFor();
  await options.locator('.list[data-list="partners"]').waitFor(); // the other browser's version is shown
  await options.locator('#banner button').click(); // apply my change again
  await options.locator('#banner', { hasText: 'saved' }).waitFor();
  await options.locator('.list[data-list="codenames"]', { hasText: 'Kestrel' }).waitFor({ timeout: 5000 });
  // Import CSV.
  await options.locator('#import').setInputFiles({ name: 'lists.csv', mimeType: 'text/csv', buffer: Buffer.from('domain,name,category,severity,term\r\nlinkedin.com,rivals,competitor,medium,Globex Corp\r\n') });
  await options.locator('.list[data-list="rivals"]').waitFor({ timeout: 5000 });
  // Export CSV (all chunks).
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#export-csv').click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const csv = Buffer.concat(chunks).toString('utf8');
  assert.match(csv, /^domain,name,category,severity,term/);
  assert.match(csv, /Kestrel/);
  assert.match(csv, /Globex Corp/);
  await options.close();
});

test('overlay fallback (no Highlight API): boxes drawn outside the editor, editor DOM untouched', { skip: problem || false }, async () => {
  const page = await browser.ctx.newPage();
  await page.goto('https://www.linkedin.com/feed/?overlay=1');
  await page.locator(EDITOR).first().click();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  const marks = page.locator('draftguard-ui .overlay .mark.high');
  await marks.first().waitFor({ state: 'attached', timeout: 3000 });
  assert.ok((await marks.count()) >= 2);
  assert.equal(await page.evaluate(() => CSS.highlights.get('draftguard-high')), undefined, 'no custom highlight registered');
  assert.equal(await page.locator(EDITOR).first().evaluate((e) => e.innerHTML), `<p>${LEAK}</p>`);
  // The boxes sit on the words they mark.
  const [box, word] = await page.evaluate(() => {
    const m = document.querySelector('draftguard-ui').shadowRoot.querySelector('.overlay .mark.high').getBoundingClientRect();
    const ed = document.querySelector('.ql-editor');
    const r = document.createRange();
    r.setStart(ed.firstChild.firstChild, 0);
    r.setEnd(ed.firstChild.firstChild, 12);
    const w = r.getBoundingClientRect();
    return [[m.left, m.top], [w.left, w.top]];
  });
  assert.ok(Math.abs(box[0] - word[0]) < 2 && Math.abs(box[1] - word[1]) < 2, `overlay at ${box}, word at ${word}`);
  await page.close();
});

test('switching the site off (the popup writes storage) tears the guard down; on again brings it back', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type(LEAK);
  await waitChip(page, 'warnings');
  await browser.worker.evaluate(() => chrome.storage.local.set({ sites: { 'www.linkedin.com': false } }));
  await page.waitForFunction(() => document.querySelector('draftguard-ui').shadowRoot.querySelectorAll('.chip').length === 0);
  assert.equal(await page.evaluate(() => CSS.highlights.get('draftguard-high').size), 0);
  await page.locator('button.share-actions__primary-action').click();
  await page.waitForFunction(() => window.__posted.length === 1); // not gated while off
  await browser.worker.evaluate(() => chrome.storage.local.set({ sites: { 'www.linkedin.com': true } }));
  await page.locator('.share-box-feed-entry__trigger').click();
  await page.locator('[role="dialog"] .ql-editor').click();
  await page.keyboard.type('Falcon');
  await waitHighlight(page, 'draftguard-high', 'Falcon');
  await page.close();
});

/** Pids of this test browser's host processes: the host binary, with this browser's XDG_CONFIG_HOME. */
function hostPids() {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!cmd[1] || !cmd[1].startsWith('chrome-extension://')) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.includes(`XDG_CONFIG_HOME=${browser.config}`)) pids.push(Number(pid));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

test('the host crashing (SIGKILL) is reconnected with backoff and the pending draft re-sent', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type('Draft about Falcon');
  await waitHighlight(page, 'draftguard-high', 'Falcon');
  const before = hostPids();
  assert.equal(before.length, 1, `one host for this browser: ${before}`);
  process.kill(before[0], 'SIGKILL');
  await page.keyboard.type(' with Confidential numbers');
  await waitHighlight(page, 'draftguard-high', 'Confidential', 15000);
  const after = hostPids();
  assert.equal(after.length, 1);
  assert.notEqual(after[0], before[0], 'a new host process');
  await page.close();
});

test('a late answer shows Checking… until it arrives', { skip: problem || false }, async () => {
  const page = await openFeed();
  await page.keyboard.type('Draft about Falcon');
  await waitHighlight(page, 'draftguard-high', 'Falcon');
  const [pid] = hostPids();
  assert.ok(pid, 'the host of this browser');
  // A stopped host keeps the request in its pipe: the answer is late, not lost
  // (continued well before the background's 4 s timeout).
  process.kill(pid, 'SIGSTOP');
  try {
    await page.keyboard.type(' with Confidential numbers');
    const s = await waitChip(page, 'checking', { timeout: 3000 });
    assert.equal(s.text, 'Checking…');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await waitHighlight(page, 'draftguard-high', 'Confidential');
  await waitChip(page, 'warnings');
  await page.close();
});

test('two tabs analysing at once both get their answers', { skip: problem || false }, async () => {
  // Every tab numbers its editors from the same start; the host drops an
  // analysis when a newer one for the same editor is queued behind it.
  const a = await openFeed();
  const b = await openFeed();
  const [pid] = hostPids();
  assert.ok(pid, 'the host of this browser');
  // Stopped, the host finds both requests queued when it resumes.
  process.kill(pid, 'SIGSTOP');
  try {
    await a.keyboard.type('Falcon in tab A');
    await b.keyboard.type('Falcon in tab B');
    await waitChip(a, 'checking', { timeout: 3000 });
    await waitChip(b, 'checking', { timeout: 3000 });
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await waitHighlight(a, 'draftguard-high', 'Falcon', 5000);
  await waitHighlight(b, 'draftguard-high', 'Falcon', 5000);
  await a.close();
  await b.close();
});

test('a restarted background drops "Ignore always" entries of older versions (they held the text)', { skip: problem || false }, async () => {
  const options = await browser.ctx.newPage();
  await options.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  const hashed = { key: 'ab'.repeat(32), rule: 'list.codenames', category: 'keyword', domain: 'linkedin.com', addedAt: '2026-11-28T10:00:00.000Z' };
  await options.evaluate((h) => chrome.storage.local.set({ ignored: [
    { key: 'list.codenames\u0000falcon', rule: 'list.codenames', category: 'keyword', text: 'Falcon', domain: 'linkedin.com', addedAt: '2026-01-01T00:00:00.000Z' }, h] }), hashed);
  const cdp = await browser.ctx.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Wake it (a message starts a new worker), then wait for the rewrite: a state, not a time.
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui2b/status' }));
  await options.waitForFunction(async () => {
    const { ignored } = await chrome.storage.local.get('ignored');
    return Array.isArray(ignored) && ignored.length === 1 && !('text' in ignored[0]);
  }, null, { timeout: 10000, polling: 50 });
  assert.deepEqual((await options.evaluate(() => chrome.storage.local.get('ignored'))).ignored, [hashed]);
  await options.evaluate(() => chrome.storage.local.remove('ignored'));
  await options.close();
});
