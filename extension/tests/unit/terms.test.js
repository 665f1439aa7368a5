import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerms } from '../../src/lib/terms.js';

test('bulk paste: lines, commas, semicolons, tabs; trimmed and de-duplicated', () => {
  assert.deepEqual(parseTerms('Falcon\nAcme Corp,  Globex ;Falcon\r\n\tInitech\n\n falcon '), ['Falcon', 'Acme Corp', 'Globex', 'Initech']);
});

test('inner whitespace collapses; accents are kept', () => {
  assert.deepEqual(parseTerms('Projet   Écureuil'), ['Projet Écureuil']);
});

test('nothing in, nothing out', () => {
  assert.deepEqual(parseTerms(' ,\n; '), []);
});
