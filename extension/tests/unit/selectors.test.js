// Every LinkedIn selector (src/lib/selectors.js) against the committed fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import * as S from '../../src/lib/selectors.js';

const dir = new URL('../fixtures/', import.meta.url);
const load = (name) => parseHTML(readFileSync(new URL(name, dir), 'utf8')).document;
const fixtures = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => [f, load(f)]));

test('every selector is valid and matches at least one fixture', () => {
  for (const sel of S.allSelectors()) {
    let hits = 0;
    for (const doc of Object.values(fixtures)) hits += doc.querySelectorAll(sel).length;
    assert.ok(hits > 0, `selector matches nothing in the fixtures: ${sel}`);
  }
});

test('old Quill composer: one post editor and its Post button', () => {
  const doc = fixtures['feed-quill.html'];
  const eds = S.findEditors(doc);
  assert.deepEqual(eds.map((e) => e.kind), ['post']);
  assert.ok(eds[0].element.classList.contains('ql-editor'));
  const b = S.submitButtonFor(eds[0].element, 'post');
  assert.ok(b && b.classList.contains('share-actions__primary-action'));
  assert.ok(S.containerOf(eds[0].element, 'post').matches('[data-test-modal-id="sharebox"]'));
});

test('the Quill clipboard helper is not an editor', () => {
  const doc = fixtures['feed-quill.html'];
  assert.ok(!S.findEditors(doc).some((e) => e.element.classList.contains('ql-clipboard')));
});

test('newer composer with hashed classes: found by role and aria-placeholder; Post by its text', () => {
  const doc = fixtures['compose-new.html'];
  const eds = S.findEditors(doc);
  assert.deepEqual(eds.map((e) => e.kind), ['post']);
  assert.equal(eds[0].element.getAttribute('aria-placeholder'), 'Share your thoughts...');
  const b = S.submitButtonFor(eds[0].element, 'post');
  assert.equal(b.textContent.trim(), 'Post');
  assert.equal(S.accessibleName(b), 'post');
});

test('comment and reply boxes are comments; private messages are not guarded', () => {
  const doc = fixtures['post-comments.html'];
  const eds = S.findEditors(doc);
  assert.deepEqual(eds.map((e) => e.kind), ['comment', 'comment']);
  assert.ok(!eds.some((e) => e.element.closest('.msg-form')));
  const [comment, reply] = eds.map((e) => e.element);
  assert.ok(S.submitButtonFor(comment, 'comment').classList.contains('comments-comment-box__submit-button'));
  assert.equal(S.accessibleName(S.submitButtonFor(reply, 'comment')), 'reply');
});

test('article editor (ProseMirror) and its publish button', () => {
  const doc = fixtures['article-editor.html'];
  const eds = S.findEditors(doc);
  assert.deepEqual(eds.map((e) => e.kind), ['article']);
  assert.ok(eds[0].element.classList.contains('ProseMirror'));
  assert.ok(S.submitButtonFor(eds[0].element, 'article').classList.contains('article-editor-nav__publish'));
});

test('settings pages have no editor', () => {
  assert.equal(S.findEditors(fixtures['ai-settings-on.html']).length, 0);
});

test('AI-training toggle: picked among several switches by its label, on and off', () => {
  const on = S.findAiToggle(fixtures['ai-settings-on.html']);
  const off = S.findAiToggle(fixtures['ai-settings-off.html']);
  assert.equal(on.id, 'data-for-ai-improvement-toggle');
  assert.equal(off.id, 'data-for-ai-improvement-toggle');
  assert.equal(S.aiToggleIsOn(on), true);
  assert.equal(S.aiToggleIsOn(off), false);
});

test('aria switch without an input', () => {
  const { document } = parseHTML('<button role="switch" aria-checked="false" aria-label="Use my data for training content creation AI models"></button>');
  const t = S.findAiToggle(document);
  assert.equal(S.aiToggleIsOn(t), false);
});

test('feed pages have no AI toggle', () => {
  assert.equal(S.findAiToggle(fixtures['compose-new.html']), null);
});

test('settings URL', () => {
  assert.equal(S.AI_SETTINGS_URL, 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
});
