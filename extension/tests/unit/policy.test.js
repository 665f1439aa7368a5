// src/lib/policy.js and the build: the organisation's storage.managed policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { normalizePolicy, readManaged, DEFAULT_POLICY } from '../../src/lib/policy.js';
import { MANAGED_SCHEMA } from '../../build.mjs';

test('no policy: everything allowed, nothing forced', () => {
  assert.deepEqual(normalizePolicy(undefined), { ...DEFAULT_POLICY, forcedCategories: [], lockedLists: [] });
  assert.deepEqual(normalizePolicy({}), normalizePolicy(null));
});

test('booleans are false only when exactly false; categories filtered and ordered', () => {
  const p = normalizePolicy({ allowPostAnywayOnHigh: false, allowSiteSwitchOff: 'no', forcedCategories: ['pii', 'nope', 'keyword', 'pii'] });
  assert.equal(p.allowPostAnywayOnHigh, false);
  assert.equal(p.allowSiteSwitchOff, true);
  assert.deepEqual(p.forcedCategories, ['keyword', 'pii']);
});

test('what the host reports (hello.org) is merged in', () => {
  const org = {
    forced_categories: ['confidential'],
    locked_lists: [{ domain: '*', name: 'acme-clients' }, { name: 3 }],
    policy: { allow_post_anyway_on_high: false, allow_site_switch_off: false },
  };
  const p = normalizePolicy({ forcedCategories: ['pii'] }, org);
  assert.deepEqual(p.forcedCategories, ['confidential', 'pii']);
  assert.deepEqual(p.lockedLists, [{ domain: '*', name: 'acme-clients' }]);
  assert.equal(p.allowPostAnywayOnHigh, false);
  assert.equal(p.allowSiteSwitchOff, false);
  // null in the host's report means "not set".
  assert.equal(normalizePolicy({}, { policy: { allow_post_anyway_on_high: null } }).allowPostAnywayOnHigh, true);
});

test('readManaged: {} when storage.managed is missing or throws (Firefox without policies.json)', async () => {
  assert.deepEqual(await readManaged({}), {});
  assert.deepEqual(await readManaged({ storage: { managed: { get: async () => { throw new Error('Managed storage manifest not found'); } } } }), {});
  assert.deepEqual(await readManaged({ storage: { managed: { get: async () => ({ allowSiteSwitchOff: false }) } } }), { allowSiteSwitchOff: false });
});

test('the Chromium manifest declares the schema; the build ships the organisation\'s file unchanged', () => {
  const chromium = JSON.parse(readFileSync(new URL('../../src/manifest/chromium.json', import.meta.url), 'utf8'));
  assert.equal(chromium.storage.managed_schema, 'managed_schema.json');
  const schema = JSON.parse(readFileSync(MANAGED_SCHEMA, 'utf8'));
  for (const k of ['forcedCategories', 'lists', 'trustedPackKeys', 'packs', 'allowPostAnywayOnHigh', 'allowSiteSwitchOff']) assert.ok(k in schema.properties, k);
  const built = new URL('../../dist/chromium/managed_schema.json', import.meta.url);
  if (existsSync(built)) assert.equal(readFileSync(built, 'utf8'), readFileSync(MANAGED_SCHEMA, 'utf8'));
  const firefox = JSON.parse(readFileSync(new URL('../../src/manifest/firefox.json', import.meta.url), 'utf8'));
  assert.equal(firefox.storage, undefined, 'Firefox reads policies.json; no managed_schema key');
});
