/**
 * The review page: one (document, locale) pair, sentence by sentence. The page
 * itself holds no data; its script loads the units from `/api/review/…` with
 * the review token as a bearer header (never in a URL the server sees: `l10n
 * serve --review` prints it in the fragment), so no other site can make a
 * reader's browser save anything (no cookie is involved).
 *
 * Keys as Weblate has them: Ctrl+Enter saves, Ctrl+Shift+Enter approves and
 * goes to the next sentence, Alt+PageDown / Alt+PageUp go to the next and
 * previous one.
 */
import { escapeHtml } from '../html/article.js';

export function renderReviewPage(doc: string, lang: string, sourceLang: string): string {
  const data = JSON.stringify({ doc, lang, sourceLang }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review ${escapeHtml(doc)} (${escapeHtml(lang)})</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60em; margin: 1em auto; padding: 0 1em; color: #1a1a1a; }
.unit { border-top: 1px solid #bbb; padding: 0.8em 0; }
.unit:focus-within { background: #f3f7ff; }
.source { font-size: 1.05em; margin: 0 0 0.4em; }
textarea { width: 100%; min-height: 3.5em; font: inherit; font-size: 1.05em; box-sizing: border-box; }
.meta { color: #4a4a4a; font-size: 0.9em; margin: 0.3em 0; }
.error { color: #a00000; } .warning { color: #6b4e00; }
.proposals, .findings { margin: 0.3em 0; padding-left: 1.2em; font-size: 0.95em; }
.conflict { border: 2px solid #a00000; padding: 0.5em; margin: 0.5em 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
button { font: inherit; margin-right: 0.4em; }
</style></head>
<body>
<header>
<h1>Review: ${escapeHtml(doc)} → ${escapeHtml(lang)}</h1>
<p><label for="progress">Approved</label> <progress id="progress" max="1" value="0"></progress> <span id="progress-text"></span> <span id="published"></span></p>
<p id="locale-progress"></p>
<p class="meta">Ctrl+Enter saves · Ctrl+Shift+Enter approves and goes on · Alt+PageDown / Alt+PageUp: next / previous sentence</p>
</header>
<form id="login" hidden><label for="token">Review token</label> <input id="token" type="password" autocomplete="off"> <button>Open</button></form>
<main id="units" aria-label="Sentences"></main>
<div id="status" role="status" aria-live="polite"></div>
<script type="application/json" id="pair">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** `/review`: every document and locale, with how far its review is, as the last run recorded it. */
export function renderReviewIndex(pairs: readonly { readonly doc: string; readonly lang: string; readonly approved?: number; readonly total?: number }[]): string {
  const rows = pairs.map(
    ({ doc, lang, approved, total }) =>
      `<tr><td><a href="/review/${encodeURIComponent(lang)}/${encodeURIComponent(doc)}">${escapeHtml(doc)}</a></td><td>${escapeHtml(lang)}</td><td>${total === undefined ? 'not run yet' : `${approved} of ${total}`}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Review</title>
<style>body { font-family: system-ui, sans-serif; max-width: 50em; margin: 1em auto; padding: 0 1em; } td, th { text-align: left; padding: 0.2em 1em 0.2em 0; }</style></head>
<body>
<main>
<h1>Review</h1>
<table>
<thead><tr><th scope="col">Document</th><th scope="col">Locale</th><th scope="col">Sentences approved</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`;
}

/** The page's script: plain DOM, no framework, so the page works from the one file the server sends. */
const SCRIPT = `
(() => {
  const pair = JSON.parse(document.getElementById('pair').textContent);
  const api = '/api/review/' + encodeURIComponent(pair.lang) + '/' + encodeURIComponent(pair.doc);
  const status = (text) => { document.getElementById('status').textContent = text; };
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) { sessionStorage.setItem('l10n-review-token', fromHash); history.replaceState(null, '', location.pathname); }
  let token = sessionStorage.getItem('l10n-review-token');
  const login = document.getElementById('login');
  login.addEventListener('submit', (event) => {
    event.preventDefault();
    token = document.getElementById('token').value;
    sessionStorage.setItem('l10n-review-token', token);
    login.hidden = true;
    load();
  });
  const headers = () => ({ authorization: 'Bearer ' + token, 'content-type': 'application/json' });
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value); else if (value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  };
  let units = [];
  const show = (data) => {
    units = data.units;
    const progress = document.getElementById('progress');
    progress.max = data.progress.total; progress.value = data.progress.approved;
    document.getElementById('progress-text').textContent = data.progress.approved + ' of ' + data.progress.total + ' sentences approved';
    document.getElementById('published').textContent = data.published ? '· published' : '· not published yet';
    document.getElementById('locale-progress').textContent = data.locale
      ? 'All ' + pair.lang + ' documents: ' + data.locale.approved + ' of ' + data.locale.total + ' sentences approved, ' + data.locale.published + ' of ' + data.locale.documents + ' documents published'
      : '';
    const main = document.getElementById('units');
    main.replaceChildren(...data.units.map(render));
  };
  const render = (unit) => {
    const id = unit.id;
    const area = el('textarea', { id: 't-' + id, lang: pair.lang, 'data-version': unit.version, 'aria-describedby': 's-' + id });
    area.value = unit.target ?? '';
    const findings = unit.findings.map((finding) => {
      const reason = el('input', { type: 'text', 'aria-label': 'Reason for accepting: ' + finding.message });
      const accept = finding.severity === 'error' && !finding.accepted
        ? [' ', reason, el('button', { type: 'button', onclick: () => save(id, false, { check: finding.check, note: reason.value || 'accepted' }) }, 'Accept')]
        : [finding.accepted ? ' (accepted)' : ''];
      return el('li', { class: finding.severity }, finding.severity + ' (' + finding.check + '): ' + finding.message, ...accept);
    });
    const proposals = unit.proposals.map((proposal) =>
      el('li', {}, proposal.score + ' %: ', el('span', { lang: pair.lang }, proposal.target.text), ' ', el('button', { type: 'button', onclick: () => { area.value = proposal.target.text; area.focus(); } }, 'Use')));
    return el('section', { class: 'unit', id: 'u-' + id, 'aria-label': 'Sentence ' + id },
      el('p', { class: 'source', id: 's-' + id, lang: pair.sourceLang }, unit.source),
      el('label', { for: 't-' + id }, 'Translation'),
      area,
      el('p', { class: 'meta' }, 'State: ' + unit.state + ' · Origin: ' + unit.origin),
      findings.length ? el('ul', { class: 'findings', 'aria-label': 'QA findings' }, ...findings) : null,
      proposals.length ? el('ul', { class: 'proposals', 'aria-label': 'Memory proposals' }, ...proposals) : null,
      el('div', { class: 'conflict-slot' }),
      el('button', { type: 'button', class: 'save', onclick: () => save(id, false) }, 'Save'),
      el('button', { type: 'button', class: 'approve', onclick: () => save(id, true) }, 'Approve'));
  };
  const focusUnit = (index) => {
    const unit = units[Math.max(0, Math.min(units.length - 1, index))];
    if (unit) document.getElementById('t-' + unit.id).focus();
  };
  const indexOf = (id) => units.findIndex((unit) => unit.id === id);
  async function save(id, approve, accept, version) {
    const area = document.getElementById('t-' + id);
    const body = JSON.stringify({ text: area.value, approve, ...(accept ? { accept } : {}) });
    status('Saving…');
    const response = await fetch(api + '/units/' + encodeURIComponent(id), { method: 'PUT', headers: { ...headers(), 'if-match': version || area.dataset.version }, body });
    if (response.status === 412) {
      const { current } = await response.json();
      const mine = area.value;
      const slot = document.getElementById('u-' + id).querySelector('.conflict-slot');
      slot.replaceChildren(el('div', { class: 'conflict', role: 'alert' },
        el('p', {}, 'Someone saved this sentence after you opened it.'),
        el('p', {}, 'Theirs (' + current.state + '): ', el('span', { lang: pair.lang, class: 'theirs' }, current.target ?? '')),
        el('p', {}, 'Yours: ', el('span', { lang: pair.lang, class: 'yours' }, mine)),
        el('button', { type: 'button', onclick: () => { area.value = current.target ?? ''; area.dataset.version = current.version; slot.replaceChildren(); } }, 'Keep theirs'),
        el('button', { type: 'button', onclick: () => { slot.replaceChildren(); save(id, approve, accept, current.version); } }, 'Save mine over theirs')));
      status('Not saved: the sentence changed meanwhile');
      return;
    }
    if (!response.ok) { status('Not saved: ' + ((await response.json().catch(() => ({}))).error || response.status)); return; }
    const next = indexOf(id) + 1;
    show(await response.json());
    status(approve ? 'Approved' : 'Saved');
    focusUnit(approve ? next : next - 1);
  }
  document.addEventListener('keydown', (event) => {
    const area = event.target.closest && event.target.closest('textarea');
    const index = area ? indexOf(area.id.slice(2)) : -1;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && area) { event.preventDefault(); save(area.id.slice(2), event.shiftKey); }
    else if (event.altKey && event.key === 'PageDown') { event.preventDefault(); focusUnit(index + 1); }
    else if (event.altKey && event.key === 'PageUp') { event.preventDefault(); focusUnit(index - 1); }
  });
  async function load() {
    if (!token) { login.hidden = false; document.getElementById('token').focus(); return; }
    const response = await fetch(api, { headers: headers() });
    if (response.status === 401) { sessionStorage.removeItem('l10n-review-token'); token = null; status('That token is not accepted'); login.hidden = false; return; }
    if (!response.ok) { status('Cannot load: ' + response.status); return; }
    show(await response.json());
    status('');
  }
  load();
})();
`;
