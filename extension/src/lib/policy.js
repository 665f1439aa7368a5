// The organisation's policy (manifests/policy/managed_schema.json), read
// through storage.managed: Chromium's enterprise policy
// (3rdparty.extensions.<id>) or Firefox's policies.json 3rdparty section.
//
// Design decision: the extension enforces only what is about its own UI
// (Post anyway, switch-offs, forced categories in the options page). Lists,
// packs and trusted keys are applied by the host, which reads the same
// policy files itself; the host's hello (`org`) tells what it enforces, and
// its forced categories are merged in here so the UI agrees with the host.

import { CATEGORIES } from '../protocol.js';

/** The policy in force when none is set (or storage.managed is missing). */
export const DEFAULT_POLICY = Object.freeze({
  allowPostAnywayOnHigh: true,
  allowSiteSwitchOff: true,
  forcedCategories: Object.freeze([]),
  lockedLists: Object.freeze([]),
});

/**
 * Normalises a raw storage.managed object (and optionally the host's `org`
 * from hello) into the policy the UI applies. Unknown or mistyped values
 * fall back to the defaults; booleans are only false when exactly false.
 */
export function normalizePolicy(raw, org) {
  const r = raw && typeof raw === 'object' ? raw : {};
  const forced = new Set();
  for (const list of [r.forcedCategories, org?.forced_categories]) {
    if (Array.isArray(list)) for (const c of list) if (CATEGORIES.includes(c)) forced.add(c);
  }
  const hostPolicy = (org && org.policy) || {};
  const locked = Array.isArray(org?.locked_lists)
    ? org.locked_lists.filter((l) => l && typeof l.name === 'string' && typeof l.domain === 'string').map((l) => ({ domain: l.domain, name: l.name }))
    : [];
  return {
    allowPostAnywayOnHigh: !(r.allowPostAnywayOnHigh === false || hostPolicy.allow_post_anyway_on_high === false),
    allowSiteSwitchOff: !(r.allowSiteSwitchOff === false || hostPolicy.allow_site_switch_off === false),
    forcedCategories: CATEGORIES.filter((c) => forced.has(c)),
    lockedLists: locked,
  };
}

/** storage.managed.get(), or {} where there is no managed storage (Firefox without policies.json throws). */
export async function readManaged(api) {
  try {
    const area = api?.storage?.managed;
    if (!area) return {};
    return (await area.get(null)) || {};
  } catch {
    return {};
  }
}
