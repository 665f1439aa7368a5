// Options page: keyword lists per domain scope (the host's store, through
// lists.get/put/delete/import/export), categories and sensitivity per scope
// (settings.get/put), and the findings ignored always (storage.local).
//
// Design decision: the host's store is the single source of truth and may be
// changed by another browser at any time, so every write carries the
// revision this page last read (`base_revision`); a `conflict` reply shows
// the other browser's lists and offers to re-apply the user's change on top,
// never silently overwriting it.

import { api, t, localizePage } from '../lib/browser.js';
import { UI2B, STORAGE } from '../messages.js';
import { CATEGORIES, SEVERITIES, SENSITIVITIES, flattenLists, request as build } from '../protocol.js';
import { parseTerms } from '../lib/terms.js';
import { migrateIgnored } from '../lib/ignored.js';
import { DEFAULT_POLICY, normalizePolicy, readManaged } from '../lib/policy.js';

const $ = (id) => document.getElementById(id);
const MAX_TERMS_SHOWN = 60;

let revision = 0;
let lists = []; // flat rows {domain, name, category, severity, terms}
let scopes = ['*', 'linkedin.com'];
let scope = 'linkedin.com';
let policy = DEFAULT_POLICY;

function host(request) {
  return api.runtime.sendMessage({ type: UI2B.HOST_REQUEST, request });
}

function banner(text, kind = 'warn', action) {
  const b = $('banner');
  b.className = kind;
  b.replaceChildren(document.createTextNode(text));
  if (action) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = action.label;
    btn.style.marginLeft = '10px';
    btn.addEventListener('click', action.run);
    b.append(btn);
  }
  b.hidden = !text;
}

function fromReply(reply) {
  if (typeof reply.revision === 'number') revision = reply.revision;
  lists = flattenLists(reply);
  for (const d of Object.keys(reply.domains || {})) if (!scopes.includes(d)) scopes.push(d);
}

async function load() {
  const reply = await host(build.listsGet());
  if (reply.type !== 'lists') {
    banner(t('hostError', reply.message || reply.code), 'error');
    return;
  }
  fromReply(reply);
  render();
  loadSettings();
}

/** Runs a write; on conflict, reloads and offers to redo `retry` on the new revision. */
async function write(makeRequest, okText) {
  const reply = await host(makeRequest(revision));
  if (reply.type === 'ok') {
    if (typeof reply.revision === 'number') revision = reply.revision;
    await load();
    banner(okText, 'ok');
    return true;
  }
  if (reply.code === 'conflict') {
    if (reply.domains) fromReply(reply);
    else await load();
    if (typeof reply.revision === 'number') revision = reply.revision;
    render();
    banner(t('conflict'), 'warn', {
      label: t('conflictRetry'),
      run: () => write(makeRequest, okText),
    });
    return false;
  }
  banner(t('hostError', reply.message || reply.code), 'error');
  return false;
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function render() {
  const sel = $('scope');
  sel.replaceChildren(...scopes.map((s) => option(s, s === '*' ? t('scopeEverywhere') : s)));
  sel.value = scope;
  const box = $('lists');
  const mine = lists.filter((l) => l.domain === scope);
  if (!mine.length) {
    const p = document.createElement('p');
    p.className = 'help';
    p.textContent = t('noLists');
    box.replaceChildren(p);
    return;
  }
  box.replaceChildren(...mine.map(renderList));
}

function renderList(l) {
  const card = document.createElement('div');
  card.className = 'card list';
  card.dataset.list = l.name;
  const head = document.createElement('div');
  head.className = 'list-head';
  const name = document.createElement('h3');
  name.textContent = l.name;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${t(`category_${l.category}`)} · ${t(`severity_${l.severity}`)} · ${l.terms.length === 1 ? t('termCount1') : t('termCount', l.term_count ?? l.terms.length)}`;
  const spacer = document.createElement('span');
  spacer.className = 'spacer';
  const del = document.createElement('button');
  del.type = 'button';
  del.className = 'danger';
  del.textContent = t('removeList');
  del.addEventListener('click', () => {
    if (!confirm(t('confirmRemoveList', l.name))) return;
    write((rev) => build.listsDelete({ domain: l.domain, name: l.name, baseRevision: rev }), t('listRemoved', l.name));
  });
  head.append(name, meta, spacer, del);
  const terms = document.createElement('ul');
  terms.className = 'terms';
  for (const term of l.terms.slice(0, MAX_TERMS_SHOWN)) {
    const li = document.createElement('li');
    li.append(document.createTextNode(term));
    const x = document.createElement('button');
    x.type = 'button';
    x.textContent = '×';
    x.setAttribute('aria-label', t('removeTerm', term));
    x.addEventListener('click', () => putList({ ...l, terms: l.terms.filter((v) => v !== term) }));
    li.append(x);
    terms.append(li);
  }
  card.append(head, terms);
  if (l.terms.length > MAX_TERMS_SHOWN) {
    const more = document.createElement('p');
    more.className = 'more';
    more.textContent = t('moreTerms', l.terms.length - MAX_TERMS_SHOWN);
    card.append(more);
  }
  const add = document.createElement('form');
  add.className = 'inline';
  const input = document.createElement('textarea');
  input.rows = 1;
  input.placeholder = t('addTermsPlaceholder');
  input.setAttribute('aria-label', t('addTermsPlaceholder'));
  const btn = document.createElement('button');
  btn.type = 'submit';
  btn.textContent = t('addTerms');
  add.append(input, btn);
  add.addEventListener('submit', (e) => {
    e.preventDefault();
    const extra = parseTerms(input.value);
    if (extra.length) putList({ ...l, terms: parseTerms([...l.terms, ...extra].join('\n')) });
  });
  card.append(add);
  return card;
}

function putList(l) {
  return write((rev) => build.listsPut({
    domain: l.domain, name: l.name, category: l.category, severity: l.severity, terms: l.terms, baseRevision: rev,
  }), t('listSaved', l.name));
}

// ---- settings ---------------------------------------------------------------

let settingsRevision;

async function loadSettings() {
  const reply = await host(build.settingsGet(scope));
  // "effective" is what applies to the scope (its own settings over "*" and the defaults).
  const s = reply.type === 'settings' ? (reply.effective ?? reply.domains?.[scope] ?? {}) : {};
  settingsRevision = reply.revision;
  const cats = s.categories || {};
  for (const c of CATEGORIES) $(`cat-${c}`).checked = cats[c] !== false || policy.forcedCategories.includes(c);
  applyCategoryPolicy();
  $('sensitivity').value = SENSITIVITIES.includes(s.sensitivity) ? s.sensitivity : 'medium';
}

function buildSettingsForm() {
  const fs = $('categories');
  for (const c of CATEGORIES) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `cat-${c}`;
    box.checked = true;
    label.append(box, document.createTextNode(t(`category_${c}`)));
    fs.append(label);
  }
  $('sensitivity').replaceChildren(...SENSITIVITIES.map((s) => option(s, t(`sensitivity_${s}`))));
  $('settings').addEventListener('submit', async (e) => {
    e.preventDefault();
    const categories = {};
    // Forced categories (and all of them when switch-offs are not allowed) are always sent on.
    for (const c of CATEGORIES) categories[c] = $(`cat-${c}`).checked || !policy.allowSiteSwitchOff || policy.forcedCategories.includes(c);
    const reply = await host(build.settingsPut({ domain: scope, settings: { categories, sensitivity: $('sensitivity').value }, baseRevision: settingsRevision }));
    if (reply.type === 'ok') {
      settingsRevision = reply.revision;
      banner(t('settingsSaved'), 'ok');
    } else if (reply.code === 'conflict') {
      banner(t('conflict'), 'warn');
      loadSettings();
    } else banner(t('hostError', reply.message || reply.code), 'error');
  });
}

/** forcedCategories: checked and locked; allowSiteSwitchOff:false: no category switches at all. */
function applyCategoryPolicy() {
  for (const c of CATEGORIES) {
    const box = $(`cat-${c}`);
    const forced = policy.forcedCategories.includes(c);
    if (forced) box.checked = true;
    box.disabled = forced;
    box.parentElement.classList.toggle('forced', forced);
    box.parentElement.title = forced ? t('managedCategoryForced') : '';
  }
  $('categories').hidden = !policy.allowSiteSwitchOff;
  $('categories-managed').hidden = policy.allowSiteSwitchOff;
}

/** Lists the organisation pushed, as the host reports them (names only: read-only). */
function renderManagedLists() {
  const names = policy.lockedLists;
  $('managed-lists').hidden = !names.length;
  $('managed-list-names').replaceChildren(...names.map((l) => {
    const li = document.createElement('li');
    li.dataset.list = l.name;
    li.textContent = `${l.name} · ${l.domain === '*' ? t('scopeEverywhere') : l.domain}`;
    return li;
  }));
}

// ---- import / export ----------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches a whole export, chunk by chunk; starts over if the lists change in between. */
async function exportLists(format) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const chunks = [];
    let offset = 0;
    let rev;
    let restart = false;
    while (offset !== null && offset !== undefined) {
      const reply = await host(build.listsExport({ format, offset }));
      if (reply.type !== 'export') {
        banner(t('hostError', reply.message || reply.code || 'export'), 'error');
        return;
      }
      if (rev === undefined) rev = reply.revision;
      else if (reply.revision !== rev) {
        restart = true;
        break;
      }
      chunks.push(reply.data);
      offset = reply.next_offset;
    }
    if (!restart) {
      download(`draftguard-lists.${format}`, format === 'csv' ? 'text/csv' : 'application/json', chunks.join(''));
      return;
    }
  }
  banner(t('conflict'), 'warn');
}

// ---- ignored findings -----------------------------------------------------------

async function renderIgnored() {
  // Only hashed entries are shown (older text entries are dropped by the background).
  const items = migrateIgnored((await api.storage.local.get(STORAGE.IGNORED))[STORAGE.IGNORED]);
  const ul = $('ignored');
  if (!items.length) {
    const li = document.createElement('li');
    li.textContent = t('noIgnored');
    ul.replaceChildren(li);
    return;
  }
  ul.replaceChildren(...items.map((it) => {
    const li = document.createElement('li');
    li.dataset.rule = it.rule;
    li.dataset.key = it.key;
    const span = document.createElement('span');
    const category = it.category ? t(`category_${it.category}`) : '';
    const date = it.addedAt && !Number.isNaN(Date.parse(it.addedAt)) ? new Date(it.addedAt).toLocaleDateString(api.i18n.getUILanguage()) : '';
    span.textContent = t('ignoredItem', [category, it.rule, it.domain || t('scopeEverywhere'), date]);
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = t('unignore');
    btn.addEventListener('click', async () => {
      const now = migrateIgnored((await api.storage.local.get(STORAGE.IGNORED))[STORAGE.IGNORED]).filter((x) => x.key !== it.key);
      await api.storage.local.set({ [STORAGE.IGNORED]: now });
      renderIgnored();
    });
    li.append(span, btn);
    return li;
  }));
}

// ---- wiring -------------------------------------------------------------------

localizePage();
$('list-category').replaceChildren(...CATEGORIES.map((c) => option(c, t(`category_${c}`))));
$('list-category').value = 'keyword';
$('list-severity').replaceChildren(...SEVERITIES.map((s) => option(s, t(`severity_${s}`))));
$('list-severity').value = 'high';
buildSettingsForm();

$('scope').addEventListener('change', () => {
  scope = $('scope').value;
  render();
  loadSettings();
});
$('add-scope').addEventListener('submit', (e) => {
  e.preventDefault();
  const v = $('new-scope').value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
  if (!v || !(v === '*' || /^[a-z0-9.-]+\.[a-z]{2,}$/.test(v))) {
    banner(t('badScope'), 'error');
    return;
  }
  if (!scopes.includes(v)) scopes.push(v);
  scope = v;
  $('new-scope').value = '';
  render();
  loadSettings();
});
$('add-list').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('list-name').value.trim();
  const terms = parseTerms($('list-terms').value);
  if (!name || !terms.length) return;
  const existing = lists.find((l) => l.domain === scope && l.name === name);
  const merged = existing ? parseTerms([...existing.terms, ...terms].join('\n')) : terms;
  const ok = await putList({ domain: scope, name, category: $('list-category').value, severity: $('list-severity').value, terms: merged });
  if (ok) {
    $('list-name').value = '';
    $('list-terms').value = '';
  }
});
$('import').addEventListener('change', async () => {
  const file = $('import').files[0];
  if (!file) return;
  const data = await file.text();
  const format = /\.json$/i.test(file.name) || data.trim().startsWith('{') ? 'json' : 'csv';
  await write((rev) => build.listsImport({ format, data, baseRevision: rev }), t('imported', file.name));
  $('import').value = '';
});
$('export-csv').addEventListener('click', () => exportLists('csv'));
$('export-json').addEventListener('click', () => exportLists('json'));
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE.IGNORED in changes) renderIgnored();
});

api.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') refreshPolicy();
});

let hostOrg = null;
async function refreshPolicy() {
  policy = normalizePolicy(await readManaged(api), hostOrg);
  applyCategoryPolicy();
  renderManagedLists();
}
refreshPolicy();

api.runtime.sendMessage({ type: UI2B.STATUS }).then((s) => {
  hostOrg = s.org || null;
  refreshPolicy();
  $('host-state').textContent = s.state === 'connected'
    ? t('hostConnected', [s.version ?? '?', s.rules ?? '?', s.terms ?? '?'])
    : t('hostUnavailable', s.error || '');
});
load();
renderIgnored();
