// Shared set-up of the end-to-end tests: the built extension, the REAL
// native host, Debian's Chromium driven by playwright-core, and the fixture
// server as https://www.linkedin.com.
//
// Isolation: every browser gets its own temporary user-data-dir; the host
// manifest goes into <user-data-dir>/NativeMessagingHosts/ (never the real
// user's), and the host runs with XDG_CONFIG_HOME in the same temporary
// folder, so its list store is the test's own.
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { startServer } from './server.mjs';

export const EXTENSION_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_ID = 'lgconcggklpljlcdkfejbfjbpbdhjgin';
export const FIREFOX_ID = 'draftguard@draftguard.app';
export const HOST_NAME = 'com.draftguard.host';
export const CHROMIUM_PATH = process.env.DG_CHROMIUM || '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.DG_FIREFOX || '/usr/bin/firefox-esr';
export const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

/** The host binary: $DG_HOST (ctest passes $<TARGET_FILE:draftguard>), else the repository's build/bin. */
export function hostPath() {
  const p = process.env.DG_HOST || path.resolve(EXTENSION_ROOT, '..', 'build', 'bin', 'draftguard');
  return path.resolve(p);
}

/** Why the real host cannot be used, or null. */
export function hostProblem() {
  const p = hostPath();
  try {
    accessSync(p, constants.X_OK);
  } catch {
    return `no executable host at ${p} (build it, or set DG_HOST)`;
  }
  return null;
}

/** Builds dist/ unless DG_SKIP_BUILD=1 (ctest builds once in a fixture). */
export function ensureBuilt() {
  if (process.env.DG_SKIP_BUILD === '1' && existsSync(path.join(EXTENSION_ROOT, 'dist', 'chromium', 'manifest.json'))) return;
  execFileSync(process.execPath, [path.join(EXTENSION_ROOT, 'build.mjs')], { stdio: 'ignore' });
}

export function tempDir(prefix) {
  const base = path.join(EXTENSION_ROOT, 'tests', 'e2e', '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, prefix));
}

/** Writes the Chromium host manifest into the profile. `host` null: no manifest (host "not installed"). */
export function installChromiumHostManifest(userDataDir, host) {
  const dir = path.join(userDataDir, 'NativeMessagingHosts');
  mkdirSync(dir, { recursive: true });
  if (host === null) return;
  writeFileSync(path.join(dir, `${HOST_NAME}.json`), JSON.stringify({
    name: HOST_NAME, description: 'DraftGuard native host (test)', path: host, type: 'stdio',
    allowed_origins: [`chrome-extension://${CHROMIUM_ID}/`],
  }, null, 2));
}

/**
 * Launches Chromium with the extension.
 * @param {{host?: string|null, server: {port: number}}} opts
 */
export async function launchChromium({ host = hostPath(), server, env = {}, lang = 'en-US' }) {
  const { chromium } = await import('playwright-core');
  const root = tempDir('chromium-');
  const userDataDir = path.join(root, 'profile');
  const config = path.join(root, 'config');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(config, { recursive: true });
  installChromiumHostManifest(userDataDir, host);
  const ext = path.join(EXTENSION_ROOT, 'dist', 'chromium');
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1100, height: 720 },
    locale: lang,
    // The host reads no real organisation policy or /etc/draftguard unless a
    // test says so (DRAFTGUARD_POLICY_PATHS empty: none).
    env: {
      ...process.env, XDG_CONFIG_HOME: config, LANGUAGE: lang.replace('-', '_'),
      DRAFTGUARD_POLICY_PATHS: '', DRAFTGUARD_SYSTEM_DIR: path.join(root, 'system'), ...env,
    },
    args: [
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
      `--host-resolver-rules=MAP www.linkedin.com:443 127.0.0.1:${server.port}`,
      '--ignore-certificate-errors', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-sandbox', '--disable-gpu',
      `--lang=${lang}`,
    ],
  });
  const worker = ctx.serviceWorkers()[0] || await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  return {
    ctx, worker, root, config,
    async close() {
      await ctx.close().catch(() => {});
      if (!process.env.DG_KEEP_TMP) rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function startFixtureServer(opts) {
  const dir = tempDir('server-');
  const server = await startServer(dir, opts);
  const close = server.close;
  server.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return server;
}

// ---- page helpers (Playwright's CSS engine pierces open shadow roots) ----------

export const chip = (page, n = 0) => page.locator('draftguard-ui .chip').nth(n);

export async function chipState(page, n = 0) {
  const c = chip(page, n);
  return { state: await c.getAttribute('data-state'), text: (await c.locator('.label').innerText()).trim(), trigger: await c.getAttribute('data-trigger') };
}

/** Waits until chip n is in one of `states`. */
export async function waitChip(page, states, { n = 0, timeout = 8000 } = {}) {
  const want = [].concat(states);
  await page.waitForFunction(([w, i]) => {
    const host = document.querySelector('draftguard-ui');
    const c = host && host.shadowRoot.querySelectorAll('.chip')[i];
    return c && w.includes(c.dataset.state);
  }, [want, n], { timeout, polling: 20 });
  return chipState(page, n);
}

/** The texts of the ranges in a CSS highlight, read from the page's HighlightRegistry. */
export function highlightTexts(page, name) {
  return page.evaluate((nm) => {
    const h = CSS.highlights.get(nm);
    return h ? [...h].map((r) => r.toString()) : null;
  }, name);
}

/** Adds a list through the extension's background (as the options page does). */
export async function putList(ctx, { domain = 'linkedin.com', name, category = 'keyword', severity = 'high', terms }) {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${CHROMIUM_ID}/options/options.html`);
  const reply = await page.evaluate(async (l) => {
    const get = await chrome.runtime.sendMessage({ type: 'ui2b/host-request', request: { type: 'lists.get' } });
    return chrome.runtime.sendMessage({ type: 'ui2b/host-request', request: { type: 'lists.put', ...l, base_revision: get.revision } });
  }, { domain, name, category, severity, terms });
  await page.close();
  return reply;
}

/** Waits until the highlight `name` holds a range whose text is `text`. */
export function waitHighlight(page, name, text, timeout = 10000) {
  return page.waitForFunction(([nm, tx]) => {
    const h = CSS.highlights.get(nm);
    return h && [...h].some((r) => r.toString() === tx);
  }, [name, text], { timeout, polling: 20 });
}

export async function editorText(page, selector) {
  return page.locator(selector).evaluate((e) => e.innerText);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function fileSize(p) {
  return statSync(p).size;
}
