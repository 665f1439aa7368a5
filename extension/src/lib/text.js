// Text extraction and offset mapping for rich-text editors.
//
// Design decision: the extension never asks the editor for its text
// (`innerText` depends on layout and CSS, and differs between browsers);
// it walks the editor's DOM once and produces BOTH the string sent to the
// host AND a table of segments mapping every UTF-16 code unit of that string
// back to a (Text node, offset) position. Offsets the host returns index that
// exact string, so a finding maps back to a DOM Range without any search.
//
// This module is pure: it only reads `nodeType`, `nodeName`, `childNodes`,
// `data` and `getAttribute`, so the unit tests run it on a server-side DOM.
//
// Rules (chosen to match what Quill, ProseMirror and LinkedIn's newer
// composer render, and what a reader sees):
//  - Text nodes contribute their data verbatim (emoji, accents, NBSP kept:
//    the host normalises; we must not, or offsets would drift).
//  - Each block element (p, div, li, h1-h6, blockquote, pre, ...) starts a
//    new line: "\n" is emitted between consecutive blocks.
//  - <br> emits "\n", except the trailing <br> Quill/ProseMirror put in an
//    empty or last line as a caret placeholder.
//  - script/style/template and our own nodes (data-draftguard) are skipped.

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * @typedef {{node: any, start: number, end: number}} Segment
 *   A Text node whose data occupies [start, end) of the extracted text.
 * @typedef {{text: string, segments: Segment[]}} Extraction
 */

function isSkipped(el) {
  if (SKIP_TAGS.has(el.nodeName)) return true;
  return typeof el.getAttribute === 'function' && el.getAttribute('data-draftguard') !== null;
}

function isTrailingBr(br) {
  // A <br> that is the last meaningful child of its block is a placeholder.
  let next = br.nextSibling;
  while (next && next.nodeType === TEXT_NODE && next.data === '') next = next.nextSibling;
  return next === null && br.parentNode && BLOCK_TAGS.has(br.parentNode.nodeName);
}

/**
 * Extracts the text of `root` (the contenteditable element).
 * @param {any} root
 * @returns {Extraction}
 */
export function extractText(root) {
  const parts = [];
  const segments = [];
  let length = 0;
  // `pendingBreak` defers the "\n" that separates blocks so that no
  // newline is emitted before the first block or after the last one.
  let pendingBreak = false;
  let wroteAnything = false;

  const emit = (s) => {
    parts.push(s);
    length += s.length;
  };
  const flushBreak = () => {
    if (pendingBreak && wroteAnything) emit('\n');
    pendingBreak = false;
  };

  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = child.data;
        if (data.length === 0 || isLayoutWhitespace(child)) continue;
        flushBreak();
        segments.push({ node: child, start: length, end: length + data.length });
        emit(data);
        wroteAnything = true;
      } else if (child.nodeType === ELEMENT_NODE) {
        if (isSkipped(child)) continue;
        const name = child.nodeName;
        if (name === 'BR') {
          if (isTrailingBr(child)) {
            // A placeholder: the line it ends still exists (an empty
            // paragraph is a blank line), but it adds no character itself.
            flushBreak();
            wroteAnything = true;
            continue;
          }
          flushBreak();
          emit('\n');
          wroteAnything = true;
          continue;
        }
        const block = BLOCK_TAGS.has(name);
        if (block) pendingBreak = true;
        walk(child);
        if (block) pendingBreak = true;
      }
    }
  };
  walk(root);
  return { text: parts.join(''), segments };
}

// Source formatting between blocks ("\n    " in serialized HTML) is not
// rendered and not part of what the user typed: editors keep typed line
// breaks as <br> or blocks, never as a raw "\n" next to a block.
function isLayoutWhitespace(text) {
  const data = text.data;
  if (!data.includes('\n') || !/^[ \t\r\n]*$/.test(data)) return false;
  const isBlock = (n) => n === null || (n.nodeType === ELEMENT_NODE && BLOCK_TAGS.has(n.nodeName));
  return isBlock(text.previousSibling) || isBlock(text.nextSibling);
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Maps a UTF-16 offset of the extracted text to a DOM position.
 * `bias` says which side wins on a boundary between two segments or on a
 * synthesized "\n": 'forward' (a range start: the next text) or 'backward'
 * (a range end: the previous text).
 * @param {Extraction} extraction
 * @param {number} offset
 * @param {'forward'|'backward'} bias
 * @returns {{node: any, offset: number} | null}
 */
export function positionAt(extraction, offset, bias) {
  const { segments } = extraction;
  if (segments.length === 0) return null;
  // Binary search: first segment whose end > offset (forward) or >= offset (backward).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid];
    const before = bias === 'forward' ? seg.end <= offset : seg.end < offset;
    if (before) lo = mid + 1;
    else hi = mid;
  }
  let seg;
  let local;
  if (lo >= segments.length) {
    seg = segments[segments.length - 1];
    local = seg.end - seg.start;
  } else {
    seg = segments[lo];
    if (offset < seg.start) {
      // The offset is on a synthesized newline before this segment.
      if (bias === 'backward' && lo > 0) {
        seg = segments[lo - 1];
        local = seg.end - seg.start;
      } else {
        local = 0;
      }
    } else {
      local = offset - seg.start;
    }
  }
  // Never split a surrogate pair (an emoji): widen the range instead.
  const data = seg.node.data;
  if (local > 0 && local < data.length && isHighSurrogate(data.charCodeAt(local - 1))) {
    local += bias === 'forward' ? -1 : 1;
  }
  return { node: seg.node, offset: local };
}

/**
 * Maps [start, end) to range boundaries, or null when the span is empty or
 * outside the text (a stale finding).
 * @param {Extraction} extraction
 * @param {number} start
 * @param {number} end
 */
export function rangeBoundaries(extraction, start, end) {
  const total = extraction.text.length;
  if (!(Number.isInteger(start) && Number.isInteger(end))) return null;
  if (start < 0 || end > total || start >= end) return null;
  const a = positionAt(extraction, start, 'forward');
  const b = positionAt(extraction, end, 'backward');
  if (!a || !b) return null;
  return { startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
}

/**
 * Builds a live DOM Range for [start, end) in `doc`.
 * @returns {Range|null}
 */
export function toRange(doc, extraction, start, end) {
  const b = rangeBoundaries(extraction, start, end);
  if (!b) return null;
  const range = doc.createRange();
  range.setStart(b.startNode, b.startOffset);
  range.setEnd(b.endNode, b.endOffset);
  return range;
}

/**
 * The inverse of positionAt: the text offset of a DOM position inside the
 * editor (used to find which finding holds the caret). Returns -1 when the
 * position is not inside a known Text node.
 */
export function offsetOf(extraction, node, offset) {
  for (const seg of extraction.segments) {
    if (seg.node === node) return seg.start + Math.min(offset, seg.end - seg.start);
  }
  return -1;
}
