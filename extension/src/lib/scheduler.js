// When to analyse a draft, and which answers still count.
//
// Design decision: one small state machine per editor, with the clock and
// the timer injected, so the debounce, IME and revision rules are unit-tested
// without a browser. The content script does the minimum per keystroke (one
// clearTimeout + setTimeout); text extraction and messaging only happen when
// the timer fires, on paste, or before Post.
//
// Rules:
//  - typing: analyse after `delay` ms without input (debounce, ~200 ms);
//  - IME composition (event.isComposing, CJK/accents via dead keys): never
//    analyse half-composed text; schedule on compositionend instead;
//  - paste and Post: analyse at once (flush);
//  - every analysis gets a new revision; only the answer for the newest
//    revision is applied, older ones are dropped (the host may also mark
//    them superseded).

export class AnalysisScheduler {
  /**
   * @param {{delay?: number, run: (revision: number) => void,
   *   setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (t: any) => void}} opts
   */
  constructor({ delay = 200, run, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (t) => clearTimeout(t) }) {
    this.delay = delay;
    this.run = run;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.timer = null;
    this.revision = 0; // last revision issued
    this.applied = 0; // last revision whose answer was applied
    this.dirty = false; // text changed since the last issued revision
    this.composing = false;
  }

  /** An input event. `isComposing` comes from the event (IME). */
  onInput(isComposing = false) {
    this.dirty = true;
    if (isComposing || this.composing) return;
    this.arm();
  }

  onCompositionStart() {
    this.composing = true;
    this.cancel();
  }

  onCompositionEnd() {
    this.composing = false;
    this.dirty = true;
    this.arm();
  }

  /** Paste: analyse at once (after the pasted text is in the DOM). */
  onPaste() {
    this.dirty = true;
    return this.flush();
  }

  /** Analyse now if anything changed (Post pressed, paste); returns the revision to wait for. */
  flush() {
    this.cancel();
    if (this.composing) return this.revision;
    return this.issue();
  }

  /** Forces a new analysis even if nothing changed (reconnect, settings changed). */
  reanalyze() {
    this.dirty = true;
    return this.flush();
  }

  arm() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.issue();
    }, this.delay);
  }

  cancel() {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }

  issue() {
    if (!this.dirty) return this.revision;
    this.dirty = false;
    this.revision += 1;
    this.run(this.revision);
    return this.revision;
  }

  /** Should the answer for `revision` be applied? Only the newest counts. */
  accept(revision) {
    // Older than the newest issued, or typed over since it was issued: its
    // offsets describe text that no longer exists; a newer answer is coming.
    if (revision !== this.revision || this.dirty) return false;
    this.applied = revision;
    return true;
  }

  /** True while the draft has changes no answer covers yet. */
  get pending() {
    return this.dirty || this.timer !== null || this.applied !== this.revision;
  }

  dispose() {
    this.cancel();
    this.run = () => {};
  }
}
