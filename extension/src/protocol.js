// The native host's wire format (protocol v1), mirrored on the extension side.
//
// Design decision: this is the ONE module that knows the host's message
// shapes. Requests are built here (so a field name is spelled once) and every
// reply is validated here before the rest of the extension sees it: the host
// is a separate program and a separate release, so a reply that does not
// have the expected shape becomes a typed `bad_reply` error instead of an
// exception deep in the UI. tests/unit/protocol.test.js checks these
// builders and validators against the golden request/reply pairs the host's
// own tests use (tests/protocol/golden.jsonl at the repository root).
//
// Framing (4-byte native-endian length + UTF-8 JSON) is done by the browser.
// Offsets in findings are UTF-16 code units into the analysed text, start
// inclusive, end exclusive (see src/lib/text.js).

export const PROTOCOL_VERSION = 1;
export const HOST_NAME = 'com.draftguard.host';

export const CATEGORIES = Object.freeze([
  'confidential', 'case_study', 'strategy', 'prelaunch', 'competitor', 'keyword', 'pii',
]);
export const SEVERITIES = Object.freeze(['low', 'medium', 'high']);
export const SENSITIVITIES = Object.freeze(['low', 'medium', 'high']);
export const SEVERITY_RANK = Object.freeze({ low: 0, medium: 1, high: 2 });

/** Request types the extension sends. */
export const REQUEST_TYPES = Object.freeze([
  'hello', 'analyze', 'lists.get', 'lists.put', 'lists.delete', 'lists.import',
  'lists.export', 'settings.get', 'settings.put', 'stats',
]);

/**
 * Stable error codes the host sends (`{"type":"error","code":…}`), as listed
 * in native-host/src/protocol/dispatcher.h. `field` names the offending
 * request field, `item` the refused list term.
 */
export const HOST_ERRORS = Object.freeze([
  'bad_json', 'invalid_utf8', 'too_deep', 'too_large', 'bad_request', 'bad_field',
  'unknown_type', 'unsupported_protocol', 'bad_term', 'conflict', 'not_found',
  'store_unavailable', 'forbidden_origin', 'internal', 'locked',
]);
/** Codes the extension itself uses for transport failures; never sent by the host. */
export const TRANSPORT_ERRORS = Object.freeze(['host_unavailable', 'timeout', 'bad_reply']);

// ---------------------------------------------------------------------------
// Requests. `id` is assigned by the connection (src/background/host.js).

export const request = {
  hello: () => ({ type: 'hello', protocol: PROTOCOL_VERSION }),
  /**
   * @param {{domain: string, text: string, revision: number, editor?: string}} a
   *   `editor` names the editor so the host can skip queued older revisions
   *   of the same draft (answered `{"type":"superseded","revision":n}`).
   *   `ignoreKeys` asks for each finding's `ignore_key` (a keyed hash of the
   *   rule and the matched text), what "Ignore always" stores instead of the text.
   *   `sharedTexts` asks for each distinct message and suggestion once, in
   *   the result's `texts` (see withTexts): about half the bytes for a dense draft.
   */
  analyze: ({ domain, text, revision, editor, ignoreKeys, sharedTexts }) => {
    const r = { type: 'analyze', domain, text, revision };
    if (editor !== undefined) r.editor = editor;
    if (ignoreKeys) r.ignore_keys = true;
    if (sharedTexts) r.shared_texts = true;
    return r;
  },
  listsGet: (domain) => (domain === undefined ? { type: 'lists.get' } : { type: 'lists.get', domain }),
  /** Creates or replaces the list `name` in `domain`. */
  listsPut: ({ domain, name, category, severity, terms, baseRevision }) => ({
    type: 'lists.put', domain, name, category, severity, terms, base_revision: baseRevision,
  }),
  listsDelete: ({ domain, name, baseRevision }) => {
    const r = { type: 'lists.delete', domain, base_revision: baseRevision };
    if (name !== undefined) r.name = name;
    return r;
  },
  /** `format` is "csv" or "json"; `data` the file's text. */
  /** `mode` "merge" (default: same-named lists replaced, others kept) or "replace". */
  listsImport: ({ format, data, baseRevision, mode = 'merge' }) => ({
    type: 'lists.import', format, data, mode, base_revision: baseRevision,
  }),
  /** Exports come in chunks: ask again with offset = the reply's next_offset until it is null. */
  listsExport: ({ format, domain, offset = 0 }) => {
    const r = { type: 'lists.export', format, offset };
    if (domain !== undefined) r.domain = domain;
    return r;
  },
  settingsGet: (domain) => (domain === undefined ? { type: 'settings.get' } : { type: 'settings.get', domain }),
  /**
   * `settings`: {categories: {id: bool}, sensitivity: "low"|"medium"|"high"};
   * replaces the scope's settings (absent = inherited from "*").
   */
  settingsPut: ({ domain, settings, baseRevision }) => {
    const r = { type: 'settings.put', domain, ...settings };
    if (baseRevision !== undefined) r.base_revision = baseRevision;
    return r;
  },
  stats: () => ({ type: 'stats' }),
};

// ---------------------------------------------------------------------------
// Reply validation.

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNat = (v) => Number.isInteger(v) && v >= 0;
const isStr = (v) => typeof v === 'string';

/**
 * @typedef {{category: string, severity: 'low'|'medium'|'high', rule: string,
 *   start: number, end: number, message: string, suggestion?: string,
 *   ignore_key?: string}} Finding
 */

/** @returns {string|null} what is wrong with `f`, or null if it is a Finding. */
export function findingProblem(f) {
  if (!isObj(f)) return 'finding is not an object';
  if (!isStr(f.category)) return 'finding.category';
  if (!SEVERITIES.includes(f.severity)) return 'finding.severity';
  if (!isStr(f.rule)) return 'finding.rule';
  if (!isNat(f.start) || !isNat(f.end) || f.end < f.start) return 'finding.start/end';
  if (f.message !== undefined && !isStr(f.message)) return 'finding.message';
  if (f.suggestion !== undefined && !isStr(f.suggestion)) return 'finding.suggestion';
  if (f.ignore_key !== undefined && !isStr(f.ignore_key)) return 'finding.ignore_key';
  if (f.text_id !== undefined && !isNat(f.text_id)) return 'finding.text_id';
  return null;
}

/**
 * The findings of a result with their message and suggestion, whether the
 * host sent them in each finding or once in `texts` (`shared_texts`), where
 * a finding names its entry by `text_id`.
 * @returns {Finding[]}
 */
export function withTexts(findings, texts) {
  if (!texts) return findings;
  return findings.map(({ text_id: id, ...f }) => (id === undefined ? f : { ...f, ...texts[id] }));
}

const REPLY_CHECKS = {
  hello: (r) => (isNat(r.protocol) ? null : 'protocol'),
  // An older analyze of the same editor, skipped for a newer one.
  result: (r) => {
    if (!isNat(r.revision) && r.revision !== undefined) return 'revision';
    if (!Array.isArray(r.findings)) return 'findings';
    if (r.texts !== undefined) {
      if (!Array.isArray(r.texts)) return 'texts';
      if (!r.texts.every((t) => isObj(t) && isStr(t.message) && (t.suggestion === undefined || isStr(t.suggestion)))) return 'texts';
    }
    for (const f of r.findings) {
      const p = findingProblem(f);
      if (p) return p;
      if (f.text_id !== undefined && !(f.text_id < (r.texts?.length ?? 0))) return 'finding.text_id';
    }
    return null;
  },
  superseded: (r) => (r.revision === undefined || isNat(r.revision) ? null : 'revision'),
  lists: (r) => (isObj(r.domains) ? null : 'domains'),
  ok: () => null,
  settings: () => null,
  stats: () => null,
  export: (r) => (isStr(r.data) && (r.next_offset === null || r.next_offset === undefined || isNat(r.next_offset)) ? null : 'data'),
  error: (r) => (isStr(r.code) ? null : 'code'),
};

/**
 * Validates a host reply.
 * @returns {{ok: true, reply: object} | {ok: false, error: {code: string, message: string}}}
 */
export function parseReply(reply) {
  if (!isObj(reply)) return { ok: false, error: { code: 'bad_reply', message: 'reply is not an object' } };
  const check = REPLY_CHECKS[reply.type];
  if (!check) return { ok: false, error: { code: 'bad_reply', message: `unknown reply type ${String(reply.type)}` } };
  const problem = check(reply);
  if (problem) return { ok: false, error: { code: 'bad_reply', message: `bad field ${problem} in ${reply.type}` } };
  return { ok: true, reply };
}

/** True if the host skipped this analysis for a newer revision of the same editor. */
export function isSuperseded(reply) {
  return reply.type === 'superseded';
}

/** The lists of a `lists` reply as flat rows: [{domain, name, category, severity, terms}]. */
export function flattenLists(reply) {
  const rows = [];
  for (const [domain, scope] of Object.entries(reply.domains || {})) {
    for (const list of (scope && scope.lists) || []) rows.push({ domain, ...list });
  }
  return rows;
}

/** Highest severity among findings, or null. */
export function maxSeverity(findings) {
  let best = null;
  for (const f of findings) if (best === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  return best;
}
