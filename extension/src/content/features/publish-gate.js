// Publish gate: Post (click, Enter/Space on the button, Ctrl/Cmd+Enter in
// the editor) with unresolved high-severity findings is stopped in the
// capture phase and a review dialog opens: the findings, Edit, Post anyway
// (lets the original action through exactly once) and the AI-training
// opt-out. Medium and low findings never block; a host that is unavailable
// or slow never blocks either (the chip already says "not checked").
//
// init() must run at document_start: capture listeners on `window` only see
// the click before LinkedIn's own handlers if they are registered first.

import { t } from '../../lib/browser.js';
import { AI_SETTINGS_URL } from '../../lib/selectors.js';
import { perf } from '../perf.js';

/** A draft changed since its last answer is analysed first, for at most this long. */
const GATE_CHECK_TIMEOUT_MS = 1500;

/**
 * @param {AbortSignal} signal
 * @param {{sessions: Map, enabled: () => boolean, hostStatus: () => object,
 *   aiSetting: () => object|null, policy: () => {allowPostAnywayOnHigh: boolean},
 *   uiRoot: () => ShadowRoot}} ctx
 */
export function init(signal, ctx) {
  function sessionForSubmit(target) {
    const button = target instanceof Element ? target.closest('button, [role="button"]') : null;
    if (!button) return null;
    for (const s of ctx.sessions.values()) {
      if (s.editor.isConnected && s.submitButton() === button) return { session: s, button };
    }
    return null;
  }

  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  /** Lets the original action through exactly once. */
  function release(session, button) {
    session.allowOnce = true;
    button.click();
    session.allowOnce = false;
  }

  async function gate(e, session, button) {
    if (session.allowOnce) return; // "Post anyway" or a clean re-check
    if (ctx.hostStatus().state === 'unavailable' && !session.highFindings().length) return; // never block when not checked
    const stale = session.scheduler.pending;
    if (!stale && !session.highFindings().length) return; // clean: untouched
    stop(e);
    if (stale) {
      const answered = await session.analyzeNow(GATE_CHECK_TIMEOUT_MS);
      // Host too slow or gone: do not hold the user's post hostage.
      if (!answered || session.state === 'unavailable') return release(session, button);
    }
    const highs = session.highFindings();
    if (!highs.length) return release(session, button);
    openReview(session, button);
  }

  function onClickCapture(e) {
    if (!ctx.enabled() || !ctx.sessions.size) return;
    const t0 = performance.now();
    const hit = sessionForSubmit(e.target);
    perf.work(performance.now() - t0);
    if (hit) gate(e, hit.session, hit.button);
  }

  function onKeydownCapture(e) {
    if (!ctx.enabled() || !ctx.sessions.size || e.isComposing) return;
    // Enter/Space on a focused Post button activates it without a click event
    // in some browsers until keyup: gate the key itself.
    if (e.key === 'Enter' || e.key === ' ') {
      const hit = sessionForSubmit(e.target);
      if (hit) {
        if (hit.session.allowOnce) return;
        const before = hit.session.highFindings().length || hit.session.scheduler.pending;
        if (before) gate(e, hit.session, hit.button);
        return;
      }
    }
    // Ctrl/Cmd+Enter in an editor submits in some composers.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      for (const s of ctx.sessions.values()) {
        if (s.editor.contains(e.target)) {
          const button = s.submitButton();
          if (button) gate(e, s, button);
          return;
        }
      }
    }
  }



  function openReview(session, button) {
    const root = ctx.uiRoot();
    const previousFocus = document.activeElement;
    const backdrop = document.createElement('div');
    backdrop.className = 'backdrop';
    const dialog = document.createElement('div');
    dialog.className = 'dialog';
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'dg-review-title');
    dialog.setAttribute('aria-describedby', 'dg-review-intro');
    const h = document.createElement('h2');
    h.id = 'dg-review-title';
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '!';
    h.append(icon, document.createTextNode(t('reviewTitle')));
    const intro = document.createElement('p');
    intro.id = 'dg-review-intro';
    const highs = session.highFindings().length;
    intro.textContent = highs === 1 ? t('reviewIntro1') : t('reviewIntro', highs);
    // The blocking findings first; the list scrolls, the title and buttons stay in view.
    const list = document.createElement('div');
    list.className = 'list';
    const order = { high: 0, medium: 1, low: 2 };
    const sorted = [...session.findings].sort((a, b) => order[a.severity] - order[b.severity] || a.start - b.start);
    for (const f of sorted) list.append(session.findingView(f, { actions: false }));
    dialog.append(h, intro, list);
    const aiSetting = ctx.aiSetting();
    if (!aiSetting || aiSetting.trainingOn !== false) {
      const ai = document.createElement('p');
      ai.className = 'ai';
      ai.setAttribute('data-role', 'ai-reminder');
      const a = document.createElement('a');
      a.href = AI_SETTINGS_URL;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = t('aiOptOutLink');
      ai.append(document.createTextNode(`${t('aiReminder')} `), a);
      dialog.append(ai);
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'primary';
    edit.dataset.action = 'edit';
    edit.textContent = t('edit');
    const anyway = document.createElement('button');
    anyway.type = 'button';
    anyway.className = 'danger';
    anyway.dataset.action = 'post-anyway';
    anyway.textContent = t('postAnyway');
    // The organisation's policy can take "Post anyway" away: the user must edit.
    if (ctx.policy().allowPostAnywayOnHigh) actions.append(anyway);
    else {
      const note = document.createElement('p');
      note.className = 'managed';
      note.setAttribute('data-role', 'managed-no-post-anyway');
      note.textContent = t('managedNoPostAnyway');
      dialog.append(note);
    }
    actions.append(edit);
    dialog.append(actions);
    backdrop.append(dialog);
    root.append(backdrop);
    edit.focus();

    const close = () => {
      backdrop.remove();
      document.removeEventListener('keydown', trap, true);
    };
    const trap = (e) => {
      if (e.key === 'Escape') {
        stop(e);
        onEdit();
      } else if (e.key === 'Tab') {
        // Keep focus inside the modal.
        const buttons = [...dialog.querySelectorAll('button, a')];
        const i = buttons.indexOf(root.activeElement);
        const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
        stop(e);
        next.focus();
      }
    };
    const onEdit = () => {
      close();
      const first = session.highFindings()[0];
      session.editor.focus();
      if (first) {
        const sel = document.getSelection();
        sel.removeAllRanges();
        const r = first.range.cloneRange();
        r.collapse(false);
        sel.addRange(r);
        session.showCard(first, 'caret');
      } else if (previousFocus && previousFocus.focus) previousFocus.focus();
    };
    edit.addEventListener('click', onEdit);
    anyway.addEventListener('click', () => {
      close();
      release(session, button);
    });
    document.addEventListener('keydown', trap, true);
  }

  window.addEventListener('click', onClickCapture, { capture: true, signal });
  window.addEventListener('keydown', onKeydownCapture, { capture: true, signal });
}
