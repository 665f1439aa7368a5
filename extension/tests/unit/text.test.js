// Text extraction and offset → DOM mapping (src/lib/text.js) on a server-side DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { extractText, positionAt, rangeBoundaries, offsetOf } from '../../src/lib/text.js';

function editor(html) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="ed" contenteditable="true">${html}</div></body></html>`);
  return document.getElementById('ed');
}

/** The text between two DOM boundaries, read from the DOM (not from the extraction). */
function textBetween(extraction, b) {
  let out = '';
  let on = false;
  for (const seg of extraction.segments) {
    const data = seg.node.data;
    const from = seg.node === b.startNode ? b.startOffset : 0;
    if (seg.node === b.startNode) on = true;
    if (!on) continue;
    if (seg.node === b.endNode) {
      out += data.slice(from, b.endOffset);
      return out;
    }
    const next = extraction.segments[extraction.segments.indexOf(seg) + 1];
    out += data.slice(from) + (next ? extraction.text.slice(seg.end, next.start) : '');
  }
  return out;
}

test('paragraphs become lines, empty paragraphs blank lines', () => {
  const ex = extractText(editor('<p>Hello</p><p><br></p><p>world</p>'));
  assert.equal(ex.text, 'Hello\n\nworld');
});

test('an empty Quill editor is empty text', () => {
  assert.equal(extractText(editor('<p><br></p>')).text, '');
});

test('<br> inside a line is a newline, a trailing <br> is not', () => {
  assert.equal(extractText(editor('<p>a<br>b<br></p><p>c</p>')).text, 'a\nb\nc');
});

test('nested inline markup, mentions and hashtags keep their text', () => {
  const ex = extractText(editor('<p>Hi <strong>Acme <em>team</em></strong>, <a href="#">#Falcon</a> soon</p>'));
  assert.equal(ex.text, 'Hi Acme team, #Falcon soon');
});

test('list items and divs are blocks; source indentation is not text', () => {
  const ex = extractText(editor('\n  <ul>\n    <li>one</li>\n    <li>two</li>\n  </ul>\n  <div>three</div>\n'));
  assert.equal(ex.text, 'one\ntwo\nthree');
});

test('script, style and our own nodes are skipped', () => {
  const ex = extractText(editor('<p>a<style>p{}</style><span data-draftguard>x</span>b</p>'));
  assert.equal(ex.text, 'ab');
});

test('emoji, accents and NBSP are kept verbatim (UTF-16 offsets)', () => {
  const ex = extractText(editor('<p>Café 🚀 +37\u00a0%</p><p>Équipe 👩‍💻 Falcon</p>'));
  assert.equal(ex.text, 'Café 🚀 +37\u00a0%\nÉquipe 👩‍💻 Falcon');
  const start = ex.text.indexOf('Falcon');
  assert.equal(start, 27); // 🚀 = 2 code units, 👩‍💻 = 5
  const b = rangeBoundaries(ex, start, start + 6);
  assert.equal(textBetween(ex, b), 'Falcon');
});

test('every span of a multi-paragraph draft maps back to the same text', () => {
  const ex = extractText(editor('<p>Confidential: <b>Project</b> Falcon</p><p><br></p><p>revenue grew 37% to €1.2M 🎉</p><p>é<i>t</i>é</p>'));
  const text = ex.text;
  for (let s = 0; s < text.length; s++) {
    for (let e = s + 1; e <= Math.min(text.length, s + 12); e++) {
      const b = rangeBoundaries(ex, s, e);
      const sub = text.slice(s, e);
      // A span that starts or ends on a synthesized newline maps to the
      // adjacent text; compare without those newlines.
      const got = textBetween(ex, b);
      const trimmed = sub.replace(/^\n+|\n+$/g, '');
      if (trimmed === '') continue;
      // Surrogate pairs are widened, never split.
      const expected = new RegExp(`^\\n*${trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n*$`, 'u');
      if (!/[\ud800-\udfff]/.test(sub)) assert.match(got, expected, `span ${s}-${e}`);
    }
  }
});

test('an offset inside a surrogate pair widens to the whole emoji', () => {
  const ex = extractText(editor('<p>a🚀b</p>'));
  assert.deepEqual(positionAt(ex, 2, 'forward').offset, 1);
  assert.deepEqual(positionAt(ex, 2, 'backward').offset, 3);
});

test('boundaries: start goes forward, end goes backward across a block break', () => {
  const ex = extractText(editor('<p>ab</p><p>cd</p>'));
  const [s1, s2] = ex.segments;
  assert.equal(positionAt(ex, 2, 'forward').node, s2.node); // offset 2 is the "\n"
  assert.equal(positionAt(ex, 2, 'backward').node, s1.node);
  assert.equal(positionAt(ex, 3, 'forward').node, s2.node);
  assert.equal(positionAt(ex, 3, 'forward').offset, 0);
});

test('out-of-range and empty spans are rejected (stale findings)', () => {
  const ex = extractText(editor('<p>abc</p>'));
  assert.equal(rangeBoundaries(ex, 2, 2), null);
  assert.equal(rangeBoundaries(ex, 1, 9), null);
  assert.equal(rangeBoundaries(ex, -1, 1), null);
  assert.equal(rangeBoundaries(ex, 0.5, 2), null);
  assert.equal(rangeBoundaries(extractText(editor('')), 0, 1), null);
});

test('offsetOf is the inverse of positionAt', () => {
  const ex = extractText(editor('<p>Hello</p><p>wörld 🌍</p>'));
  for (let i = 0; i <= ex.text.length; i++) {
    if (ex.text[i] === '\n' || /[\udc00-\udfff]/.test(ex.text[i] || '')) continue;
    const p = positionAt(ex, i, 'forward');
    assert.equal(offsetOf(ex, p.node, p.offset), i, `offset ${i}`);
  }
});

test('CRLF inside a text node round-trips', () => {
  const ex = extractText(editor('<pre>a\r\nb</pre>'));
  assert.equal(ex.text, 'a\r\nb');
  assert.equal(textBetween(ex, rangeBoundaries(ex, 3, 4)), 'b');
});
