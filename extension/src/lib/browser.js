// The WebExtension API object: `browser` (Firefox, promise-based) or
// `chrome` (Chromium; promise-based in MV3).
export const api = globalThis.browser ?? globalThis.chrome;

/** chrome.i18n.getMessage with a readable fallback in tests. */
export function t(key, ...subs) {
  const s = api?.i18n?.getMessage(key, subs.flat().map(String));
  return s || key;
}

/** Fills [data-i18n], [data-i18n-title], [data-i18n-placeholder], [data-i18n-aria-label] in an extension page. */
export function localizePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const [attr, name] of [['i18nTitle', 'title'], ['i18nPlaceholder', 'placeholder'], ['i18nAriaLabel', 'aria-label']]) {
    for (const el of root.querySelectorAll(`[data-${attr.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}]`)) {
      el.setAttribute(name, t(el.dataset[attr]));
    }
  }
  const lang = api?.i18n?.getUILanguage?.() || 'en';
  document.documentElement.lang = lang.split('-')[0];
}
