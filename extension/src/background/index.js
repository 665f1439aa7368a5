// Background (MV3 service worker on Chromium, background script on Firefox).
//
// Design decision: the background is a message table and owns the only
// connection to the native host. It keeps, per content-script editor, the
// newest draft that has no answer yet, so a draft typed while the host was
// down or restarting is re-sent as soon as the host is back: nothing typed is
// lost and the chip goes from "not checked" to a real answer by itself.

import { api } from '../lib/browser.js';
import { HostConnection } from './host.js';
import { PORT_NAME, C2B, B2C, UI2B, STORAGE } from '../messages.js';
import { REQUEST_TYPES, isSuperseded, request as build } from '../protocol.js';
import { migrateIgnored, needsMigration } from '../lib/ignored.js';

const ANALYZE_TIMEOUT_MS = 4000;
const LIST_TIMEOUT_MS = 15000;

const host = new HostConnection({
  connectNative: (name) => api.runtime.connectNative(name),
  lastError: () => api.runtime.lastError,
});

/** Content ports → Map(editor → {request, revision}) of unanswered drafts. */
const ports = new Map();
/**
 * Content ports → a number naming the tab's editors for the host. Every tab
 * numbers its editors from e1, and the host skips an analysis when a newer
 * one for the same `editor` is queued behind it ("superseded", dropped
 * here): two tabs analysing at once would cancel each other's answers.
 */
const portNumbers = new WeakMap();
let nextPortNumber = 1;
host.wanted = () => ports.size > 0;

host.onStatus((status) => {
  for (const port of ports.keys()) safePost(port, { type: B2C.HOST_STATUS, status });
  if (status.state === 'connected') resendPending();
});

function safePost(port, msg) {
  try {
    port.postMessage(msg);
  } catch {
    ports.delete(port);
  }
}

function resendPending() {
  for (const [port, drafts] of ports) {
    for (const [editor, draft] of drafts) analyze(port, editor, draft);
  }
}

/** Wall-clock milliseconds, comparable across the extension's processes (for perf timing). */
const now = () => performance.timeOrigin + performance.now();

async function analyze(port, editor, draft) {
  const sent = now();
  const reply = await host.request(draft.request, ANALYZE_TIMEOUT_MS);
  const answered = now();
  const drafts = ports.get(port);
  if (!drafts) return;
  const current = drafts.get(editor);
  if (!current || current.revision !== draft.revision) return; // a newer draft went out
  if (isSuperseded(reply)) return;
  if (reply.type === 'result') {
    drafts.delete(editor);
    const timing = { received: draft.received, sent, answered, forwarded: now() };
    safePost(port, { type: B2C.RESULT, editor, revision: draft.revision, findings: reply.findings, texts: reply.texts, elapsedUs: reply.elapsed_us, truncated: reply.truncated === true, timing });
  } else {
    // Keep the draft: it is re-sent when the host comes back.
    safePost(port, { type: B2C.RESULT, editor, revision: draft.revision, error: { code: reply.code, message: reply.message || reply.code } });
  }
}

const contentHandlers = {
  [C2B.ANALYZE](port, msg) {
    const drafts = ports.get(port);
    const editor = `${portNumbers.get(port)}/${msg.editor}`;
    const request = build.analyze({ domain: msg.domain, text: msg.text, revision: msg.revision, editor, ignoreKeys: true, sharedTexts: true });
    const draft = { request, revision: msg.revision, received: now() };
    drafts.set(msg.editor, draft);
    analyze(port, msg.editor, draft);
  },
  [C2B.EDITOR_GONE](port, msg) {
    ports.get(port)?.delete(msg.editor);
  },
  async [C2B.AI_SETTING_SEEN](_port, msg) {
    await api.storage.local.set({ [STORAGE.AI_SETTING]: { trainingOn: msg.trainingOn === true, checkedAt: new Date().toISOString() } });
  },
};

api.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  ports.set(port, new Map());
  portNumbers.set(port, nextPortNumber++);
  port.onMessage.addListener((msg) => {
    const handler = msg && contentHandlers[msg.type];
    if (handler) handler(port, msg);
  });
  port.onDisconnect.addListener(() => ports.delete(port));
  safePost(port, { type: B2C.HOST_STATUS, status: host.status });
  host.connect();
});

function broadcastReanalyze() {
  for (const port of ports.keys()) safePost(port, { type: B2C.REANALYZE });
}

const uiHandlers = {
  async [UI2B.STATUS]() {
    if (host.status.state !== 'connected') await host.retryNow();
    return host.status;
  },
  async [UI2B.HOST_REQUEST](msg) {
    const req = msg.request;
    if (!req || !REQUEST_TYPES.includes(req.type)) return { type: 'error', code: 'bad_request', message: 'unknown request type' };
    const reply = await host.request(req, LIST_TIMEOUT_MS);
    if (reply.type === 'ok' && /^(lists|settings)\.(put|delete|import)$/.test(req.type)) broadcastReanalyze();
    return reply;
  },
  async [UI2B.CHANGED]() {
    broadcastReanalyze();
    return { type: 'ok' };
  },
  async [UI2B.RECONNECT]() {
    await host.retryNow();
    return host.status;
  },
};

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own pages (popup, options) may drive the host directly.
  if (sender.id !== api.runtime.id || (sender.tab && !String(sender.url || '').startsWith(api.runtime.getURL('')))) return false;
  const handler = msg && uiHandlers[msg.type];
  if (!handler) return false;
  handler(msg).then(sendResponse, (e) => sendResponse({ type: 'error', code: 'internal', message: String(e) }));
  return true; // async response
});

// "Ignore always" used to store the matched text: drop such entries (the
// host's ignore_key hashes replace them). Runs at every start; cheap.
async function migrateStorage() {
  const stored = (await api.storage.local.get(STORAGE.IGNORED))[STORAGE.IGNORED];
  if (stored !== undefined && needsMigration(stored)) await api.storage.local.set({ [STORAGE.IGNORED]: migrateIgnored(stored) });
}
migrateStorage().catch(() => {});
