/**
 * The review pages: the list of pairs (`/review`) and one (document, locale)
 * pair, sentence by sentence (`/review/<lng>/<doc>`). Both are this one static
 * shell: the server sends it to anyone, so it holds nothing about the project
 * (not even the names in its URL). Its script loads the data from
 * `/api/review…` with the review token as a bearer header (never in a URL the
 * server sees: `l10n serve --review` prints it in the fragment), so no other
 * site can make a reader's browser read or save anything (no cookie is
 * involved).
 *
 * Keys as Weblate has them: Ctrl+Enter saves, Ctrl+Shift+Enter approves and
 * goes to the next sentence, Alt+PageDown / Alt+PageUp go to the next and
 * previous one.
 */
/** The page's script: plain DOM, no framework, so the page works from the one file the server sends. */
const SCRIPT = `
(() => {
  // The pair comes from the page's own path; until the API answers (with the token), nothing is shown of it.
  const match = /^\\/review\\/([^/]+)\\/([^/]+)$/.exec(location.pathname);
  let pair = null;
  try { if (match) pair = { lang: decodeURIComponent(match[1]), doc: decodeURIComponent(match[2]), sourceLang: '' }; } catch { pair = null; }
  const api = pair ? '/api/review/' + encodeURIComponent(pair.lang) + '/' + encodeURIComponent(pair.doc) : '/api/review';
  const status = (text) => { document.getElementById('status').textContent = text; };
  // The token arrives in the fragment, which browsers never send; it is kept for this tab and taken out of the address.
  const fromHash = () => {
    const value = new URLSearchParams(location.hash.slice(1)).get('token');
    if (value) { sessionStorage.setItem('l10n-review-token', value); history.replaceState(null, '', location.pathname); }
    return value;
  };
  fromHash();
  let token = sessionStorage.getItem('l10n-review-token');
  const login = document.getElementById('login');
  window.addEventListener('hashchange', () => { const value = fromHash(); if (value) { token = value; login.hidden = true; load(); } });
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
  // Per sentence: the version the server last gave (what the next save names) and the text it has,
  // so a reload of the list can tell the reviewer's unsaved typing from the server's text and keep it.
  const versions = new Map();
  const saved = new Map();
  const show = (data, after) => {
    const active = document.activeElement && document.activeElement.tagName === 'TEXTAREA'
      ? { id: document.activeElement.id.slice(2), start: document.activeElement.selectionStart, end: document.activeElement.selectionEnd } : null;
    const typing = new Map([...document.querySelectorAll('#units textarea')].filter((area) => area.value !== saved.get(area.id.slice(2))).map((area) => [area.id.slice(2), area.value]));
    units = data.units;
    for (const unit of units) { versions.set(unit.id, unit.version); saved.set(unit.id, unit.target ?? ''); }
    pair.lang = data.lang; pair.sourceLang = data.sourceLang;
    document.getElementById('heading').textContent = 'Review: ' + data.doc + ' → ' + data.lang;
    document.title = 'Review ' + data.doc + ' (' + data.lang + ')';
    document.getElementById('pair-head').hidden = false;
    const progress = document.getElementById('progress');
    progress.max = data.progress.total; progress.value = data.progress.approved;
    document.getElementById('progress-text').textContent = data.progress.approved + ' of ' + data.progress.total + ' sentences approved';
    document.getElementById('published').textContent = data.published ? '· published' : '· not published yet';
    document.getElementById('locale-progress').textContent = data.locale
      ? 'All ' + pair.lang + ' documents: ' + data.locale.approved + ' of ' + data.locale.total + ' sentences approved, ' + data.locale.published + ' of ' + data.locale.documents + ' documents published'
      : '';
    const main = document.getElementById('units');
    main.replaceChildren(...data.units.map(render));
    for (const [id, value] of typing) { const area = document.getElementById('t-' + id); if (area) area.value = value; }
    // Focus goes on from the sentence just saved; a reviewer already typing in another one stays there.
    if (after && (!active || active.id === after.id)) focusUnit(indexOf(after.id) + (after.approve ? 1 : 0));
    else if (active && document.getElementById('t-' + active.id)) {
      const area = document.getElementById('t-' + active.id);
      area.focus();
      area.setSelectionRange(active.start, active.end);
    }
  };
  const showList = (data) => {
    const main = document.getElementById('units');
    main.setAttribute('aria-label', 'Documents');
    const rows = data.pairs.map((item) => el('tr', {},
      el('td', {}, el('a', { href: '/review/' + encodeURIComponent(item.lang) + '/' + encodeURIComponent(item.doc) }, item.doc)),
      el('td', {}, item.lang),
      el('td', {}, item.total === undefined ? 'not run yet' : item.approved + ' of ' + item.total)));
    main.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Document'), el('th', { scope: 'col' }, 'Locale'), el('th', { scope: 'col' }, 'Sentences approved'))),
      el('tbody', {}, ...rows)));
  };
  const render = (unit) => {
    const id = unit.id;
    const area = el('textarea', { id: 't-' + id, lang: pair.lang, 'aria-describedby': 's-' + id });
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
  // Saves of one sentence go one after another: the next is sent when the previous has answered, naming
  // the version that answer gave, so a reviewer's own earlier save is never taken for someone else's.
  const queues = new Map();
  const enqueue = (id, work) => {
    const queued = (queues.get(id) || Promise.resolve()).then(work).catch((error) => status('Not saved: ' + error.message));
    queues.set(id, queued);
    return queued;
  };
  function save(id, approve, accept) {
    // The text as it was when the reviewer asked for the save, whatever they type while it waits.
    const text = document.getElementById('t-' + id).value;
    return enqueue(id, () => send(id, text, approve, accept));
  }
  async function send(id, text, approve, accept, version) {
    const body = JSON.stringify({ text, approve, ...(accept ? { accept } : {}) });
    status('Saving…');
    const response = await fetch(api + '/units/' + encodeURIComponent(id), { method: 'PUT', headers: { ...headers(), 'if-match': version || versions.get(id) }, body });
    if (response.status === 412) {
      const { current } = await response.json();
      const slot = document.getElementById('u-' + id).querySelector('.conflict-slot');
      slot.replaceChildren(el('div', { class: 'conflict', role: 'alert' },
        el('p', {}, 'Someone saved this sentence after you opened it.'),
        el('p', {}, 'Theirs (' + current.state + '): ', el('span', { lang: pair.lang, class: 'theirs' }, current.target ?? '')),
        el('p', {}, 'Yours: ', el('span', { lang: pair.lang, class: 'yours' }, text)),
        el('button', { type: 'button', onclick: () => {
          const area = document.getElementById('t-' + id);
          area.value = current.target ?? ''; versions.set(id, current.version); saved.set(id, area.value); slot.replaceChildren();
        } }, 'Keep theirs'),
        el('button', { type: 'button', onclick: () => { slot.replaceChildren(); enqueue(id, () => send(id, text, approve, accept, current.version)); } }, 'Save mine over theirs')));
      status('Not saved: the sentence changed meanwhile');
      return;
    }
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      // Kept in the file though what follows the save failed: the next save names the version it has now.
      if (answer.saved && answer.unit) { versions.set(id, answer.unit.version); saved.set(id, text); status(answer.error); return; }
      status('Not saved: ' + (answer.error || response.status));
      return;
    }
    show(await response.json(), { id, approve });
    status(approve ? 'Approved' : 'Saved');
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
    if (!response.ok) { status('Cannot load: ' + ((await response.json().catch(() => ({}))).error || response.status)); return; }
    if (pair) show(await response.json()); else showList(await response.json());
    status('');
  }
  load();
})();
`;

/** The page for `/review` and `/review/<lng>/<doc>`: the same bytes for every path and every visitor. */
export const REVIEW_SHELL = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Review</title>
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
td, th { text-align: left; padding: 0.2em 1em 0.2em 0; }
button { font: inherit; margin-right: 0.4em; }
</style></head>
<body>
<header>
<h1 id="heading">Review</h1>
<div id="pair-head" hidden>
<p><label for="progress">Approved</label> <progress id="progress" max="1" value="0"></progress> <span id="progress-text"></span> <span id="published"></span></p>
<p id="locale-progress"></p>
<p class="meta">Ctrl+Enter saves · Ctrl+Shift+Enter approves and goes on · Alt+PageDown / Alt+PageUp: next / previous sentence</p>
</div>
</header>
<form id="login" hidden><label for="token">Review token</label> <input id="token" type="password" autocomplete="off"> <button>Open</button></form>
<main id="units" aria-label="Sentences"></main>
<div id="status" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>
`;

