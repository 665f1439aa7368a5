// "Ignore always" entries in storage.local.
//
// Design decision: only the host's `ignore_key` is stored — a keyed hash of
// (rule, normalised match) under a key that lives in the host's config
// folder — never the matched text. An entry is
//   {key: "<64 hex>", rule, category, domain, addedAt: ISO date}
// Entries written by older versions (key = "rule\0text", plus a `text`
// field) are dropped: they held the words themselves, and their keys cannot
// match the host's hashes anyway.

const HASH = /^[0-9a-f]{64}$/;

/** True if `key` looks like a host ignore_key. */
export function isIgnoreKey(key) {
  return typeof key === 'string' && HASH.test(key);
}

/** The entries worth keeping, each reduced to the fields above (never a text). */
export function migrateIgnored(list) {
  if (!Array.isArray(list)) return [];
  const out = [];
  const seen = new Set();
  for (const e of list) {
    if (!e || typeof e !== 'object' || !isIgnoreKey(e.key) || 'text' in e || seen.has(e.key)) continue;
    seen.add(e.key);
    out.push({
      key: e.key,
      rule: typeof e.rule === 'string' ? e.rule : '',
      category: typeof e.category === 'string' ? e.category : '',
      domain: typeof e.domain === 'string' ? e.domain : '',
      addedAt: typeof e.addedAt === 'string' ? e.addedAt : '',
    });
  }
  return out;
}

/** True if `list` needs rewriting to be what migrateIgnored keeps. */
export function needsMigration(list) {
  return JSON.stringify(migrateIgnored(list)) !== JSON.stringify(Array.isArray(list) ? list : []);
}

/** A new entry for a finding with a host ignore_key; null without one. */
export function ignoreEntry(finding, domain, now = new Date()) {
  if (!isIgnoreKey(finding?.ignore_key)) return null;
  return { key: finding.ignore_key, rule: finding.rule, category: finding.category, domain, addedAt: now.toISOString() };
}
