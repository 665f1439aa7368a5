// Content script entry: finds composers, runs one EditorSession per editor,
// gates Post, reads the AI-training toggle on its settings page.
//
// Runs at document_start so that the publish gate's capture listeners on
// `window` are registered before any of LinkedIn's own (a page listener in
// capture phase on window would otherwise run first). Everything else waits
// for the DOM.

import { api } from '../lib/browser.js';
import { findEditors } from '../lib/selectors.js';
import { PORT_NAME, C2B, B2C, UI2C, STORAGE, BUILT_IN_SITES, domainScope } from '../messages.js';
import { EditorSession } from './session.js';
import { Painter } from './highlights.js';
import { UI_CSS } from './ui-style.js';
import { perf } from './perf.js';
import * as publishGate from './features/publish-gate.js';
import * as aiSettingFeature from './features/ai-setting.js';
import { migrateIgnored } from '../lib/ignored.js';
import { normalizePolicy, readManaged } from '../lib/policy.js';

const hostname = location.hostname;
const sessions = new Map(); // editor element → EditorSession
let hostStatus = { state: 'connecting' };
let ignoredAlways = new Set();
let aiSetting = null;
let managed = {}; // storage.managed: the organisation's policy
let lastSites = {};
let enabled = false;
let port = null;
let shadow = null;
let liveRegion = null;
let painter = null;
let featureAbort = null;
let scanQueued = false;

// ---- background port --------------------------------------------------------

function send(msg) {
  if (!port) {
    port = api.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener(onBackgroundMessage);
    // The service worker restarted or the extension was reloaded: reconnect
    // lazily on the next message and re-send whatever is unanswered.
    port.onDisconnect.addListener(() => {
      port = null;
      if (!enabled) return;
      setTimeout(() => {
        for (const s of sessions.values()) if (s.scheduler.pending) s.scheduler.reanalyze();
      }, 100);
    });
  }
  try {
    port.postMessage(msg);
  } catch {
    port = null;
  }
}

function onBackgroundMessage(msg) {
  if (msg.type === B2C.RESULT) {
    for (const s of sessions.values()) if (s.id === msg.editor) s.onResult(msg);
  } else if (msg.type === B2C.HOST_STATUS) {
    hostStatus = msg.status;
    for (const s of sessions.values()) s.onHostStatus(hostStatus);
  } else if (msg.type === B2C.REANALYZE) {
    for (const s of sessions.values()) s.refresh();
  }
}

// ---- shared UI root (a shadow root outside the editor) ----------------------

function uiRoot() {
  if (shadow) return shadow;
  const hostEl = document.createElement('draftguard-ui');
  hostEl.setAttribute('data-draftguard', '');
  shadow = hostEl.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UI_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts cannot adopt a sheet from their own compartment.
    const style = document.createElement('style');
    style.textContent = UI_CSS;
    shadow.append(style);
  }
  liveRegion = document.createElement('div');
  liveRegion.className = 'sr';
  liveRegion.setAttribute('role', 'status');
  liveRegion.setAttribute('aria-live', 'polite');
  shadow.append(liveRegion);
  (document.body || document.documentElement).append(hostEl);
  return shadow;
}

function announce(text) {
  uiRoot();
  liveRegion.textContent = '';
  // A fresh text node is announced even when the words repeat.
  setTimeout(() => {
    liveRegion.textContent = text;
  }, 30);
}

const ctx = {
  send,
  uiRoot,
  announce,
  domain: domainScope(hostname),
  hostStatus: () => hostStatus,
  ignoredAlways: () => ignoredAlways,
  get painter() {
    return painter;
  },
  /** entry: from ignoreEntry() (src/lib/ignored.js) — the host's hash, never the text. */
  async ignoreAlways(entry) {
    ignoredAlways.add(entry.key);
    const stored = migrateIgnored((await api.storage.local.get(STORAGE.IGNORED))[STORAGE.IGNORED]);
    if (!stored.some((x) => x.key === entry.key)) stored.push(entry);
    await api.storage.local.set({ [STORAGE.IGNORED]: stored });
  },
};

// ---- editor discovery -------------------------------------------------------

function scan() {
  scanQueued = false;
  if (!enabled) return;
  // A single-page app may rebuild <body>: put our UI host back if it was dropped.
  if (shadow && !shadow.host.isConnected) (document.body || document.documentElement).append(shadow.host);
  for (const { element, kind } of findEditors(document)) {
    if (!sessions.has(element)) sessions.set(element, new EditorSession({ element, kind, ctx }));
  }
  for (const [element, s] of sessions) {
    if (!element.isConnected) {
      s.dispose();
      sessions.delete(element);
      send({ type: C2B.EDITOR_GONE, editor: s.id });
    }
  }
}

function queueScan() {
  if (scanQueued) return;
  scanQueued = true;
  requestAnimationFrame(scan);
}

function startFeatures() {
  featureAbort = new AbortController();
  const { signal } = featureAbort;
  painter = painter || new Painter({ overlayRoot: uiRoot });
  // Composers appear and vanish without page loads: watch for added and
  // removed elements, but only queue a scan (once a frame); typing in an
  // editor also mutates the DOM and must stay cheap.
  const mo = new MutationObserver((records) => {
    const t0 = performance.now();
    for (const r of records) {
      if (r.addedNodes.length || r.removedNodes.length) {
        for (const n of r.addedNodes) if (n.nodeType === 1) return finish(queueScan());
        for (const n of r.removedNodes) if (n.nodeType === 1) return finish(queueScan());
      }
    }
    finish();
    function finish() {
      perf.work(performance.now() - t0);
    }
  });
  mo.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => mo.disconnect());
  perf.install(signal);
  scan();
  if (location.pathname.startsWith(aiSettingFeature.PATH)) aiSettingFeature.init(signal, { send });
}

function stopFeatures() {
  featureAbort?.abort();
  featureAbort = null;
  for (const s of sessions.values()) s.dispose();
  sessions.clear();
}

// The gate is registered now, at document_start, for the page's lifetime; it
// does nothing while the site is switched off or has no guarded editor.
publishGate.init(new AbortController().signal, {
  sessions,
  enabled: () => enabled,
  hostStatus: () => hostStatus,
  aiSetting: () => aiSetting,
  policy,
  uiRoot,
});

// ---- popup queries ------------------------------------------------------------

api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (!msg || msg.type !== UI2C.COUNTS) return false;
  const totals = { editors: 0, high: 0, medium: 0, low: 0, enabled, state: null };
  for (const s of sessions.values()) {
    if (!s.editor.isConnected) continue;
    totals.editors += 1;
    const c = s.counts();
    totals.high += c.high;
    totals.medium += c.medium;
    totals.low += c.low;
    totals.state = s.state;
  }
  sendResponse(totals);
  return false;
});

// ---- settings from storage ----------------------------------------------------

/** The policy in force: storage.managed, plus what the host reports enforcing. */
function policy() {
  return normalizePolicy(managed, hostStatus.org);
}

function siteEnabled(sites) {
  // The organisation forbids switching DraftGuard off: a stored "off" is void.
  if (!policy().allowSiteSwitchOff && BUILT_IN_SITES.includes(hostname)) return true;
  const v = sites && sites[hostname];
  return v === undefined ? BUILT_IN_SITES.includes(hostname) : v === true;
}

function applyStorage(items) {
  if (STORAGE.IGNORED in items) {
    ignoredAlways = new Set(migrateIgnored(items[STORAGE.IGNORED]).map((x) => x.key));
    for (const s of sessions.values()) s.refilter();
  }
  if (STORAGE.AI_SETTING in items) aiSetting = items[STORAGE.AI_SETTING] || null;
  if (STORAGE.SITES in items) {
    lastSites = items[STORAGE.SITES] || {};
    const on = siteEnabled(lastSites);
    if (on !== enabled) {
      enabled = on;
      if (on) whenReady(startFeatures);
      else stopFeatures();
    }
  }
}

function whenReady(fn) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') {
    readManaged(api).then((m) => {
      managed = m;
      applyStorage({ [STORAGE.SITES]: lastSites });
    });
    return;
  }
  if (area !== 'local') return;
  const items = {};
  for (const [k, v] of Object.entries(changes)) items[k] = v.newValue;
  if (STORAGE.IGNORED in items && !items[STORAGE.IGNORED]) items[STORAGE.IGNORED] = []; // key removed
  applyStorage(items);
  if (STORAGE.IGNORED in changes && changes[STORAGE.IGNORED].newValue?.length < (changes[STORAGE.IGNORED].oldValue?.length ?? 0)) {
    // An ignore was removed in the options page: findings may come back.
    for (const s of sessions.values()) s.refresh();
  }
});

// The policy first: it decides whether a stored "site off" counts.
readManaged(api).then((m) => {
  managed = m;
  return api.storage.local.get([STORAGE.SITES, STORAGE.IGNORED, STORAGE.AI_SETTING]);
}).then((items) => {
  applyStorage({ [STORAGE.SITES]: items[STORAGE.SITES] || {}, [STORAGE.IGNORED]: items[STORAGE.IGNORED] || [], [STORAGE.AI_SETTING]: items[STORAGE.AI_SETTING] || null });
});
