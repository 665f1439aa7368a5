import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedAlternatives, applyActions, removalSpan } from '../../src/lib/suggest.js';

test('quoted safer wordings are found, apostrophes are not quotes', () => {
  assert.deepEqual(
    quotedAlternatives("Say it without the figure: 'a strong lift in conversion', 'revenue grew substantially', 'several times the return on ad spend'."),
    ['a strong lift in conversion', 'revenue grew substantially', 'several times the return on ad spend']);
  assert.deepEqual(quotedAlternatives("Keep the lesson, drop the specifics: no rival's name, price or deal."), []);
  assert.deepEqual(quotedAlternatives("Say 'we were competitive on price' without the rival's numbers."), ['we were competitive on price']);
});

test('French guillemets and curly quotes', () => {
  assert.deepEqual(quotedAlternatives('Arrondissez-le ou décrivez-le (« un contrat à six chiffres »).'), ['un contrat à six chiffres']);
  assert.deepEqual(quotedAlternatives('Remove it or use a neutral description (“a client”, “a new product”).'), ['a client', 'a new product']);
});

test('no suggestion, no alternative; e-mail examples are not wordings', () => {
  assert.deepEqual(quotedAlternatives(''), []);
  assert.deepEqual(quotedAlternatives(undefined), []);
  assert.deepEqual(quotedAlternatives("use 'contact@yourcompany'"), []);
});

test('actions: host replacement first, then quoted wordings, then Remove', () => {
  assert.deepEqual(applyActions({ replacement: 'a client', suggestion: 'Use “a client” or “a partner”.' }), [
    { kind: 'replace', text: 'a client' }, { kind: 'replace', text: 'a partner' }, { kind: 'remove', text: '' }]);
  assert.deepEqual(applyActions({ suggestion: 'Remove the number.' }), [{ kind: 'remove', text: '' }]);
});

test('removal tidies colons and spaces', () => {
  const t = 'Confidential: Project Falcon revenue';
  assert.deepEqual(removalSpan(t, 0, 12), [0, 14]); // "Confidential: "
  const s = t.indexOf('Falcon');
  assert.deepEqual(removalSpan(t, s, s + 6), [s, s + 7]);
  assert.deepEqual(removalSpan('end Falcon', 4, 10), [3, 10]);
  assert.deepEqual(removalSpan('Falcon', 0, 6), [0, 6]);
});
