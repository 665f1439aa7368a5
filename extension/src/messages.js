// Messages inside the extension, named by direction (Dark Reader's habit):
//   C2B  content script → background (over a runtime Port named PORT_NAME)
//   B2C  background → content script (same Port)
//   UI2B popup/options → background (runtime.sendMessage, answered)
//   UI2C popup → content script of the active tab (tabs.sendMessage)
// The host's own wire format lives in src/protocol.js, not here.

export const PORT_NAME = 'draftguard-content';

export const C2B = Object.freeze({
  /** {type, editor, revision, text, domain} — analyse a draft. */
  ANALYZE: 'c2b/analyze',
  /** {type, trainingOn: boolean} — the AI-training toggle as read on the settings page. */
  AI_SETTING_SEEN: 'c2b/ai-setting-seen',
  /** {type, editor} — the editor went away; forget its pending draft. */
  EDITOR_GONE: 'c2b/editor-gone',
});

export const B2C = Object.freeze({
  /**
   * {type, editor, revision, findings, texts?, elapsedUs, truncated, timing} (texts: see protocol.withTexts;
   * timing: when the background received the draft, sent it to the host, had the answer and forwarded it, in
   * wall-clock ms, for content/perf.js) or {type, editor, revision, error: {code, message}}.
   */
  RESULT: 'b2c/result',
  /** {type, status} — the host connection changed (see HostStatus). */
  HOST_STATUS: 'b2c/host-status',
  /** {type} — lists, settings or ignores changed: analyse again. */
  REANALYZE: 'b2c/reanalyze',
});

export const UI2B = Object.freeze({
  /** → HostStatus */
  STATUS: 'ui2b/status',
  /** {type, request} → the host's reply (validated) or {type:'error',…}. */
  HOST_REQUEST: 'ui2b/host-request',
  /** → after the lists/settings/ignores changed, tell content scripts to re-run. */
  CHANGED: 'ui2b/changed',
  /** Try to reach the host again now (the user installed it). */
  RECONNECT: 'ui2b/reconnect',
});

export const UI2C = Object.freeze({
  /** → {editors, high, medium, low, state} for the page's composers. */
  COUNTS: 'ui2c/counts',
});

/**
 * @typedef {{state: 'connecting'|'connected'|'unavailable',
 *   version?: string, rules?: number, terms?: number, store?: any,
 *   error?: string, reason?: 'not_installed'|'forbidden'|'crashed'|'timeout'|'protocol'}} HostStatus
 */

/** Keys in storage.local. */
export const STORAGE = Object.freeze({
  /** {[hostname]: boolean} — false switches DraftGuard off on that site. */
  SITES: 'sites',
  /** IgnoreEntry[] — findings ignored always. */
  IGNORED: 'ignored',
  /** {trainingOn: boolean, checkedAt: string (ISO date)} — last read of the AI-training toggle. */
  AI_SETTING: 'aiSetting',
});

/** Sites guarded out of the box. */
export const BUILT_IN_SITES = Object.freeze(['www.linkedin.com']);

/** The scope the host's lists and settings use for a hostname: linkedin.com for www.linkedin.com. */
export function domainScope(hostname) {
  return hostname.replace(/^www\./, '');
}
