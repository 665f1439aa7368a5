// src/lib/ignored.js: "Ignore always" keeps the host's ignore_key only,
// never the matched text; old text entries are dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIgnoreKey, migrateIgnored, needsMigration, ignoreEntry } from '../../src/lib/ignored.js';

const K1 = 'a1'.repeat(32);
const K2 = '0f'.repeat(32);

test('only 64 lower-case hex digits are ignore keys', () => {
  assert.equal(isIgnoreKey(K1), true);
  assert.equal(isIgnoreKey(K1.toUpperCase()), false);
  assert.equal(isIgnoreKey('list.codenames\u0000falcon'), false);
  assert.equal(isIgnoreKey(K1.slice(1)), false);
  assert.equal(isIgnoreKey(undefined), false);
});

test('an entry is made from the finding\'s ignore_key, without the text', () => {
  const f = { rule: 'list.codenames', category: 'keyword', severity: 'high', start: 0, end: 6, text: 'Falcon', ignore_key: K1 };
  const e = ignoreEntry(f, 'linkedin.com', new Date('2026-11-28T10:00:00Z'));
  assert.deepEqual(e, { key: K1, rule: 'list.codenames', category: 'keyword', domain: 'linkedin.com', addedAt: '2026-11-28T10:00:00.000Z' });
  assert.ok(!JSON.stringify(e).includes('Falcon'));
  assert.equal(ignoreEntry({ ...f, ignore_key: undefined }, 'linkedin.com'), null, 'no host hash: nothing to store');
});

test('old entries with the matched text are dropped; hashed ones kept and cleaned', () => {
  const old = [
    { key: 'list.codenames\u0000falcon', rule: 'list.codenames', category: 'keyword', text: 'Falcon', domain: 'linkedin.com', addedAt: '2026-01-01T00:00:00Z' },
    { key: K1, rule: 'list.codenames', category: 'keyword', domain: 'linkedin.com', addedAt: '2026-11-28T10:00:00.000Z', extra: 'x' },
    { key: K2, rule: 'pii.email', category: 'pii', text: 'bob@example.com', domain: 'linkedin.com', addedAt: '2026-11-28T10:00:00.000Z' },
    { key: K1, rule: 'dup' },
    null, 'junk',
  ];
  const kept = migrateIgnored(old);
  assert.deepEqual(kept, [{ key: K1, rule: 'list.codenames', category: 'keyword', domain: 'linkedin.com', addedAt: '2026-11-28T10:00:00.000Z' }]);
  assert.ok(!/Falcon|falcon|bob@/.test(JSON.stringify(kept)));
  assert.equal(needsMigration(old), true);
  assert.equal(needsMigration(kept), false);
  assert.deepEqual(migrateIgnored(undefined), []);
  assert.deepEqual(migrateIgnored({}), []);
});
