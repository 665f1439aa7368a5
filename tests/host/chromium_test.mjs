// An installed host started by real Chromium answers hello.
//
// usage: node chromium_test.mjs DRAFTGUARD NODE_MODULES_DIR
// A throwaway user-data-dir gets the manifest through
// `draftguard install --browser chromium --dir UDD/NativeMessagingHosts`; a
// minimal extension with the fixed public key (manifests/IDS.md, so its id
// is the one the manifest allows) calls chrome.runtime.sendNativeMessage
// from its service worker. Exit 77 (skipped) without chromium or playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [binary, nodeModules] = process.argv.slice(2).map((p) => resolve(p));
const chromiumPath = '/usr/lib/chromium/chromium';
if (!existsSync(chromiumPath) || !existsSync(join(nodeModules, 'playwright-core'))) {
  console.log('skipped: needs Debian chromium and playwright-core');
  process.exit(77);
}
const { chromium } = createRequire(join(nodeModules, 'x.js'))('playwright-core');

const KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsKlczivpS9cv9C/L80dEp6iCp82vYyGu5SQg05Yfe+Uh7mSZLCQaZz1BoMwl9WmI+N5peABTnWJuHP9zF5Owjc78P6ZT9kwk1l0PTtQx01pncOayUTcCFLaMHyP6ls55r9ck/q3R44jflo+M/9QvEkykQ1eTBKtR0cvow+mQVSei6H7PaWTJ983vUwXy/pP70VEd7ASfzSyQdsBgGr/FspSSwPXltuhGYWvUEBxi7DwcGWhjXIWTvxyYLn9DYPFeygkQJnfR+FE6Er9vvSdJ0CwVP7Nn5aPISgSrNcu0SFKEx3RgIchLjG0NWVYX6LVowGtzEfY4AOCpZ3Yn2MZkJQIDAQAB';

const root = mkdtempSync(join(tmpdir(), 'dg_chromium_test.'));
const udd = join(root, 'udd');
const ext = join(root, 'ext');
mkdirSync(ext, { recursive: true });
writeFileSync(join(ext, 'manifest.json'), JSON.stringify({
  manifest_version: 3, name: 'DraftGuard host test', version: '0.0.1', key: KEY,
  permissions: ['nativeMessaging'], background: { service_worker: 'sw.js' },
}));
writeFileSync(join(ext, 'sw.js'), '// empty: the test evaluates in the worker\n');
const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, 'config') };
execFileSync(binary, ['install', '--browser', 'chromium', '--dir', join(udd, 'NativeMessagingHosts')], { env, stdio: 'inherit' });

let ctx;
try {
  ctx = await chromium.launchPersistentContext(udd, {
    executablePath: chromiumPath, headless: true, env,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-sandbox', '--disable-gpu'],
  });
  const worker = ctx.serviceWorkers()[0] || await ctx.waitForEvent('serviceworker', { timeout: 30000 });
  if (!worker.url().startsWith('chrome-extension://lgconcggklpljlcdkfejbfjbpbdhjgin/')) throw new Error(`unexpected id ${worker.url()}`);
  const reply = await worker.evaluate(() => new Promise((done) => {
    chrome.runtime.sendNativeMessage('com.draftguard.host', { id: 1, type: 'hello', protocol: 1 },
      (r) => done(r ?? { error: chrome.runtime.lastError?.message }));
  }));
  if (reply?.type !== 'hello' || reply.id !== 1 || reply.protocol !== 1) throw new Error(`bad reply ${JSON.stringify(reply)}`);
  const analyzed = await worker.evaluate(() => new Promise((done) => {
    const port = chrome.runtime.connectNative('com.draftguard.host');
    port.onMessage.addListener((m) => { port.disconnect(); done(m); });
    port.onDisconnect.addListener(() => done({ error: chrome.runtime.lastError?.message }));
    port.postMessage({ id: 2, type: 'analyze', domain: 'www.linkedin.com', text: 'Confidential: do not share', revision: 1 });
  }));
  if (analyzed?.type !== 'result' || !analyzed.findings.length) throw new Error(`bad analyze ${JSON.stringify(analyzed)}`);
  console.log(`ok: Chromium started the host; hello ${JSON.stringify({ version: reply.version, rules: reply.rules, terms: reply.terms })}, ${analyzed.findings.length} finding(s)`);
} finally {
  await ctx?.close();
  rmSync(root, { recursive: true, force: true });
}
