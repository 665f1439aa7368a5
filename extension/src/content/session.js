// One guarded editor: its analyses, findings, highlights, chip, card and
// panel.
//
// Design decision: a session owns everything it creates and registers every
// listener with {signal} of its AbortController (refined-github's habit), so
// when LinkedIn's single-page app removes the composer, `dispose()` tears the
// feature down with one abort() and no listener outlives its editor. The
// editor's DOM is never written to, except through the editor's own input
// path when the user presses Apply.

import { t } from '../lib/browser.js';
import { extractText, toRange, offsetOf } from '../lib/text.js';
import { applyActions, removalSpan } from '../lib/suggest.js';
import { AnalysisScheduler } from '../lib/scheduler.js';
import { SEVERITY_RANK, maxSeverity, withTexts } from '../protocol.js';
import { submitButtonFor } from '../lib/selectors.js';
import { perf, afterNextPaint } from './perf.js';
import { isIgnoreKey, ignoreEntry } from '../lib/ignored.js';

let nextId = 1;

/**
 * "Checking…" is shown only when the answer is this late. Most answers are
 * back within a few milliseconds, and painting "Checking…" first is not
 * free: it is a frame (style, layout, paint) on the page's main thread in the
 * middle of the round trip, whose answer then waits for that frame to end,
 * and it takes the frame the highlights would have been painted in, so they
 * wait for the next one (up to 16.7 ms at 60 Hz). It also flickered for a
 * single frame. 100 ms is about the limit of what still feels immediate.
 */
const CHECKING_DELAY_MS = 100;

/**
 * Identity of a finding for "ignore here" (kept in memory only) when the host
 * gave no ignore_key: the rule and the words it matched. "Ignore always"
 * uses the host's ignore_key only (src/lib/ignored.js).
 */
export function ignoreKey(rule, text) {
  return `${rule}\u0000${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

const SEVERITY_ICON = { high: '!', medium: '!', low: 'i' };

export class EditorSession {
  /**
   * @param {{element: Element, kind: string, ctx: object}} a
   *   ctx: {send(msg), painter, uiRoot, announce(text), hostStatus(), ignoredAlways(), ignoreAlways(entry), domain, openDialog(session, opts)}
   */
  constructor({ element, kind, ctx }) {
    this.id = `e${nextId++}`;
    this.editor = element;
    this.kind = kind;
    this.ctx = ctx;
    this.abort = new AbortController();
    this.extractions = new Map(); // revision → extraction (until answered)
    this.findings = []; // [{...finding, range, key, text}]
    this.ignoredHere = new Set();
    this.state = 'idle'; // idle | checking | warnings | clean | unavailable
    this.allowOnce = false;
    this.waiters = []; // resolve fns waiting for the next applied answer
    this.cardFor = null;
    this.debounceFiredAt = 0;
    this.checkingTimer = null; // shows "Checking…" if the answer is late
    this.scheduler = new AnalysisScheduler({ delay: 200, run: (rev) => this.sendRevision(rev) });
    this.trigger = 'open'; // what started the next analysis (shown as data-trigger on the chip)
    this.buildUi();
    this.listen();
    this.scheduler.reanalyze(); // a composer may open pre-filled (drafts, shares)
  }

  // ---- analysis -----------------------------------------------------------

  sendRevision(revision) {
    this.debounceFiredAt = performance.now();
    this.chip.dataset.trigger = this.trigger;
    this.trigger = 'typing';
    const extraction = extractText(this.editor);
    // Keep only the newest extraction: older answers are dropped anyway.
    this.extractions.clear();
    this.extractions.set(revision, extraction);
    if (extraction.text.trim() === '') {
      this.scheduler.accept(revision);
      this.applyFindings([], extraction);
      return;
    }
    this.stopChecking();
    if (this.ctx.hostStatus().state !== 'unavailable') {
      this.checkingTimer = setTimeout(() => {
        this.checkingTimer = null;
        this.setState('checking');
      }, CHECKING_DELAY_MS);
    }
    this.ctx.send({ type: 'c2b/analyze', editor: this.id, revision, text: extraction.text, domain: this.ctx.domain });
    this.sentAt = performance.now();
  }

  /** A B2C.RESULT for this editor. */
  onResult(msg) {
    const extraction = this.extractions.get(msg.revision);
    if (!extraction || !this.scheduler.accept(msg.revision)) return;
    if (msg.error) {
      // Keep the extraction: the background re-sends this draft when the
      // host is back, and that answer must still map onto it.
      this.scheduler.applied = msg.revision;
      this.stopChecking();
      this.setState('unavailable', msg.error.message);
      this.resolveWaiters();
      return;
    }
    const received = performance.now();
    // Texts are shared until here: the message to this page is about half the size.
    this.applyFindings(withTexts(msg.findings, msg.texts), extraction);
    this.extractions.delete(msg.revision);
    const start = this.debounceFiredAt;
    perf.stage([this.sentAt - start, received - this.sentAt, performance.now() - received, msg.findings.length], msg.timing, this.sentAt, received);
    const applied = performance.now() - start;
    afterNextPaint(() => perf.paint(performance.now() - start, applied, msg.elapsedUs));
  }

  stopChecking() {
    clearTimeout(this.checkingTimer);
    this.checkingTimer = null;
  }

  applyFindings(findings, extraction) {
    this.stopChecking();
    const ignoredAlways = this.ctx.ignoredAlways();
    const out = [];
    for (const f of findings) {
      const range = toRange(document, extraction, f.start, f.end);
      if (!range) continue;
      const text = extraction.text.slice(f.start, f.end);
      const key = isIgnoreKey(f.ignore_key) ? f.ignore_key : ignoreKey(f.rule, text);
      if (this.ignoredHere.has(key) || ignoredAlways.has(key)) continue;
      out.push({ ...f, range, text, key });
    }
    out.sort((a, b) => a.start - b.start || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    this.findings = out;
    this.ctx.painter.set(this, out.map((f) => ({ range: f.range, severity: f.severity })));
    this.setState(out.length ? 'warnings' : 'clean');
    if (this.cardFor && !out.some((f) => f.key === this.cardFor.key && f.start === this.cardFor.start)) this.hideCard();
    if (!this.panel.hidden) this.renderPanel();
    this.resolveWaiters();
  }

  resolveWaiters() {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** Analyse now (paste, Post) and resolve when the answer is applied or after `timeoutMs`. */
  analyzeNow(timeoutMs) {
    if (!this.scheduler.pending) return Promise.resolve(true);
    this.trigger = 'post';
    this.scheduler.flush();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Unresolved high-severity findings (what the publish gate stops on). */
  highFindings() {
    return this.findings.filter((f) => f.severity === 'high');
  }

  onHostStatus(status) {
    // An answer still awaited counts as "checking", shown yet or not.
    if (status.state === 'unavailable' && (this.state === 'checking' || this.checkingTimer !== null)) {
      this.stopChecking();
      this.setState('unavailable', status.error);
    }
    if (status.state === 'connected' && this.state === 'unavailable') this.refresh();
  }

  // ---- listeners ----------------------------------------------------------

  listen() {
    const { signal } = this.abort;
    const ed = this.editor;
    ed.addEventListener('input', (e) => {
      const t0 = performance.now();
      // IME: never analyse half-composed text (event.isComposing), wait for compositionend.
      this.scheduler.onInput(e.isComposing);
      if (!this.ctx.painter.native) this.ctx.painter.scheduleDraw(); // live Ranges moved with the text
      if (this.pasted) {
        this.pasted = false;
        this.trigger = 'paste';
        this.scheduler.flush();
      }
      perf.work(performance.now() - t0);
    }, { signal });
    ed.addEventListener('compositionstart', () => this.scheduler.onCompositionStart(), { signal });
    ed.addEventListener('compositionend', () => this.scheduler.onCompositionEnd(), { signal });
    // Paste: the pasted text is in the DOM at the next input event (or, for
    // editors that handle paste themselves without one, a task later).
    ed.addEventListener('paste', () => {
      this.pasted = true;
      setTimeout(() => {
        if (this.pasted) {
          this.pasted = false;
          this.trigger = 'paste';
          this.scheduler.onPaste();
        }
      }, 0);
    }, { signal });
    // Hover: highlights receive no events, so hit-test the spans' rects, at most once a frame.
    let hoverFrame = 0;
    ed.addEventListener('mousemove', (e) => {
      if (hoverFrame || this.findings.length === 0) return;
      const { clientX: x, clientY: y } = e;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        const f = this.findingAtPoint(x, y);
        if (f) this.showCard(f, 'hover');
      });
    }, { signal, passive: true });
    ed.addEventListener('keydown', (e) => {
      // Alt+Enter moves focus into the card of the finding at the caret.
      if (e.key === 'Enter' && e.altKey && this.cardFor) {
        e.preventDefault();
        e.stopPropagation();
        this.card.querySelector('button')?.focus();
      } else if (e.key === 'Escape' && this.cardFor) {
        this.hideCard();
      }
    }, { signal, capture: true });
    document.addEventListener('selectionchange', () => {
      if (this.findings.length === 0) return;
      const t0 = performance.now();
      const sel = document.getSelection();
      if (sel && sel.rangeCount && sel.isCollapsed && ed.contains(sel.anchorNode)) {
        const f = this.findings.find((x) => x.range.isPointInRange(sel.anchorNode, sel.anchorOffset));
        if (f) this.showCard(f, 'caret');
        else if (this.cardFor && this.cardVia === 'caret') this.hideCard();
      }
      perf.work(performance.now() - t0);
    }, { signal });
    const reposition = () => this.position();
    window.addEventListener('scroll', reposition, { signal, passive: true, capture: true });
    window.addEventListener('resize', reposition, { signal, passive: true });
    if (typeof ResizeObserver === 'function') {
      const ro = new ResizeObserver(reposition);
      ro.observe(ed);
      signal.addEventListener('abort', () => ro.disconnect());
    }
  }

  findingAtPoint(x, y) {
    for (const f of this.findings) {
      for (const r of f.range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return f;
      }
    }
    return null;
  }

  // ---- UI -----------------------------------------------------------------

  buildUi() {
    const { signal } = this.abort;
    this.root = el('div', { 'data-editor': this.id, 'data-kind': this.kind });
    this.chip = el('button', {
      class: 'chip', type: 'button', 'data-state': 'idle', 'aria-expanded': 'false',
      'aria-label': t('chipLabel'),
    }, el('span', { class: 'dot', 'aria-hidden': 'true' }), el('span', { class: 'label' }));
    this.chip.addEventListener('click', () => this.togglePanel(), { signal });
    this.panel = el('div', { class: 'panel', role: 'region', 'aria-label': t('panelTitle'), hidden: true });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.togglePanel(false);
        this.chip.focus();
      }
    }, { signal });
    this.card = el('div', { class: 'card', role: 'group', 'aria-label': t('cardLabel'), hidden: true });
    this.card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.hideCard();
        this.editor.focus();
      }
    }, { signal });
    this.card.addEventListener('mouseleave', () => this.scheduleHideCard(), { signal });
    this.card.addEventListener('mouseenter', () => clearTimeout(this.hideTimer), { signal });
    this.editor.addEventListener('mouseleave', () => {
      if (this.cardVia === 'hover') this.scheduleHideCard();
    }, { signal });
    this.root.append(this.chip, this.panel, this.card);
    this.ctx.uiRoot().append(this.root);
    this.setState('idle');
    this.position();
  }

  setState(state, detail) {
    const prev = this.state;
    this.state = state;
    const n = this.findings.length;
    const max = maxSeverity(this.findings);
    const label = {
      idle: t('chipIdle'),
      checking: t('chipChecking'),
      warnings: n === 1 ? t('chipWarning1') : t('chipWarnings', n),
      clean: t('chipClean'),
      unavailable: t('chipNotChecked'),
    }[state];
    const icon = { idle: '•', checking: '…', warnings: SEVERITY_ICON[max] || '!', clean: '✓', unavailable: '?' }[state];
    this.chip.dataset.state = state;
    if (max) this.chip.dataset.max = max;
    else delete this.chip.dataset.max;
    // Unchanged words are not rewritten: new text nodes would cost the next
    // frame a layout (most answers while typing keep the same count).
    const labelEl = this.chip.querySelector('.label');
    const dotEl = this.chip.querySelector('.dot');
    if (labelEl.textContent !== label) labelEl.textContent = label;
    if (dotEl.textContent !== icon) dotEl.textContent = icon;
    this.chip.title = state === 'unavailable' ? t('chipNotCheckedTitle', detail || '') : label;
    // Announce outcomes, not every "checking": screen readers would chatter.
    if (state !== 'checking' && (state !== prev || state === 'warnings')) {
      const key = `${state}:${n}:${max}`;
      if (key !== this.lastAnnounced) {
        this.lastAnnounced = key;
        if (state !== 'idle') this.ctx.announce(state === 'unavailable' ? t('chipNotCheckedTitle', detail || '') : label);
      }
    }
  }

  position() {
    const t0 = performance.now();
    this.placeChip();
    perf.work(performance.now() - t0);
  }

  placeChip() {
    const r = this.editor.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && this.editor.isConnected;
    this.chip.hidden = !visible;
    if (!visible) return;
    const cw = this.chip.offsetWidth || 120;
    const top = Math.min(Math.max(r.bottom - 30, r.top + 4), window.innerHeight - 30);
    this.chip.style.left = `${Math.max(4, Math.min(r.right - cw - 6, window.innerWidth - cw - 4))}px`;
    this.chip.style.top = `${Math.max(4, top)}px`;
    if (!this.panel.hidden) this.placeBelow(this.panel, this.chip.getBoundingClientRect(), true);
    if (this.cardFor) this.placeCard();
    if (!this.ctx.painter.native) this.ctx.painter.drawOverlay();
  }

  /** Places a popover under `rect`, or above it when there is more room there; never over it. */
  placeBelow(box, rect, alignRight) {
    const w = box.offsetWidth || 340;
    const below = window.innerHeight - rect.bottom - 12;
    const above = rect.top - 12;
    box.style.maxHeight = '';
    const h = box.offsetHeight || 200;
    let top;
    if (h <= below || below >= above) {
      top = rect.bottom + 6;
      box.style.maxHeight = `${Math.max(120, below)}px`;
    } else {
      const room = Math.max(120, above);
      box.style.maxHeight = `${room}px`;
      top = rect.top - 6 - Math.min(h, room);
    }
    let left = alignRight ? rect.right - w : rect.left;
    left = Math.max(4, Math.min(left, window.innerWidth - w - 4));
    box.style.left = `${left}px`;
    box.style.top = `${Math.max(4, top)}px`;
  }

  findingView(f, { actions = true } = {}) {
    const { signal } = this.abort;
    const box = el('div', { class: `finding ${f.severity}`, 'data-rule': f.rule, 'data-severity': f.severity },
      el('div', { class: 'head' },
        el('span', { class: `badge ${f.severity}`, text: t(`severity_${f.severity}`) }),
        el('span', { class: 'cat', text: t(`category_${f.category}`) || f.category }),
        el('span', { class: 'quote', text: `“${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}”` })),
      f.message ? el('div', { class: 'why', text: f.message }) : null,
      f.suggestion ? el('div', { class: 'safer' }, el('b', { text: `${t('saferWording')} ` }), document.createTextNode(f.suggestion)) : null);
    if (actions) {
      const row = el('div', { class: 'actions' });
      applyActions(f).forEach((action, i) => {
        const label = action.kind === 'remove' ? t('applyRemove') : t('applyUse', action.text);
        const b = el('button', {
          type: 'button', class: i === 0 ? 'primary' : '', 'data-action': action.kind === 'remove' ? 'remove' : 'apply', text: label,
        });
        b.addEventListener('click', () => this.apply(f, action), { signal });
        row.append(b);
      });
      const here = el('button', { type: 'button', 'data-action': 'ignore-here', text: t('ignoreHere') });
      here.addEventListener('click', () => this.ignore(f, false), { signal });
      row.append(here);
      // Only with the host's keyed hash: the text itself is never stored.
      if (isIgnoreKey(f.ignore_key)) {
        const always = el('button', { type: 'button', 'data-action': 'ignore-always', text: t('ignoreAlways') });
        always.addEventListener('click', () => this.ignore(f, true), { signal });
        row.append(always);
      }
      box.append(row);
    }
    return box;
  }

  showCard(f, via) {
    clearTimeout(this.hideTimer);
    if (this.cardFor === f && !this.card.hidden) return;
    this.cardFor = f;
    this.cardVia = via;
    this.card.replaceChildren(this.findingView(f), el('div', { class: 'hint', text: t('cardHint') }));
    this.card.hidden = false;
    this.ctx.painter.focus(this, f.range);
    this.placeCard();
  }

  placeCard() {
    if (!this.cardFor) return;
    const rects = this.cardFor.range.getClientRects();
    const rect = rects.length ? rects[rects.length - 1] : this.editor.getBoundingClientRect();
    this.placeBelow(this.card, rect, false);
  }

  scheduleHideCard() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.card.matches(':hover') && !this.card.contains(this.ctx.uiRoot().activeElement)) this.hideCard();
    }, 350);
  }

  hideCard() {
    clearTimeout(this.hideTimer);
    this.cardFor = null;
    this.card.hidden = true;
    this.ctx.painter.focus(this, null);
  }

  togglePanel(force) {
    const open = force ?? this.panel.hidden;
    this.panel.hidden = !open;
    this.chip.setAttribute('aria-expanded', String(open));
    if (open) {
      this.renderPanel();
      this.placeBelow(this.panel, this.chip.getBoundingClientRect(), true);
      this.panel.querySelector('button')?.focus();
    }
  }

  renderPanel() {
    const items = this.findings.map((f) => this.findingView(f));
    const empty = el('p', { text: this.state === 'unavailable' ? t('chipNotCheckedTitle', '') : t('panelEmpty') });
    this.panel.replaceChildren(el('h2', { text: t('panelTitle') }), ...(items.length ? items : [empty]));
  }

  /**
   * Replaces (or removes) the span through the editor's own input path —
   * select it, then `insertText`/`delete` — so Quill/ProseMirror/LinkedIn
   * see a normal user edit: their state stays consistent and undo works.
   * @param {{kind: 'replace'|'remove', text: string}} action
   */
  apply(f, action) {
    // Re-read the text: the user may have typed since the finding arrived;
    // the live Range followed those edits, the offsets did not.
    const ex = extractText(this.editor);
    const r = f.range;
    const s = offsetOf(ex, r.startContainer, r.startOffset);
    const e = offsetOf(ex, r.endContainer, r.endOffset);
    if (r.collapsed || s < 0 || e <= s) {
      this.refresh();
      return;
    }
    const [a, b] = action.kind === 'remove' ? removalSpan(ex.text, s, e) : [s, e];
    const target = toRange(document, ex, a, b);
    if (!target) return;
    this.editor.focus();
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(target);
    const ok = action.kind === 'remove'
      ? document.execCommand('delete', false)
      : document.execCommand('insertText', false, action.text);
    if (!ok) {
      // Editors that cancel execCommand still take a paste through their own handler.
      const dt = new DataTransfer();
      dt.setData('text/plain', action.text);
      this.editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }
    this.dropFinding(f);
    this.ctx.announce(action.kind === 'remove' ? t('removed') : t('applied'));
    this.refresh();
  }

  ignore(f, always) {
    const entry = always ? ignoreEntry(f, this.ctx.domain) : null;
    if (entry) this.ctx.ignoreAlways(entry);
    else this.ignoredHere.add(f.key);
    for (const g of this.findings.filter((x) => x.key === f.key)) this.dropFinding(g);
    this.editor.focus();
  }

  dropFinding(f) {
    this.findings = this.findings.filter((x) => x !== f);
    this.ctx.painter.set(this, this.findings.map((x) => ({ range: x.range, severity: x.severity })));
    if (this.cardFor === f) this.hideCard();
    this.setState(this.findings.length ? 'warnings' : 'clean');
    if (!this.panel.hidden) this.renderPanel();
  }

  /** Lists, settings or the host changed: analyse again. */
  refresh() {
    this.trigger = 'refresh';
    this.scheduler.reanalyze();
  }

  /** Re-filters the current findings after "ignore always" changed elsewhere. */
  refilter() {
    const ignored = this.ctx.ignoredAlways();
    const keep = this.findings.filter((f) => !ignored.has(f.key));
    if (keep.length !== this.findings.length) {
      this.findings = keep;
      this.ctx.painter.set(this, keep.map((x) => ({ range: x.range, severity: x.severity })));
      this.setState(keep.length ? 'warnings' : 'clean');
      if (!this.panel.hidden) this.renderPanel();
    }
  }

  submitButton() {
    return submitButtonFor(this.editor, this.kind);
  }

  counts() {
    const c = { high: 0, medium: 0, low: 0 };
    for (const f of this.findings) c[f.severity] += 1;
    return c;
  }

  dispose() {
    this.stopChecking();
    this.abort.abort();
    this.scheduler.dispose();
    this.ctx.painter.clear(this);
    this.root.remove();
    this.resolveWaiters();
  }
}
