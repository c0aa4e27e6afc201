/**
 * The dashboard's stylesheet and script, served as files. The script only adds what needs
 * JavaScript: live journal rows (EventSource) and copy buttons; every page works without it.
 */

export const DASHBOARD_CSS = `
:root {
  color-scheme: light;
  --text: #1b1f24; --muted: #505a66; --line: #d5dbe1; --bg: #ffffff; --panel: #f5f7f9;
  --link: #0a4fb8; --focus: #1a6ef5;
  --ok-bg: #e3f3e6; --ok: #1d4d24; --warn-bg: #fff1dc; --warn: #5c3800; --bad-bg: #fde7e6; --bad: #6b1610;
}
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg); }
body { margin: 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, pre:focus-visible, .scroll:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.top { display: flex; align-items: center; gap: 2rem; padding: .6rem 1.5rem; background: #15202b; color: #fff; }
header.top .brand { font-weight: 650; letter-spacing: .01em; color: #fff; text-decoration: none; }
header.top nav ul { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; }
header.top nav a { color: #e8edf2; text-decoration: none; padding: .35rem .7rem; border-radius: 6px; display: inline-block; }
header.top nav a:hover { background: #2a3947; }
header.top nav a[aria-current="page"] { background: #fff; color: #15202b; font-weight: 600; }
main { padding: 1.25rem 1.5rem 3rem; max-width: 1500px; margin: 0 auto; }
h1 { font-size: 1.45rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
p.lead { color: var(--muted); margin-top: -.5rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; padding: .8rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 1rem; }
form.filters label, .field label { display: block; font-size: .85rem; color: var(--muted); margin-bottom: .2rem; }
input, select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid #8a96a3; border-radius: 6px; background: #fff; color: var(--text); }
textarea { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
button, .button { font: inherit; padding: .4rem .9rem; border-radius: 6px; border: 1px solid #0a4fb8; background: #0a4fb8; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: #0a4fb8; }
button.danger { background: #a51d16; border-color: #a51d16; }
.live { font-size: .9rem; color: var(--muted); margin: 0 0 .6rem; }
.live .dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; background: #8a96a3; margin-right: .4rem; vertical-align: middle; }
.live.on .dot { background: #1f8a3b; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .45rem .7rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #f0f5fb; }
tr.fresh { animation: fresh 2.5s ease-out; }
@keyframes fresh { from { background: #fff6c9; } to { background: transparent; } }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.mono, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.status { display: inline-block; min-width: 2.6rem; text-align: center; padding: .05rem .4rem; border-radius: 999px; font-weight: 600; font-size: .85rem; }
.status-ok { background: var(--ok-bg); color: var(--ok); }
.status-warn { background: var(--warn-bg); color: var(--warn); }
.status-bad { background: var(--bad-bg); color: var(--bad); }
.status-none { background: #e9ecef; color: #343a40; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: 4px; background: #e9ecef; color: #343a40; font-size: .8rem; margin-left: .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; margin: 0 0 1rem; padding: .9rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
@media (max-width: 900px) { .pair { grid-template-columns: 1fr; } }
.pair section { min-width: 0; }
pre { margin: 0; padding: .8rem 1rem; background: #f7f8fa; border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 32rem; font-size: .85rem; line-height: 1.4; }
.empty { color: var(--muted); padding: 1rem; }
.field { margin-bottom: .8rem; max-width: 60rem; }
.cred { display: flex; gap: .5rem; align-items: center; }
.cred input { flex: 1; min-width: 16rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem; margin-bottom: 1rem; }
.card h2 { margin-top: 0; }
.actions { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; margin: 1rem 0; }
.notice { padding: .6rem .9rem; border-radius: 6px; background: var(--ok-bg); color: var(--ok); margin-bottom: 1rem; }
.notice.error { background: var(--bad-bg); color: var(--bad); }
.pager { display: flex; gap: 1rem; margin-top: .8rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export const DASHBOARD_JS = `
(function () {
  'use strict';
  function text(tag, value, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }
  function statusClass(status) {
    if (status === 0) return 'status status-none';
    if (status < 400) return 'status status-ok';
    if (status < 500) return 'status status-warn';
    return 'status status-bad';
  }
  function row(entry, detailBase) {
    var tr = document.createElement('tr');
    tr.className = 'fresh';
    tr.setAttribute('data-seq', String(entry.seq));
    var first = document.createElement('td');
    var link = document.createElement('a');
    link.href = detailBase + encodeURIComponent(entry.id);
    link.textContent = entry.method + ' ' + (entry.api || entry.path);
    first.appendChild(link);
    if (entry.replayed) first.appendChild(text('span', 'replayed', 'tag'));
    if (entry.fault) first.appendChild(text('span', 'fault', 'tag'));
    tr.appendChild(first);
    tr.appendChild(text('td', entry.receivedAt.slice(11, 23), 'mono'));
    tr.appendChild(text('td', entry.merchantKey || '–'));
    var status = document.createElement('td');
    status.appendChild(text('span', entry.status === 0 ? 'none' : String(entry.status), statusClass(entry.status)));
    tr.appendChild(status);
    tr.appendChild(text('td', entry.responseCode || '–', 'mono'));
    tr.appendChild(text('td', entry.durationMs.toFixed(1) + ' ms', 'num'));
    tr.appendChild(text('td', entry.clientTxnId || '–', 'mono'));
    return tr;
  }
  function live() {
    var body = document.getElementById('journal-rows');
    if (!body || !window.EventSource) return;
    var status = document.getElementById('live');
    var max = Number(body.getAttribute('data-limit')) || 100;
    var detailBase = body.getAttribute('data-detail-base') || '';
    var source = new EventSource(body.getAttribute('data-stream'));
    source.addEventListener('ready', function () {
      if (status) { status.classList.add('on'); status.lastChild.textContent = 'Live: new requests appear at the top.'; }
    });
    source.addEventListener('request', function (event) {
      var entry = JSON.parse(event.data);
      if (body.querySelector('tr[data-seq="' + entry.seq + '"]')) return;
      var empty = document.getElementById('journal-empty');
      if (empty) empty.remove();
      body.insertBefore(row(entry, detailBase), body.firstChild);
      while (body.children.length > max) body.removeChild(body.lastChild);
    });
    source.onerror = function () {
      if (status) { status.classList.remove('on'); status.lastChild.textContent = 'Reconnecting…'; }
    };
  }
  function copyButtons() {
    var fields = document.querySelectorAll('[data-copy]');
    Array.prototype.forEach.call(fields, function (field) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy ' + (field.getAttribute('data-copy') || 'value'));
      button.addEventListener('click', function () {
        var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand('copy'); done(); });
        } else { field.select(); document.execCommand('copy'); done(); }
      });
      field.parentNode.appendChild(button);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { live(); copyButtons(); });
})();
`;
