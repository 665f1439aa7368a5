// Every LinkedIn selector DraftGuard uses, in one place.
//
// Design decision: LinkedIn is a single-page app whose markup changes often
// and whose newer class names are hashed, so every lookup is an ordered list:
// stable roles and accessible names first-class, the known class names only
// as a first guess. Each selector below is checked by tests/unit/selectors
// against the committed HTML fixtures in tests/fixtures/ (older Quill
// composer, newer aria/role composer, comment box, article editor, settings
// page with the AI toggle on and off) — never against the live site.
// When LinkedIn changes its markup: save the new markup as a fixture, make
// the test fail, fix the list here.

/** Editors we guard, by kind. The first matching list wins. */
export const EDITOR_SELECTORS = {
  post: [
    '.share-creation-state__text-editor .ql-editor',
    '[data-test-ql-editor-contenteditable="true"]',
    '[contenteditable="true"][aria-label="Text editor for creating content"]',
    '[contenteditable="true"][aria-placeholder*="Share your thoughts"]',
    '[contenteditable="true"][aria-placeholder*="What do you want to talk about"]',
    '[role="dialog"] [role="textbox"][contenteditable="true"]',
  ],
  comment: [
    '.comments-comment-box .ql-editor',
    '.comments-comment-texteditor [role="textbox"]',
    '[contenteditable="true"][aria-placeholder*="Add a comment"]',
    '[contenteditable="true"][aria-placeholder*="Add a reply"]',
    '[contenteditable="true"][aria-label*="comment" i]',
  ],
  article: [
    '[data-test-article-editor-content-textbox]',
    '.article-editor-content [contenteditable="true"]',
    '[contenteditable="true"][aria-label*="Article" i]',
  ],
};

/** Never guarded: private messages (the issue excludes them). */
export const EXCLUDED_EDITOR_SELECTORS = [
  '.msg-form__contenteditable',
  '.msg-form [contenteditable="true"]',
  '[contenteditable="true"][aria-label*="Write a message" i]',
];

/** The container that owns an editor and its submit button, by kind. */
export const CONTAINER_SELECTORS = {
  post: [
    '[data-test-modal-id="sharebox"]',
    '.share-box-v2__modal',
    '[role="dialog"]',
    'main',
  ],
  comment: [
    'form.comments-comment-box__form',
    '.comments-comment-box',
    '.comments-comment-texteditor',
    'form',
  ],
  article: ['.article-editor', 'main'],
};

/** Known submit-button classes, tried before accessible names. */
export const SUBMIT_BUTTON_SELECTORS = {
  // Buttons labelled only by aria-label ("Post") are found by name below.
  post: ['button.share-actions__primary-action'],
  comment: ['button.comments-comment-box__submit-button'],
  article: ['button.article-editor-nav__publish'],
};

/** Accessible names of submit buttons (English and French UI), by kind. */
export const SUBMIT_BUTTON_NAMES = {
  post: ['post', 'publier', 'post now'],
  comment: ['comment', 'reply', 'commenter', 'répondre', 'post'],
  article: ['publish', 'next', 'publier', 'suivant'],
};

/** The AI-training setting page and its toggle. */
export const AI_SETTINGS_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
export const AI_SETTINGS_URL = `https://www.linkedin.com${AI_SETTINGS_PATH}`;
export const AI_TOGGLE_SELECTORS = [
  'input[type="checkbox"][role="switch"]',
  '[role="switch"][aria-checked]',
  'input[type="checkbox"][id*="data-for-ai"]',
];
/** Words in the toggle's label that identify it among other switches. */
export const AI_TOGGLE_LABEL_WORDS = ['ai', 'ia', 'generative', 'générative', 'training', 'entraînement'];

/** Every selector string, for the fixture tests. */
export function allSelectors() {
  return [
    ...Object.values(EDITOR_SELECTORS).flat(),
    ...EXCLUDED_EDITOR_SELECTORS,
    ...Object.values(CONTAINER_SELECTORS).flat(),
    ...Object.values(SUBMIT_BUTTON_SELECTORS).flat(),
    ...AI_TOGGLE_SELECTORS,
  ];
}

function matchesAny(el, selectors) {
  for (const s of selectors) {
    try {
      if (el.matches(s)) return true;
    } catch {
      // An invalid selector must not break the page; tests catch typos.
    }
  }
  return false;
}

function isExcluded(el) {
  if (matchesAny(el, EXCLUDED_EDITOR_SELECTORS)) return true;
  return el.closest('.msg-form, .msg-overlay-conversation-bubble') !== null;
}

/**
 * Finds every guarded editor under `root`.
 * @param {ParentNode} root
 * @returns {{element: Element, kind: 'post'|'comment'|'article'}[]}
 */
export function findEditors(root) {
  const out = [];
  const seen = new Set();
  // Comments and articles first: the generic dialog rule for posts would
  // otherwise claim a comment box that sits inside a dialog (a post opened
  // in a modal).
  for (const kind of ['article', 'comment', 'post']) {
    for (const selector of EDITOR_SELECTORS[kind]) {
      let found;
      try {
        found = root.querySelectorAll(selector);
      } catch {
        continue;
      }
      for (const el of found) {
        if (seen.has(el) || isExcluded(el)) continue;
        // The editable element itself, not a wrapper that contains it.
        const editable = el.getAttribute('contenteditable') === 'true'
          ? el : el.querySelector('[contenteditable="true"]');
        if (!editable || seen.has(editable)) continue;
        seen.add(el);
        seen.add(editable);
        out.push({ element: editable, kind });
      }
    }
  }
  return out;
}

/** The closest container of `editor` for its kind. */
export function containerOf(editor, kind) {
  for (const s of CONTAINER_SELECTORS[kind]) {
    const c = editor.closest(s);
    if (c) return c;
  }
  return editor.ownerDocument.body;
}

/** Accessible name of a button: aria-label, else its visible text. */
export function accessibleName(el) {
  const label = el.getAttribute('aria-label');
  const text = label !== null && label.trim() !== '' ? label : el.textContent || '';
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The button that publishes what `editor` holds, or null.
 * @param {Element} editor
 * @param {'post'|'comment'|'article'} kind
 */
export function submitButtonFor(editor, kind) {
  const container = containerOf(editor, kind);
  for (const s of SUBMIT_BUTTON_SELECTORS[kind]) {
    const b = container.querySelector(s);
    if (b) return b;
  }
  const names = SUBMIT_BUTTON_NAMES[kind];
  const byName = (scope) => {
    for (const b of scope.querySelectorAll('button, [role="button"]')) {
      if (names.includes(accessibleName(b))) return b;
    }
    return null;
  };
  const found = byName(container);
  if (found) return found;
  // Hashed markup without a known container: the nearest ancestor (a few
  // levels up, never the whole page) that holds a button with the name.
  let scope = editor.parentElement;
  for (let i = 0; scope && i < 6 && scope !== container.ownerDocument.body; i++, scope = scope.parentElement) {
    const b = byName(scope);
    if (b) return b;
  }
  return null;
}

/** The AI-training toggle on the settings page, or null. */
export function findAiToggle(root) {
  const candidates = [];
  for (const s of AI_TOGGLE_SELECTORS) {
    for (const el of root.querySelectorAll(s)) if (!candidates.includes(el)) candidates.push(el);
  }
  if (candidates.length <= 1) return candidates[0] || null;
  // Several switches: take the one labelled about AI training.
  for (const el of candidates) {
    const doc = el.ownerDocument;
    const labelledBy = el.getAttribute('aria-labelledby');
    const labelEl = labelledBy ? doc.getElementById(labelledBy) : el.id ? doc.querySelector(`label[for="${el.id}"]`) : null;
    const text = `${el.getAttribute('aria-label') || ''} ${labelEl ? labelEl.textContent : ''}`.toLowerCase();
    const words = text.split(/[^\p{L}]+/u);
    if (AI_TOGGLE_LABEL_WORDS.some((w) => words.includes(w))) return el;
  }
  return candidates[0];
}

/** True when the toggle says LinkedIn may use the member's data for AI training. */
export function aiToggleIsOn(toggle) {
  if (toggle.nodeName === 'INPUT') {
    // The live property (the user may have flipped it); the attribute where
    // a DOM has no such property (server-side DOM in tests).
    return typeof toggle.checked === 'boolean' ? toggle.checked : toggle.hasAttribute('checked');
  }
  return toggle.getAttribute('aria-checked') === 'true';
}
