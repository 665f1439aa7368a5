// src/protocol.js: request builders and reply validation, checked against the
// golden request/reply pairs the host's own protocol tests use
// (tests/protocol/golden.jsonl at the repository root).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as P from '../../src/protocol.js';

const GOLDEN = fileURLToPath(new URL('../../../tests/protocol/golden.jsonl', import.meta.url));

test('builders spell the wire fields', () => {
  assert.deepEqual(P.request.hello(), { type: 'hello', protocol: 1 });
  assert.deepEqual(P.request.analyze({ domain: 'linkedin.com', text: 'x', revision: 7, editor: 'e1' }),
    { type: 'analyze', domain: 'linkedin.com', text: 'x', revision: 7, editor: 'e1' });
  // "Ignore always" stores the host's keyed hash: the extension asks for it.
  assert.deepEqual(P.request.analyze({ domain: 'linkedin.com', text: 'x', revision: 7, editor: 'e1', ignoreKeys: true }),
    { type: 'analyze', domain: 'linkedin.com', text: 'x', revision: 7, editor: 'e1', ignore_keys: true });
  assert.deepEqual(P.request.listsPut({ domain: '*', name: 'n', category: 'keyword', severity: 'high', terms: ['A'], baseRevision: 3 }),
    { type: 'lists.put', domain: '*', name: 'n', category: 'keyword', severity: 'high', terms: ['A'], base_revision: 3 });
  assert.deepEqual(P.request.listsDelete({ domain: 'linkedin.com', name: 'n', baseRevision: 4 }),
    { type: 'lists.delete', domain: 'linkedin.com', name: 'n', base_revision: 4 });
  assert.deepEqual(P.request.listsImport({ format: 'csv', data: 'd', baseRevision: 5 }),
    { type: 'lists.import', format: 'csv', data: 'd', mode: 'merge', base_revision: 5 });
  assert.deepEqual(P.request.listsExport({ format: 'csv' }), { type: 'lists.export', format: 'csv', offset: 0 });
  assert.deepEqual(P.request.settingsPut({ domain: 'linkedin.com', settings: { categories: { pii: false }, sensitivity: 'low' }, baseRevision: 2 }),
    { type: 'settings.put', domain: 'linkedin.com', categories: { pii: false }, sensitivity: 'low', base_revision: 2 });
  for (const t of P.REQUEST_TYPES) assert.ok(Object.values(P.request).some((b) => { try { return b({}).type === t; } catch { return false; } }) || t === 'analyze', t);
});

test('replies are validated; malformed ones become bad_reply', () => {
  assert.equal(P.parseReply({ type: 'result', revision: 1, findings: [{ category: 'pii', severity: 'high', rule: 'r', start: 0, end: 3 }] }).ok, true);
  assert.equal(P.parseReply({ type: 'result', revision: 1, findings: [{ category: 'pii', severity: 'urgent', rule: 'r', start: 0, end: 3 }] }).error.code, 'bad_reply');
  assert.equal(P.parseReply({ type: 'result', findings: [{ category: 'pii', severity: 'low', rule: 'r', start: 5, end: 3 }] }).ok, false);
  assert.equal(P.parseReply({ type: 'result', revision: 1, findings: [{ category: 'pii', severity: 'high', rule: 'r', start: 0, end: 3, ignore_key: 'ab'.repeat(32) }] }).ok, true);
  assert.equal(P.parseReply({ type: 'result', revision: 1, findings: [{ category: 'pii', severity: 'high', rule: 'r', start: 0, end: 3, ignore_key: 7 }] }).ok, false);
  assert.equal(P.parseReply({ type: 'nope' }).ok, false);
  assert.equal(P.parseReply(null).ok, false);
  assert.equal(P.parseReply({ type: 'superseded', revision: 6 }).ok, true);
  assert.equal(P.isSuperseded({ type: 'superseded', revision: 6 }), true);
  assert.equal(P.parseReply({ type: 'export', data: 'x', next_offset: null }).ok, true);
});

test('helpers: flattenLists, maxSeverity', () => {
  assert.deepEqual(P.flattenLists({ domains: { '*': { lists: [{ name: 'a', terms: [] }] }, 'x.com': { lists: [] } } }), [{ domain: '*', name: 'a', terms: [] }]);
  assert.equal(P.maxSeverity([{ severity: 'low' }, { severity: 'high' }, { severity: 'medium' }]), 'high');
  assert.equal(P.maxSeverity([]), null);
});

test('shared texts: findings get their message and suggestion back; bad indices are refused', () => {
  const texts = [{ message: 'm0', suggestion: 's0' }, { message: 'm1', suggestion: 's1' }];
  const findings = [
    { category: 'keyword', severity: 'high', rule: 'a', start: 0, end: 6, text_id: 0 },
    { category: 'pii', severity: 'medium', rule: 'b', start: 8, end: 9, text_id: 1 },
    { category: 'keyword', severity: 'high', rule: 'a', start: 12, end: 18, text_id: 0 },
  ];
  const ok = { type: 'result', revision: 1, findings, texts };
  assert.equal(P.parseReply(ok).ok, true);
  assert.deepEqual(P.withTexts(findings, texts).map((f) => [f.rule, f.message, f.suggestion, 'text_id' in f]),
    [['a', 'm0', 's0', false], ['b', 'm1', 's1', false], ['a', 'm0', 's0', false]]);
  // Without texts (an older host, or shared_texts not asked) findings pass through as sent.
  const plain = [{ category: 'pii', severity: 'low', rule: 'c', start: 0, end: 1, message: 'm', suggestion: 's' }];
  assert.equal(P.withTexts(plain, undefined), plain);
  assert.equal(P.parseReply({ ...ok, texts: [texts[0]] }).ok, false); // text_id 1 out of range
  assert.equal(P.parseReply({ ...ok, texts: 'x' }).ok, false);
  assert.equal(P.parseReply({ ...ok, texts: [{ suggestion: 's' }, texts[1]] }).ok, false); // no message
  assert.equal(P.parseReply({ ...ok, findings: [{ ...findings[0], text_id: -1 }] }).ok, false);
});

test('request.analyze asks for shared texts only when told', () => {
  assert.equal(P.request.analyze({ domain: 'd', text: 't', revision: 1, sharedTexts: true }).shared_texts, true);
  assert.equal('shared_texts' in P.request.analyze({ domain: 'd', text: 't', revision: 1 }), false);
});

// The host's tests regenerate this file; an absent or empty file is reported as a skip, by name.
const goldenRows = existsSync(GOLDEN)
  ? readFileSync(GOLDEN, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  : [];
const golden = goldenRows.length ? goldenRows : null;

test('golden pairs: every request type we send and every reply we get', { skip: golden ? false : `no golden pairs in ${GOLDEN} (absent or empty)` }, () => {
  assert.ok(golden.length > 0);
  const seenTypes = new Set();
  for (const { name, request, reply } of golden) {
    if (!request || typeof request !== 'object' || Array.isArray(request)) continue; // framing/garbage cases
    seenTypes.add(request.type);
    // Every reply the host sends is one parseReply accepts (or one it names as an error).
    const parsed = P.parseReply(reply);
    assert.ok(parsed.ok, `${name}: ${JSON.stringify(parsed.error)} for ${JSON.stringify(reply).slice(0, 200)}`);
    if (reply.type === 'error') assert.ok(P.HOST_ERRORS.includes(reply.code), `${name}: unknown error code ${reply.code}`);
    // Our builders produce the same request (ignoring the id) for the golden's own arguments.
    const args = request;
    const built = {
      hello: () => ({ type: 'hello' }), // golden also tries other protocol numbers
      analyze: () => P.request.analyze(args),
      'lists.get': () => P.request.listsGet(args.domain),
      'lists.put': () => P.request.listsPut({ ...args, baseRevision: args.base_revision }),
      'lists.delete': () => P.request.listsDelete({ ...args, baseRevision: args.base_revision }),
      'settings.get': () => P.request.settingsGet(args.domain),
      stats: () => P.request.stats(),
    }[request.type];
    const wellFormed = reply.type !== 'error' || !['bad_field', 'bad_request', 'unsupported_protocol', 'unknown_type'].includes(reply.code);
    if (built && wellFormed) {
      const { id, ...rest } = request;
      const mine = built();
      for (const [k, v] of Object.entries(mine)) if (v !== undefined) assert.deepEqual(rest[k], v, `${name}: field ${k}`);
    }
  }
  for (const t of ['hello', 'analyze', 'lists.get', 'lists.put']) assert.ok(seenTypes.has(t), `golden covers ${t}`);
});

test('golden analyze offsets are UTF-16 indices into the text we sent', { skip: golden ? false : `no golden pairs in ${GOLDEN} (absent or empty)` }, () => {
  let checked = 0;
  for (const { name, request, reply } of golden) {
    if (request?.type !== 'analyze' || reply.type !== 'result') continue;
    for (const f of reply.findings) {
      const span = request.text.slice(f.start, f.end);
      assert.ok(span.length > 0 && !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(span), `${name}: ${f.start}-${f.end}`);
      if (f.category === 'keyword') {
        assert.match(span, /^(Falcon|Acme|Project Osprey)$/i, `${name}: keyword span ${JSON.stringify(span)}`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 0);
});
