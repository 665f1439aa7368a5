// English and French UI strings: same keys, same placeholders; the build's
// conversion to Chrome's messages.json format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toChromeMessages } from '../../build.mjs';

const load = (lang) => JSON.parse(readFileSync(new URL(`../../src/_locales/${lang}.json`, import.meta.url), 'utf8'));
const en = load('en');
const fr = load('fr');
const placeholders = (s) => (s.match(/\$\d/g) || []).sort().join(',');

test('French has exactly the English keys', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
});

test('same placeholders in both languages', () => {
  for (const k of Object.keys(en)) assert.equal(placeholders(fr[k]), placeholders(en[k]), k);
});

test('the French strings are translated', () => {
  const same = Object.keys(en).filter((k) => en[k] === fr[k] && !['extName', 'chipIdle'].includes(k));
  assert.ok(same.length <= 2, `untranslated: ${same}`);
});

test('every key the code uses exists', () => {
  const files = ['content/session.js', 'content/index.js', 'content/features/publish-gate.js', 'popup/popup.js', 'options/options.js', 'popup/popup.html', 'options/options.html'];
  for (const f of files) {
    const src = readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/\bt\('([A-Za-z0-9_]+)'|data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) {
      const key = m[1] || m[2];
      assert.ok(key in en, `${f}: missing key ${key}`);
    }
  }
});

test('toChromeMessages turns $1 into named placeholders', () => {
  assert.deepEqual(toChromeMessages({ a: 'x $1 y $2', b: 'plain' }), {
    a: { message: 'x $P1$ y $P2$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } },
    b: { message: 'plain' },
  });
});
