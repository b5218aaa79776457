/*!
 * Madam COCO chat widget. Embed with:
 *   <script src="https://<host>/widget.js" data-title="Madam COCO" data-open="false" async></script>
 * Options (data- attributes): api (default: the script's origin), title, open ("true" opens the chat at once).
 * No framework, no cookies: the session id lives in localStorage, the history comes from the server.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var data = (script && script.dataset) || {};
  var api = (data.api || (script ? new URL(script.src, location.href).origin : location.origin)).replace(/\/$/, '');
  var title = data.title || 'Madam COCO';
  var KEY = 'coco.session', OPEN = 'coco.open';
  var seen = {}; // delivery ids already shown (an SSE copy of a reply is dropped)
  var lastEventId = 0, source = null, busy = false;

  function store(key, value) { try { if (value === undefined) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { return null; } }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'x' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }
  var session = store(KEY);
  if (!session || !/^[A-Za-z0-9_-]{8,128}$/.test(session)) { session = newId(); store(KEY, session); }

  var css = '.coco-w{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#2b2024}' +
    '.coco-bubble{width:60px;height:60px;border-radius:50%;border:0;background:#b5477a;color:#fff;display:flex;align-items:center;justify-content:center;margin-left:auto;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25)}' +
    '.coco-panel{display:none;flex-direction:column;width:360px;max-width:calc(100vw - 40px);height:520px;max-height:calc(100vh - 110px);background:#fff;border-radius:16px;box-shadow:0 10px 40px rgba(0,0,0,.25);overflow:hidden;margin-bottom:12px}' +
    '.coco-w.coco-open .coco-panel{display:flex}' +
    '.coco-head{background:#b5477a;color:#fff;padding:14px 16px;font-weight:600;display:flex;justify-content:space-between;align-items:center}' +
    '.coco-close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}' +
    '.coco-log{flex:1;overflow-y:auto;padding:12px;background:#fbf6f8}' +
    '.coco-msg{max-width:80%;padding:8px 12px;border-radius:14px;margin:4px 0;white-space:pre-wrap;word-wrap:break-word;clear:both}' +
    '.coco-out{background:#fff;border:1px solid #eadde3;float:left;border-bottom-left-radius:4px}' +
    '.coco-in{background:#b5477a;color:#fff;float:right;border-bottom-right-radius:4px}' +
    '.coco-btns{clear:both;display:flex;flex-wrap:wrap;gap:6px;padding:4px 0 6px}' +
    '.coco-btn{border:1px solid #b5477a;background:#fff;color:#b5477a;border-radius:16px;padding:6px 12px;cursor:pointer;font:inherit;font-size:14px}' +
    '.coco-btn:hover{background:#fbeaf2}.coco-btn:disabled{opacity:.45;cursor:default}' +
    '.coco-form{display:flex;border-top:1px solid #eadde3}' +
    '.coco-input{flex:1;border:0;padding:12px;font:inherit;outline:none}' +
    '.coco-send{border:0;background:none;color:#b5477a;font-weight:600;padding:0 14px;cursor:pointer;font:inherit}' +
    '.coco-err{clear:both;color:#a33;font-size:13px;padding:4px 0}';

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }

  var style = el('style'); style.textContent = css; document.head.appendChild(style);
  var root = el('div', 'coco-w'); root.setAttribute('data-coco', 'widget');
  var panel = el('div', 'coco-panel'); panel.setAttribute('role', 'dialog'); panel.setAttribute('aria-label', title);
  var head = el('div', 'coco-head'); head.appendChild(el('span', '', title));
  var close = el('button', 'coco-close', '×'); close.setAttribute('aria-label', 'Свернуть'); head.appendChild(close);
  var log = el('div', 'coco-log'); log.setAttribute('aria-live', 'polite');
  var form = el('form', 'coco-form');
  var input = el('input', 'coco-input'); input.placeholder = 'Напишите сообщение…'; input.setAttribute('aria-label', 'Сообщение');
  var send = el('button', 'coco-send', 'Отправить'); send.type = 'submit';
  form.appendChild(input); form.appendChild(send);
  panel.appendChild(head); panel.appendChild(log); panel.appendChild(form);
  var bubble = el('button', 'coco-bubble'); bubble.setAttribute('aria-label', 'Открыть чат ' + title);
  // An inline icon: no emoji font needed on the guest's machine.
  bubble.innerHTML = '<svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  root.appendChild(panel); root.appendChild(bubble);

  function setOpen(open) {
    root.classList.toggle('coco-open', open); store(OPEN, open ? '1' : '0');
    if (open) { connect(); setTimeout(function () { input.focus(); }, 0); }
  }
  bubble.onclick = function () { setOpen(!root.classList.contains('coco-open')); };
  close.onclick = function () { setOpen(false); };

  function scroll() { log.scrollTop = log.scrollHeight; }
  function disableOldButtons() { var b = log.querySelectorAll('.coco-btn'); for (var i = 0; i < b.length; i++) b[i].disabled = true; }
  function show(direction, text, buttons, id, live) {
    if (id !== undefined) { if (seen[id]) return; seen[id] = true; }
    if (direction === 'in' || (buttons && buttons.length)) disableOldButtons();
    log.appendChild(el('div', 'coco-msg coco-' + direction, text));
    if (buttons && buttons.length) {
      var row = el('div', 'coco-btns');
      buttons.forEach(function (b) {
        var btn = el('button', 'coco-btn', b.title); btn.type = 'button'; btn.disabled = !live;
        btn.onclick = function () { if (!btn.disabled) post({ payload: b.payload }, b.title); };
        row.appendChild(btn);
      });
      log.appendChild(row);
    }
    scroll();
  }
  function error(text) { var e = el('div', 'coco-err', text); log.appendChild(e); scroll(); setTimeout(function () { e.remove(); }, 6000); }

  function post(body, shown) {
    if (busy) return; busy = true; root.setAttribute('data-busy', 'true');
    show('in', shown);
    body.sessionId = session; body.messageId = newId();
    var wait = function (ms) { return new Promise(function (ok) { setTimeout(ok, ms); }); };
    var attempt = function (left, busyLeft) {
      return fetch(api + '/api/web/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        .then(function (r) {
          // 503: the server is busy and says when to come back (Retry-After, in seconds).
          if (r.status === 503 && busyLeft > 0) {
            var after = Math.min(Math.max(Number(r.headers.get('Retry-After')) || 2, 1), 30);
            return wait(after * 1000).then(function () { return attempt(left, busyLeft - 1); });
          }
          return r.json().then(function (j) { if (!r.ok) throw new Error((j.error && j.error.message) || r.status); return j; });
        })
        .catch(function (e) { if (left > 0 && e instanceof TypeError) return wait(1000).then(function () { return attempt(left - 1, busyLeft); }); throw e; });
    };
    // The same messageId on a retry: the server answers a redelivery once.
    attempt(2, 5).then(function (j) {
      j.replies.forEach(function (r) { show('out', r.text, r.buttons, r.id, true); });
    }).catch(function () { error('Не удалось отправить сообщение. Попробуйте ещё раз.'); })
      .then(function () { busy = false; root.setAttribute('data-busy', 'false'); });
  }
  form.onsubmit = function (e) {
    e.preventDefault();
    var text = input.value.trim(); if (!text) return;
    input.value = ''; post({ text: text }, text);
  };

  // The stream's URL carries a short-lived token, never the session id (URLs are logged). When the browser
  // gives up on the stream (the token expired, the server restarted), a new token opens a new one.
  function connect() {
    if (source || !window.EventSource) return;
    source = 'opening';
    fetch(api + '/api/web/events/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessionId: session }) })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (t) {
        var es = source = new EventSource(api + '/api/web/events?token=' + encodeURIComponent(t.token) + '&lastEventId=' + lastEventId);
        es.addEventListener('reply', function (e) {
          var r = JSON.parse(e.data); lastEventId = Math.max(lastEventId, r.id); show('out', r.text, r.buttons, r.id, true);
        });
        es.onerror = function () { if (es.readyState === 2) { es.close(); source = null; setTimeout(connect, 5000); } };
      })
      .catch(function () { source = null; setTimeout(connect, 5000); });
  }

  function restore() {
    return fetch(api + '/api/web/history?sessionId=' + encodeURIComponent(session))
      .then(function (r) { return r.ok ? r.json() : { messages: [], lastEventId: 0 }; })
      .then(function (h) {
        lastEventId = h.lastEventId || 0;
        h.messages.forEach(function (m, i) { show(m.direction, m.text, m.buttons, m.id, i === h.messages.length - 1); });
      })
      .catch(function () { /* offline: the chat still opens */ });
  }

  function mount() {
    document.body.appendChild(root);
    restore().then(function () {
      root.setAttribute('data-ready', 'true');
      if (data.open === 'true' || store(OPEN) === '1') setOpen(true);
    });
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
