// Painting findings without touching the editor's DOM.
//
// Design decision: rich-text editors (Quill, ProseMirror, LinkedIn's own)
// own their DOM and break when an extension inserts nodes — Quill loses the
// caret and duplicates text. So highlights are CSS Custom Highlights
// (`CSS.highlights`, `Highlight`, live `Range`s; styled by content.css with
// `::highlight(draftguard-…)`), which paint over text without a single DOM
// change. Where the API is missing, an overlay of fixed-position boxes in our
// own shadow root is drawn from `Range.getClientRects()` — again outside the
// editor. One Painter is shared by all editors of the page.

export const HIGHLIGHT_NAMES = { high: 'draftguard-high', medium: 'draftguard-medium', low: 'draftguard-low', focus: 'draftguard-focus' };

export function supportsCustomHighlights() {
  // Test-only hook: the E2E suite serves a page marked with this attribute
  // to exercise the overlay in a browser that has the API.
  if (document.documentElement.hasAttribute('data-draftguard-test-force-overlay')) return false;
  return typeof CSS !== 'undefined' && CSS.highlights !== undefined && typeof Highlight === 'function';
}

export class Painter {
  /** @param {{overlayRoot: () => Element}} opts where overlay boxes go (our shadow root). */
  constructor({ overlayRoot }) {
    this.native = supportsCustomHighlights();
    this.overlayRoot = overlayRoot;
    this.byOwner = new Map(); // owner → [{range, severity}]
    this.focusRange = null;
    this.overlay = null;
    if (this.native) {
      this.highlights = {};
      for (const [key, name] of Object.entries(HIGHLIGHT_NAMES)) {
        const h = new Highlight();
        // The focus highlight paints over the severity ones.
        h.priority = key === 'focus' ? 10 : { high: 3, medium: 2, low: 1 }[key];
        this.highlights[key] = h;
        CSS.highlights.set(name, h);
      }
    }
  }

  /** Replaces the spans of one editor. @param {{range: Range, severity: string}[]} spans */
  set(owner, spans) {
    const old = this.byOwner.get(owner);
    if (this.native) {
      if (old) for (const s of old) this.highlights[s.severity]?.delete(s.range);
      for (const s of spans) this.highlights[s.severity]?.add(s.range);
    }
    if (spans.length) this.byOwner.set(owner, spans);
    else this.byOwner.delete(owner);
    if (!this.native) this.drawOverlay();
  }

  clear(owner) {
    this.set(owner, []);
    if (this.focusRange && this.focusOwner === owner) this.focus(null, null);
  }

  /** Emphasises the span the card is about (hover or caret). */
  focus(owner, range) {
    if (this.native) {
      this.highlights.focus.clear();
      if (range) this.highlights.focus.add(range);
    }
    this.focusRange = range;
    this.focusOwner = owner;
    if (!this.native) this.drawOverlay();
  }

  /** Overlay fallback: redraw at the next frame (text moved while typing). */
  scheduleDraw() {
    if (this.native || this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.drawOverlay();
    });
  }

  /** Overlay fallback: redraws boxes (call on scroll, resize and results). */
  drawOverlay() {
    if (this.native) return;
    const root = this.overlayRoot();
    if (!root) return;
    if (!this.overlay) {
      this.overlay = document.createElement('div');
      this.overlay.className = 'overlay';
      this.overlay.setAttribute('aria-hidden', 'true');
      root.appendChild(this.overlay);
    }
    const frag = document.createDocumentFragment();
    for (const spans of this.byOwner.values()) {
      for (const s of spans) {
        for (const r of s.range.getClientRects()) {
          const box = document.createElement('div');
          box.className = `mark ${s.severity}${s.range === this.focusRange ? ' focus' : ''}`;
          box.style.left = `${r.left}px`;
          box.style.top = `${r.top}px`;
          box.style.width = `${r.width}px`;
          box.style.height = `${r.height}px`;
          frag.appendChild(box);
        }
      }
    }
    this.overlay.replaceChildren(frag);
  }
}
