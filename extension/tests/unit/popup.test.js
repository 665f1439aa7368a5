// The popup's "Audit my past posts" entry: title, the two steps, the link to
// LinkedIn's data download, the command and its Copy button (EN and FR).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

const html = readFileSync(new URL('../../src/popup/popup.html', import.meta.url), 'utf8');
const popupJs = readFileSync(new URL('../../src/popup/popup.js', import.meta.url), 'utf8');
const load = (lang) => JSON.parse(readFileSync(new URL(`../../src/_locales/${lang}.json`, import.meta.url), 'utf8'));
const DATA_URL = 'https://www.linkedin.com/mypreferences/d/download-my-data';

test('the popup has the audit entry with its link, command and copy button', () => {
  const { document } = parseHTML(html);
  const section = document.getElementById('audit');
  assert.ok(section, '#audit section');
  assert.equal(section.querySelector('#audit-title').getAttribute('data-i18n'), 'auditTitle');
  const link = section.querySelector('a#audit-link');
  assert.equal(link.getAttribute('href'), DATA_URL);
  assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(section.querySelectorAll('ol > li').length, 2, 'two steps');
  assert.match(section.querySelector('#audit-command').textContent, /^draftguard audit ~\/Downloads\/Basic_LinkedInDataExport_….zip$/);
  assert.equal(section.querySelector('button#audit-copy').getAttribute('data-i18n'), 'auditCopy');
  assert.ok(popupJs.includes(`'${DATA_URL}'`));
  assert.ok(popupJs.includes("'draftguard audit ~/Downloads/Basic_LinkedInDataExport_….zip'"));
});

test('the audit texts exist in English and French', () => {
  const en = load('en');
  const fr = load('fr');
  assert.equal(en.auditTitle, 'Audit my past posts');
  assert.match(en.auditIntro, /^Opting out does not reach back: what you already posted stays public\./);
  assert.match(en.auditStep1More, /up to 24 hours/);
  assert.equal(en.auditLocal, 'Everything runs on your computer. Nothing is sent anywhere.');
  assert.equal(en.auditCopy, 'Copy command');
  assert.equal(fr.auditTitle, 'Auditer mes anciennes publications');
  assert.match(fr.auditStep1More, /24 heures/);
  assert.equal(fr.auditCopy, 'Copier la commande');
});
