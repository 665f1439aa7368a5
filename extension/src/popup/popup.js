// Popup: the AI-training opt-out first, then the host's status, this site
// on/off and the current composer's counts.
import { api, t, localizePage } from '../lib/browser.js';
import { UI2B, UI2C, STORAGE, BUILT_IN_SITES } from '../messages.js';
import { AI_SETTINGS_URL } from '../lib/selectors.js';
import { normalizePolicy, readManaged } from '../lib/policy.js';

/** The command of "Audit my past posts" (the zip's name varies: the user completes it). */
export const AUDIT_COMMAND = 'draftguard audit ~/Downloads/Basic_LinkedInDataExport_….zip';
export const AUDIT_DATA_URL = 'https://www.linkedin.com/mypreferences/d/download-my-data';

const $ = (id) => document.getElementById(id);

/* global __TARGET__ */
/** Which `--browser` the install command needs, from the build target and the UA brands. */
function browserName() {
  if (__TARGET__ === 'firefox') return 'firefox';
  const brands = (navigator.userAgentData?.brands || []).map((b) => b.brand);
  if (brands.includes('Microsoft Edge')) return 'edge';
  if (brands.includes('Brave')) return 'brave';
  if (brands.includes('Google Chrome')) return 'chrome';
  if (brands.includes('Chromium')) return 'chromium';
  return 'all';
}

function installCommand() {
  return `draftguard install --browser ${browserName()} --user`;
}

async function showAi() {
  const s = (await api.storage.local.get(STORAGE.AI_SETTING))[STORAGE.AI_SETTING];
  const p = $('ai-state');
  if (!s) {
    p.dataset.state = 'unknown';
    p.textContent = t('aiUnknown');
  } else {
    const date = new Date(s.checkedAt).toLocaleDateString(api.i18n.getUILanguage());
    p.dataset.state = s.trainingOn ? 'on' : 'off';
    p.textContent = s.trainingOn ? t('aiOn', date) : t('aiOff', date);
  }
  // Once opted out, the big button becomes a quiet link-like action.
  $('ai-open').classList.toggle('primary', !s || s.trainingOn);
  $('ai-open').textContent = s && !s.trainingOn ? t('aiReviewSetting') : t('aiOpenSetting');
}

function showHost(status) {
  const p = $('host-state');
  p.dataset.state = status.state;
  if (status.state === 'connected') {
    p.textContent = t('hostConnected', [status.version ?? '?', status.rules ?? '?', status.terms ?? '?']);
    // The host started on defaults because its store was unreadable (moved aside) or read-only.
    if (status.store && status.store.ok === false) {
      const problem = status.store.problems?.[0];
      p.textContent += ` ${t('storeProblem', problem ? `${problem.file}: ${problem.message}` : '')}`;
    }
  } else if (status.state === 'unavailable') {
    p.textContent = status.reason === 'not_installed' ? t('hostNotInstalled') : t('hostUnavailable', status.error || '');
  } else {
    p.textContent = t('hostConnecting');
  }
  $('host-install').hidden = status.state !== 'unavailable';
  $('host-command').textContent = installCommand();
}

async function activeTab() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function showSite() {
  const tab = await activeTab();
  let hostname = null;
  try {
    hostname = tab && tab.url ? new URL(tab.url).hostname : null;
  } catch {
    hostname = null;
  }
  const guarded = hostname && BUILT_IN_SITES.includes(hostname);
  $('site').hidden = !guarded;
  if (!guarded) return;
  $('site-name').textContent = hostname;
  // The organisation forbids switching it off: no switch, a note instead.
  managed = await readManaged(api);
  applySitePolicy();
  const sites = (await api.storage.local.get(STORAGE.SITES))[STORAGE.SITES] || {};
  const toggle = $('site-toggle');
  toggle.checked = sites[hostname] !== false;
  toggle.addEventListener('change', async () => {
    const now = (await api.storage.local.get(STORAGE.SITES))[STORAGE.SITES] || {};
    now[hostname] = toggle.checked;
    await api.storage.local.set({ [STORAGE.SITES]: now });
    showCounts(tab);
  });
  showCounts(tab);
}

let managed = {};
let org = null;

/** allowSiteSwitchOff:false (storage.managed, or as the host reports it) hides the switch. */
function applySitePolicy() {
  const policy = normalizePolicy(managed, org);
  $('site-switch').hidden = !policy.allowSiteSwitchOff;
  $('site-managed').hidden = policy.allowSiteSwitchOff;
}

async function showCounts(tab) {
  const p = $('counts');
  try {
    const c = await api.tabs.sendMessage(tab.id, { type: UI2C.COUNTS });
    if (!c || !c.enabled) p.textContent = t('countsOff');
    else if (!c.editors) p.textContent = t('countsNoComposer');
    else if (c.state === 'unavailable') p.textContent = t('chipNotChecked');
    else p.textContent = t('countsLine', [c.high, c.medium, c.low]);
  } catch {
    p.textContent = t('countsNoComposer');
  }
}

localizePage();
$('ai-open').addEventListener('click', async () => {
  await api.tabs.create({ url: AI_SETTINGS_URL });
  window.close();
});
$('options').addEventListener('click', (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
  window.close();
});
$('host-retry').addEventListener('click', async () => {
  showHost({ state: 'connecting' });
  showHost(await api.runtime.sendMessage({ type: UI2B.RECONNECT }));
});
$('audit-command').textContent = AUDIT_COMMAND;
$('audit-link').href = AUDIT_DATA_URL;
$('audit-link').addEventListener('click', async (e) => {
  e.preventDefault();
  await api.tabs.create({ url: AUDIT_DATA_URL });
  window.close();
});
$('audit-copy').addEventListener('click', async () => {
  let ok = false;
  try {
    await navigator.clipboard.writeText(AUDIT_COMMAND);
    ok = true;
  } catch {
    // Clipboard API refused (no user activation in some browsers): select the text instead.
    const range = document.createRange();
    range.selectNodeContents($('audit-command'));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    ok = document.execCommand('copy');
  }
  $('audit-copied').textContent = ok ? t('auditCopied') : '';
});
const hostStatus = api.runtime.sendMessage({ type: UI2B.STATUS }).catch(() => ({ state: 'unavailable', error: 'background' }));
showAi();
showSite();
hostStatus.then((s) => {
  showHost(s);
  org = s?.org || null;
  applySitePolicy();
});
