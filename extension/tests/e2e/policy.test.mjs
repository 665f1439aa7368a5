// Enterprise policy end to end, in real Chromium (Debian's chromium via
// playwright-core) with the built extension and the REAL host:
// a managed policy file in /etc/chromium/policies/managed/ (the only place
// Chromium on Linux reads it from) pushes a keyword list and takes away
// "Post anyway". Chromium hands the policy to the extension as
// storage.managed (checked against managed_schema.json); the host reads the
// same file itself (DRAFTGUARD_POLICY_PATHS points it at this file only).
//
// Needs root to write under /etc; skipped with a message otherwise. The file
// is removed in after() and on process exit, even when a test fails.
// While it exists, every Chromium on this machine sees it: keep runs short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, writeFileSync, rmSync, rmdirSync, existsSync } from 'node:fs';
import {
  CHROMIUM_ID, ensureBuilt, hostProblem, launchChromium, startFixtureServer, waitChip, waitHighlight,
} from './harness.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, `draftguard-test-${process.pid}.json`);
const TERM = 'Zorblatt';
const EDITOR = '.ql-editor[contenteditable="true"]';

const hostMissing = hostProblem();
if (hostMissing && process.env.DG_REQUIRE_HOST === '1') throw new Error(hostMissing);
const notRoot = typeof process.getuid === 'function' && process.getuid() === 0
  ? null
  : `not root: cannot write a managed policy to ${POLICY_DIR} (run as root to test the enterprise policy)`;
const skip = hostMissing || notRoot || false;
if (notRoot) console.log(`# SKIP policy E2E: ${notRoot}`);

const POLICY = {
  '3rdparty': {
    extensions: {
      [CHROMIUM_ID]: {
        allowPostAnywayOnHigh: false,
        allowSiteSwitchOff: false,
        forcedCategories: ['pii'],
        lists: [{
          domain: '*', name: 'acme-clients', category: 'keyword', severity: 'high', terms: [TERM],
          message: 'A client name your organisation protects.', suggestion: 'a client',
        }],
      },
    },
  },
};

let server;
let browser;
let createdDirs = []; // folders this run made (removed again when empty)

function removePolicy() {
  try {
    rmSync(POLICY_FILE, { force: true });
  } catch {
    // nothing to remove
  }
  for (const d of createdDirs.splice(0)) {
    try {
      rmdirSync(d); // only if empty: another file there is not ours
    } catch {
      // not empty or gone
    }
  }
}
process.on('exit', removePolicy);

before(async () => {
  if (skip) return;
  ensureBuilt();
  server = await startFixtureServer();
  for (let d = POLICY_DIR; d !== '/etc/chromium' && !existsSync(d); d = path.dirname(d)) createdDirs.push(d); // deepest first
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify(POLICY, null, 2));
  try {
    browser = await launchChromium({ server, env: { DRAFTGUARD_POLICY_PATHS: POLICY_FILE } });
  } catch (e) {
    removePolicy();
    throw e;
  }
});

after(async () => {
  try {
    await browser?.close();
    await server?.close();
  } finally {
    removePolicy();
  }
});

async function managed() {
  return browser.worker.evaluate(() => chrome.storage.managed.get(null));
}

test('Chromium hands the policy to the extension (storage.managed, schema shipped)', { skip }, async () => {
  let m = {};
  for (let i = 0; i < 100 && m.allowPostAnywayOnHigh !== false; i++) {
    m = await managed();
    if (m.allowPostAnywayOnHigh !== false) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(m.allowPostAnywayOnHigh, false, `storage.managed: ${JSON.stringify(m)}`);
  assert.equal(m.lists?.[0]?.name, 'acme-clients');
  assert.ok(existsSync(POLICY_FILE));
});

test('the pushed list is enforced and "Post anyway" is gone', { skip }, async () => {
  const page = await browser.ctx.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.locator(EDITOR).first().click();
  await waitChip(page, ['idle', 'clean']);
  const draft = `Lunch with ${TERM} tomorrow`;
  await page.keyboard.type(draft);
  await waitHighlight(page, 'draftguard-high', TERM);
  await page.locator('button.share-actions__primary-action').click();
  const dialog = page.locator('draftguard-ui .dialog');
  await dialog.waitFor({ timeout: 5000 });
  assert.equal(await dialog.locator('[data-action="post-anyway"]').count(), 0, 'no Post anyway');
  assert.equal(await dialog.locator('[data-action="edit"]').count(), 1);
  assert.match(await dialog.locator('[data-role="managed-no-post-anyway"]').innerText(), /organisation/);
  assert.deepEqual(await page.evaluate(() => window.__posted.slice()), []);
  // Enter on Post and Ctrl+Enter in the editor are stopped the same way.
  await dialog.locator('[data-action="edit"]').click();
  await page.locator(EDITOR).first().focus();
  await page.keyboard.press('Control+Enter');
  await dialog.waitFor({ timeout: 5000 });
  assert.equal(await dialog.locator('[data-action="post-anyway"]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__posted.slice()), []);
  await page.close();
});

test('options: the managed list is shown read-only, its category is forced on', { skip }, async () => {
  const options = await browser.ctx.newPage();
  await options.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  const item = options.locator('#managed-lists li[data-list="acme-clients"]');
  await item.waitFor({ timeout: 10000 });
  assert.equal(await options.locator('#managed-lists button, #managed-lists input').count(), 0, 'nothing to edit');
  assert.ok(!(await options.locator('#managed-lists').innerText()).includes(TERM), 'terms are not shown');
  await options.waitForFunction(() => document.getElementById('cat-keyword').disabled, null, { timeout: 10000 });
  assert.equal(await options.locator('#cat-keyword').isChecked(), true);
  assert.equal(await options.locator('#cat-pii').isDisabled(), true, 'forcedCategories: pii');
  assert.equal(await options.locator('#cat-pii').isChecked(), true);
  assert.equal(await options.locator('#cat-strategy').isDisabled(), false);
  // allowSiteSwitchOff:false: no category switches at all, a note instead.
  await options.waitForFunction(() => document.getElementById('categories').hidden, null, { timeout: 10000 });
  assert.equal(await options.locator('#categories-managed').isVisible(), true);
  // The user cannot edit or delete it through the host either.
  const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui2b/host-request', request: { type: 'lists.delete', domain: '*', name: 'acme-clients', base_revision: 0 } }));
  assert.equal(reply.code, 'locked', JSON.stringify(reply));
  await options.close();
});

test('allowSiteSwitchOff:false: a stored "site off" does not switch the guard off', { skip }, async () => {
  await browser.worker.evaluate(() => chrome.storage.local.set({ sites: { 'www.linkedin.com': false } }));
  try {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await page.locator(EDITOR).first().click();
    await waitChip(page, ['idle', 'clean']);
    await page.keyboard.type(`Call ${TERM}`);
    await waitHighlight(page, 'draftguard-high', TERM);
    await page.close();
  } finally {
    await browser.worker.evaluate(() => chrome.storage.local.remove('sites'));
  }
});
