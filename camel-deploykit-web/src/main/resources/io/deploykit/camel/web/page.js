// The deployments page: asks the server for its state every few moments and redraws what changed (a section whose
// data did not change keeps its focus, so keyboard users are not thrown out); actions are POSTs with the CSRF token.
// Everything from the server goes in as text, never as HTML. Times are shown in the browser's time zone.
(() => {
  'use strict';
  const meta = name => document.querySelector(`meta[name="deploykit-${name}"]`).content;
  const base = meta('path');
  const refresh = Number(meta('refresh')) || 1000;
  const drawn = {};
  let canAct = false;

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([key, value]) => {
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null) node.setAttribute(key, value);
    });
    children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
    return node;
  };
  const when = iso => iso ? el('time', {datetime: iso}, new Date(iso).toLocaleString(undefined,
      {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
        timeZoneName: 'short'})) : '';
  const seconds = ms => ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
  const state = text => el('span', {class: `state-${String(text).toLowerCase().split(':')[0].trim().replace(/\s+/g, '_')}`}, text);
  const table = (caption, headers, rows) => rows.length === 0 ? el('p', {class: 'none'}, caption ? `${caption}: none` : 'None')
      : el('table', {}, caption ? el('caption', {}, caption) : [],
          el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))),
          el('tbody', {}, rows));

  function say(text, problem) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.classList.toggle('problem', !!problem);
  }

  async function post(path, params, body) {
    const response = await fetch(`${base}${path}?${new URLSearchParams(params)}`, {
      method: 'POST', credentials: 'same-origin', body,
      headers: {[meta('csrf-header')]: meta('csrf-token')}
    });
    const answer = await response.json().catch(() => ({error: `refused (${response.status})`}));
    say(answer.message || answer.error, !response.ok);
    await load();
  }

  const button = (label, name, kind, action) => el('button', {type: 'button', class: kind, 'aria-label': name,
    onclick: action}, label);

  // each section, the keys of the state it shows: redrawn only when they change
  const sources = {'in-flight': ['inFlight'], 'gates': ['gates'], 'releases': ['releases', 'journalReleases'],
    'error-files': ['errorFiles'], 'last-deploys': ['lastDeploys'], 'journal': ['journal', 'journalError']};
  const draw = {
    'in-flight': s => table(null, ['File', 'Operation', 'Step', 'Started', 'Elapsed', 'Upload'], s.inFlight.map(d =>
        el('tr', {'data-what': d.what}, el('td', {}, d.what), el('td', {}, `${d.component}: ${d.operation}`),
            el('td', {}, state(d.step || 'starting')), el('td', {}, when(d.startedAt)), el('td', {}, seconds(d.ageMillis)),
            el('td', {}, d.upload ? [el('progress', {max: d.upload.total, value: d.upload.sent,
              'aria-label': `Upload of ${d.what}`}), ` ${d.upload.percent}%`] : '')))),
    'gates': s => table(null, ['Release', 'Wave', 'Waiting since', ''], s.gates.map(g =>
        el('tr', {'data-gate': `${g.release}|${g.wave}`}, el('td', {}, g.release), el('td', {}, g.wave), el('td', {}, when(g.since)),
            el('td', {}, canAct ? [
              button('Approve', `Approve wave ${g.wave} of ${g.release}`, 'go', () => post('/gates/approve', {release: g.release, wave: g.wave})), ' ',
              button('Reject', `Reject wave ${g.wave} of ${g.release}`, 'stop', () => post('/gates/reject', {release: g.release, wave: g.wave}))] : '')))),
    'releases': s => s.releases.length + s.journalReleases.length === 0 ? el('p', {class: 'none'}, 'None')
        : [...s.releases, ...s.journalReleases].map(matrix),
    'error-files': s => table(null, ['File', 'Inbox', 'Failed', 'Reason', ''], s.errorFiles.map(f =>
        el('tr', {'data-file': f.name}, el('td', {}, f.name), el('td', {}, f.inbox), el('td', {}, when(f.failedAt)),
            el('td', {class: 'reason'}, f.reason),
            el('td', {}, canAct ? [
              button('Retry', `Retry ${f.name}`, 'go', () => post('/errors/retry', {inbox: f.inbox, file: f.name})), ' ',
              button('Dismiss', `Dismiss ${f.name}`, '', () => post('/errors/dismiss', {inbox: f.inbox, file: f.name}))] : '')))),
    'last-deploys': s => table(null, ['File', 'Operation', 'Outcome', 'Started', 'Took', 'Last step', 'Reason'], s.lastDeploys.map(d =>
        el('tr', {'data-what': d.what}, el('td', {}, d.what), el('td', {}, `${d.component}: ${d.operation}`),
            el('td', {}, state(d.outcome)), el('td', {}, when(d.startedAt)), el('td', {}, seconds(d.durationMillis)),
            el('td', {}, d.lastStep || ''), el('td', {class: 'reason'}, d.error || '')))),
    'journal': s => s.journalError ? el('p', {class: 'none', role: 'alert'}, `The journal cannot be read: ${s.journalError}`)
        : table(null, ['What', 'Operation', 'Target', 'Last step', 'At', 'File moved out'], s.journal.map(r =>
        el('tr', {}, el('td', {}, r.what), el('td', {}, r.operation), el('td', {}, r.scope || ''), el('td', {}, r.step),
            el('td', {}, when(r.at)), el('td', {}, r.operation === 'release' ? '' : r.settled ? 'yes' : 'not yet'))))
  };

  // a release: rows are wave and target (scope, from the journal), columns its steps, each cell the unit's state
  function matrix(run) {
    const steps = [...new Map(run.cells.map(c => [c.step, c.stepName])).entries()];
    const rows = [...new Set(run.cells.map(c => c.row))];
    const cell = (row, step) => run.cells.find(c => c.row === row && c.step === step);
    const gates = Object.entries(run.gates).map(([wave, s]) => `gate ${wave}: ${s}`).join('; ');
    return el('table', {'data-release': run.releaseId},
        el('caption', {}, `${run.releaseId}, started `, when(run.started), run.fromJournal
            ? ' (from the journal: the steps done so far, by any instance)' : run.finished ? ', finished' : ', running',
            gates ? ` (${gates})` : ''),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Wave | target'),
            steps.map(([n, name]) => el('th', {scope: 'col'}, `${n}. ${name}`)))),
        el('tbody', {}, rows.map(row => el('tr', {}, el('th', {scope: 'row'}, row), steps.map(([n]) => {
          const c = cell(row, n);
          return el('td', {title: c && c.detail ? c.detail : null}, c ? state(c.state.toLowerCase().replace('_', ' ')) : '');
        })))));
  }

  async function load() {
    let s;
    try {
      const response = await fetch(`${base}/state`, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
      if (response.status === 401 || response.redirected) { location.assign(`${base}/login`); return; }
      s = await response.json();
      if (!response.ok) throw new Error(s.error || `HTTP ${response.status}`);
    } catch (e) {
      say(`No news from the server (${e.message}); trying again.`, true);
      return;
    }
    canAct = s.user.canAct;
    document.getElementById('role').textContent = canAct ? 'operator' : 'read only';
    document.getElementById('upload').hidden = !canAct || s.inboxes.length === 0;
    const select = document.getElementById('upload-inbox');
    if (select.options.length !== s.inboxes.length) {
      select.replaceChildren(...s.inboxes.map(name => el('option', {value: name}, name)));
    }
    Object.entries(draw).forEach(([id, render]) => {
      const data = JSON.stringify([canAct, ...sources[id].map(key => s[key])]);
      if (drawn[id] !== data) {
        try {
          document.getElementById(id).replaceChildren(...[render(s)].flat());
          drawn[id] = data;
        } catch (e) {
          say(`Cannot show ${id}: ${e.message}`, true);
        }
      }
    });
  }

  function upload(file) {
    if (!file) return;
    const inbox = document.getElementById('upload-inbox').value;
    say(`Uploading ${file.name} into ${inbox}…`);
    post('/upload', {inbox, name: file.name}, file);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const zone = document.getElementById('drop-zone');
    const input = document.getElementById('upload-file');
    input.addEventListener('change', () => { upload(input.files[0]); input.value = ''; });
    ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, e => { e.preventDefault(); zone.classList.add('over'); }));
    ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
    zone.addEventListener('drop', e => { e.preventDefault(); upload(e.dataTransfer.files[0]); });
    load();
    setInterval(load, refresh);
  });
})();
