// The RM's desk: state (PUT /api/agent/state), the next customer (POST /api/agent/next, GET /api/agent/current),
// click-to-call (POST /api/calls, GET /api/calls/{id}), the disposition (POST /api/calls/{id}/disposition), an SMS
// from a template (GET /api/sms/templates, POST /api/sms), today's counters (GET /api/agent/today) and the
// callbacks (GET /api/agent/callbacks). Live through the named events of /api/agent/events (state, call, today,
// handoff), with GET /api/agent/today every 30 s as the fallback. Problems (problem+json) are shown inline.
// Only customer.mobileMasked is ever shown: the page never has a full number.
(function () {
  'use strict';

  const desk = document.getElementById('desk');
  if (!desk) {
    return;
  }
  const text = desk.dataset;
  const locale = text.lang === 'en' ? 'en' : 'zh-CN';
  const FINAL_CALL_STATES = ['COMPLETED', 'FAILED', 'UNKNOWN'];
  const POLL_MILLIS = 30000;
  const CALL_POLL_MILLIS = 2000;

  const el = function (id) { return document.getElementById(id); };
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  let agent = null;        // the state body
  let current = null;      // the next / current / handoff body
  let call = null;         // { callId, state, outcome, talkSeconds }
  let callPoll = null;
  let selectedCode = null;
  let events = null;
  let templates = [];

  // ---- helpers ----------------------------------------------------------------------------------

  // data-call-answered for ANSWERED, data-state-wrap-up for WRAP_UP, data-tier-mid-high for MID_HIGH …
  function label(prefix, code) {
    if (code == null) {
      return '';
    }
    const key = prefix + String(code).toLowerCase().split('_')
        .map(function (part) { return part.charAt(0).toUpperCase() + part.slice(1); }).join('');
    return text[key] || String(code);
  }

  function when(instant) {
    if (!instant) {
      return '';
    }
    const date = new Date(instant);
    return isNaN(date) ? String(instant)
        : date.toLocaleString(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }

  function duration(seconds) {
    const total = Math.max(0, Math.round(seconds || 0));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(s).padStart(2, '0');
  }

  function amount(value) {
    return value == null || value === '' ? '' : money.format(Number(value));
  }

  async function problemOf(response) {
    const fallback = { detail: text.failed + ' (' + response.status + ')' };
    const type = response.headers.get('Content-Type') || '';
    if (!type.includes('json')) {
      return fallback;
    }
    return response.json().catch(function () { return fallback; });
  }

  function showError(box, problem) {
    box.replaceChildren();
    const detail = document.createElement('span');
    detail.textContent = (problem && (problem.detail || problem.title)) || text.failed;
    box.appendChild(detail);
    ((problem && problem.violations) || []).forEach(function (violation) {
      const line = document.createElement('span');
      line.className = 'violation';
      line.textContent = ' · ' + (violation.field ? violation.field + ': ' : '') + violation.message;
      box.appendChild(line);
    });
    box.hidden = false;
  }

  function clearError(box) {
    box.hidden = true;
    box.replaceChildren();
  }

  // fetch as JSON; a network failure becomes a problem like the server's
  async function api(method, url, body) {
    const init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      return await fetch(url, init);
    } catch (failure) {
      return { ok: false, status: 0, failure: String(failure) };
    }
  }

  async function failureOf(response) {
    return response.failure ? { detail: text.failed + ': ' + response.failure } : problemOf(response);
  }

  async function jsonOf(response) {
    const type = response.headers.get('Content-Type') || '';
    if (!type.includes('json')) {
      // a lost session answers with the login form: load the page again to sign in
      if (response.redirected && type.includes('text/html')) {
        window.location.reload();
      }
      throw new Error(text.failed);
    }
    return response.json();
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(function (cell) {
      const td = document.createElement('td');
      if (cell && typeof cell === 'object' && cell.nodeType) {
        td.appendChild(cell);
      } else if (cell && typeof cell === 'object') {
        td.textContent = cell.text == null ? '' : String(cell.text);
        td.className = cell.className || '';
      } else {
        td.textContent = cell == null ? '' : String(cell);
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function fill(tableId, rows) {
    const body = el(tableId).querySelector('tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const empty = row([text.none]);
      empty.firstChild.colSpan = el(tableId).querySelectorAll('thead th').length;
      empty.firstChild.className = 'muted';
      body.appendChild(empty);
      return;
    }
    rows.forEach(function (tr) { body.appendChild(tr); });
  }

  // ---- state -----------------------------------------------------------------------------------

  function showState(state) {
    if (!state || !state.state) {
      return;
    }
    agent = state;
    const badge = el('agent-state');
    badge.textContent = label('state', state.state);
    badge.dataset.state = state.state;
    badge.className = 'state agent-' + state.state;
    showStateDetail();
    ['state-ready', 'state-pause', 'state-offline'].forEach(function (id) {
      const button = el(id);
      button.setAttribute('aria-pressed', String(button.dataset.state === state.state));
      button.disabled = state.state === 'ON_CALL';
    });
    if (state.state === 'PAUSED' && state.reason) {
      el('pause-reason').value = state.reason;
    }
    if (state.callId && current && (!call || call.callId !== state.callId)) {
      trackCall(state.callId);
    }
    updateButtons();
  }

  function showStateDetail() {
    const detail = el('agent-state-detail');
    if (!agent) {
      detail.textContent = '';
      return;
    }
    const parts = [];
    if (agent.state === 'PAUSED' && agent.reason) {
      const option = el('pause-reason').querySelector('option[value="' + CSS.escape(agent.reason) + '"]');
      parts.push(option ? option.textContent : agent.reason);
    }
    if (agent.state === 'WRAP_UP' && agent.wrapUpUntil) {
      const left = Math.max(0, Math.ceil((new Date(agent.wrapUpUntil) - Date.now()) / 1000));
      parts.push(text.wrapUpLeft + ' ' + left);
    } else if (agent.since) {
      parts.push(text.since + ' ' + when(agent.since));
    }
    detail.textContent = parts.join(' · ');
  }

  async function loadState() {
    const response = await api('GET', '/api/agent/state');
    if (response.ok) {
      showState(await jsonOf(response).catch(function () { return null; }));
    } else {
      showError(el('state-error'), await failureOf(response));
    }
  }

  async function setState(state) {
    const error = el('state-error');
    clearError(error);
    const body = { state: state };
    if (state === 'PAUSED') {
      const reason = el('pause-reason').value;
      if (!reason) {
        showError(error, { detail: text.pauseReasonFirst });
        el('pause-reason').focus();
        return;
      }
      body.reason = reason;
    }
    const response = await api('PUT', '/api/agent/state', body);
    if (response.ok) {
      showState(await jsonOf(response).catch(function () { return null; }));
    } else {
      showError(error, await failureOf(response));
    }
  }

  // ---- the customer in hand --------------------------------------------------------------------

  function showCard(work, handoff) {
    current = work;
    const customer = work.customer || {};
    const campaign = work.campaign || {};
    el('work-status').textContent = '';
    el('handoff-note').hidden = !handoff;
    el('customer-name').textContent = customer.name || customer.customerId || '';
    el('customer-mobile').textContent = customer.mobileMasked || '';
    el('customer-tier').textContent = label('tier', customer.tier);
    el('customer-aum').textContent = amount(customer.aum);
    el('customer-branch').textContent = customer.branchId || '';
    el('campaign-name').textContent = campaign.name || campaign.id || '';
    el('entry-reason').textContent = work.reason || '';
    el('campaign-script').textContent = campaign.script || text.none;
    fill('holdings', (customer.holdings || []).map(function (holding) {
      return row([label('product', holding.productType), { text: amount(holding.amount), className: 'number' },
        holding.maturityDate || '', holding.branchId || '']);
    }));
    fill('outflows', (customer.outflows || []).map(function (outflow) {
      return row([when(outflow.at), { text: amount(outflow.amount), className: 'number' },
        outflow.counterpartyBank || '']);
    }));
    fill('contacts', (customer.recentContacts || []).map(function (contact) {
      return row([when(contact.at), contact.channel || '', contact.outcome || '', codeLabel(contact.disposition)]);
    }));
    el('customer-card').hidden = false;
    resetDisposition();
    el('disposition-status').textContent = '';
    el('sms-status').textContent = '';
    if (work.callId) {
      trackCall(work.callId);
    } else {
      showCall(null);
    }
    updateButtons();
  }

  function clearCard(message) {
    current = null;
    showCall(null);
    el('customer-card').hidden = true;
    el('work-status').textContent = message || '';
    resetDisposition();
    updateButtons();
  }

  function codeLabel(code) {
    if (!code) {
      return '';
    }
    const button = document.querySelector('#disposition-form button[data-code="' + CSS.escape(code) + '"]');
    return button ? button.textContent.replace(/^\s*\d\s*/, '').trim() : code;
  }

  async function loadCurrent() {
    const response = await api('GET', '/api/agent/current');
    if (response.status === 200) {
      showCard(await jsonOf(response), false);
    } else if (response.status !== 204 && response.status !== 404) {
      showError(el('work-error'), await failureOf(response));
    }
  }

  async function next() {
    const error = el('work-error');
    clearError(error);
    el('next').disabled = true;
    const response = await api('POST', '/api/agent/next');
    if (response.status === 200) {
      showCard(await jsonOf(response), false);
    } else if (response.status === 204) {
      clearCard(text.nothingDue);
    } else {
      showError(error, await failureOf(response));
    }
    updateButtons();
  }

  // ---- the call --------------------------------------------------------------------------------

  function callInFlight() {
    return call != null && !FINAL_CALL_STATES.includes(call.state);
  }

  function showCall(update) {
    const badge = el('call-state');
    if (!update) {
      call = null;
      stopCallPoll();
      badge.hidden = true;
      badge.textContent = '';
      updateButtons();
      return;
    }
    call = Object.assign(call && call.callId === update.callId ? call : {}, update);
    badge.hidden = false;
    badge.dataset.state = call.state || '';
    let shown = label('call', call.state || 'QUEUED');
    if (call.talkSeconds != null && call.talkSeconds > 0) {
      shown += ' · ' + duration(call.talkSeconds);
    }
    badge.textContent = shown;
    if (!callInFlight()) {
      stopCallPoll();
    }
    updateButtons();
  }

  function stopCallPoll() {
    if (callPoll) {
      clearInterval(callPoll);
      callPoll = null;
    }
  }

  async function refreshCall() {
    if (!call) {
      return;
    }
    const callId = call.callId;
    const response = await api('GET', '/api/calls/' + encodeURIComponent(callId));
    if (response.ok && call && call.callId === callId) {
      const view = await jsonOf(response).catch(function () { return null; });
      if (view) {
        showCall({ callId: callId, state: view.state, outcome: view.outcome, talkSeconds: view.talkSeconds });
      }
    }
  }

  // follows a call by the event stream and, as a fallback, by GET /api/calls/{id} until it is final
  function trackCall(callId) {
    if (call && call.callId === callId) {
      return;
    }
    stopCallPoll();
    call = null;
    showCall({ callId: callId, state: 'QUEUED' });
    callPoll = setInterval(refreshCall, CALL_POLL_MILLIS);
    refreshCall();
  }

  async function placeCall() {
    if (!current || !current.customer) {
      return;
    }
    const error = el('work-error');
    clearError(error);
    el('call').disabled = true;
    const body = { customerId: current.customer.customerId };
    if (current.entryId != null) {
      body.entryId = current.entryId;
    }
    if (current.callbackId != null) {
      body.callbackId = current.callbackId;
    }
    const response = await api('POST', '/api/calls', body);
    if (response.ok) {
      const placed = await jsonOf(response);
      trackCall(placed.callId);
    } else {
      showError(error, await failureOf(response));
    }
    updateButtons();
  }

  async function hangUp() {
    if (!callInFlight()) {
      return;
    }
    const error = el('work-error');
    clearError(error);
    el('hangup').disabled = true;
    const response = await api('POST', '/api/calls/' + encodeURIComponent(call.callId) + '/hangup');
    if (!response.ok) {
      showError(error, await failureOf(response));
    }
    updateButtons();
  }

  // ---- the disposition -------------------------------------------------------------------------

  function resetDisposition() {
    selectedCode = null;
    document.querySelectorAll('#disposition-form button[data-code]').forEach(function (button) {
      button.setAttribute('aria-pressed', 'false');
    });
    el('callback-field').hidden = true;
    el('product-field').hidden = true;
    el('callback-at').value = '';
    el('product-code').value = '';
    el('note').value = '';
    clearError(el('disposition-error'));
  }

  function selectCode(code) {
    if (!current) {
      return;
    }
    selectedCode = code;
    document.querySelectorAll('#disposition-form button[data-code]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.code === code));
    });
    el('callback-field').hidden = code !== 'CALLBACK';
    el('product-field').hidden = code !== 'SOLD';
    el('disposition-status').textContent = '';
    clearError(el('disposition-error'));
    if (code === 'CALLBACK') {
      el('callback-at').min = localInputValue(new Date());
      el('callback-at').focus();
    } else if (code === 'SOLD') {
      el('product-code').focus();
    }
    updateButtons();
  }

  // yyyy-MM-ddTHH:mm in the browser's time, what datetime-local takes
  function localInputValue(date) {
    const pad = function (n) { return String(n).padStart(2, '0'); };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
        + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  async function saveDisposition(event) {
    event.preventDefault();
    const error = el('disposition-error');
    clearError(error);
    if (!call) {
      showError(error, { detail: text.callFirst });
      return;
    }
    if (!selectedCode) {
      showError(error, { detail: text.pickCode });
      return;
    }
    const body = { code: selectedCode };
    const note = el('note').value.trim();
    if (note) {
      body.note = note;
    }
    if (selectedCode === 'CALLBACK' && el('callback-at').value) {
      const at = new Date(el('callback-at').value);
      body.callbackAt = isNaN(at) ? el('callback-at').value : at.toISOString();
    }
    if (selectedCode === 'SOLD' && el('product-code').value.trim()) {
      body.productCode = el('product-code').value.trim();
    }
    el('save-disposition').disabled = true;
    const response = await api('POST', '/api/calls/' + encodeURIComponent(call.callId) + '/disposition', body);
    if (response.ok) {
      clearCard('');
      el('disposition-status').textContent = text.saved;
      loadToday();
      loadCallbacks();
      loadState();
    } else {
      showError(error, await failureOf(response));
    }
    updateButtons();
  }

  // ---- SMS -------------------------------------------------------------------------------------

  async function loadTemplates() {
    const response = await api('GET', '/api/sms/templates');
    if (!response.ok) {
      showError(el('sms-error'), await failureOf(response));
      return;
    }
    templates = (await jsonOf(response).catch(function () { return []; }))
        .filter(function (template) { return template.active !== false; });
    const select = el('sms-template');
    select.replaceChildren();
    templates.forEach(function (template) {
      const option = document.createElement('option');
      option.value = template.id;
      option.textContent = template.name || template.id;
      select.appendChild(option);
    });
    showTemplate();
    updateButtons();
  }

  function showTemplate() {
    const chosen = templates.find(function (template) { return template.id === el('sms-template').value; });
    el('sms-preview').textContent = chosen ? chosen.body : '';
  }

  async function sendSms(event) {
    event.preventDefault();
    const error = el('sms-error');
    clearError(error);
    el('sms-status').textContent = '';
    if (!current || !current.customer || !el('sms-template').value) {
      return;
    }
    el('sms-send').disabled = true;
    const response = await api('POST', '/api/sms',
        { customerId: current.customer.customerId, templateId: el('sms-template').value });
    if (response.ok) {
      el('sms-status').textContent = text.smsSent;
      loadToday();
    } else {
      showError(error, await failureOf(response));
    }
    updateButtons();
  }

  // ---- today and the callbacks -----------------------------------------------------------------

  function showToday(today) {
    if (!today) {
      return;
    }
    const effective = today.effective || 0;
    const standard = today.effectiveStandard || 0;
    el('today-dialled').textContent = today.dialled || 0;
    el('today-answered').textContent = today.answered || 0;
    el('today-effective').textContent = effective;
    el('today-standard').textContent = standard;
    el('today-talk').textContent = duration(today.talkSeconds);
    el('today-sms').textContent = today.sms || 0;
    // -1: the service could not count the live queue just now
    el('queue-length').textContent = today.queueLength == null || today.queueLength < 0 ? '–' : today.queueLength;
    const progress = el('today-progress');
    progress.max = Math.max(1, standard);
    progress.value = Math.min(effective, progress.max);
    progress.classList.toggle('met', standard > 0 && effective >= standard);
  }

  async function loadToday() {
    const response = await api('GET', '/api/agent/today');
    if (response.ok) {
      showToday(await jsonOf(response).catch(function () { return null; }));
    }
  }

  async function loadCallbacks() {
    const response = await api('GET', '/api/agent/callbacks');
    if (!response.ok) {
      return;
    }
    const callbacks = await jsonOf(response).catch(function () { return []; });
    const table = el('callbacks');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    callbacks.forEach(function (callback) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'small';
      button.textContent = text.callBack;
      button.addEventListener('click', function () { takeCallback(callback); });
      const who = document.createElement('span');
      who.textContent = callback.customerName || callback.customerId;
      if (callback.note) {
        const note = document.createElement('span');
        note.className = 'muted small-text block';
        note.textContent = callback.note;
        who.appendChild(note);
      }
      const tr = row([when(callback.dueAt), who, button]);
      tr.dataset.callbackId = callback.callbackId;
      if (callback.dueAt && new Date(callback.dueAt) <= new Date()) {
        tr.className = 'due';
      }
      body.appendChild(tr);
    });
    table.hidden = callbacks.length === 0;
    el('no-callbacks').hidden = callbacks.length > 0;
  }

  // a callback becomes the customer in hand (what the list gives: name and campaign); C calls it
  function takeCallback(callback) {
    if (callInFlight()) {
      return;
    }
    showCard({
      callbackId: callback.callbackId,
      reason: callback.note,
      campaign: { id: callback.campaignId },
      customer: { customerId: callback.customerId, name: callback.customerName }
    }, false);
  }

  // ---- buttons and keys ------------------------------------------------------------------------

  function updateButtons() {
    const state = agent ? agent.state : null;
    el('next').disabled = state !== 'READY' || callInFlight();
    el('call').disabled = !current || callInFlight() || state === 'ON_CALL';
    el('hangup').disabled = !callInFlight();
    el('save-disposition').disabled = !current || !call || !selectedCode;
    el('sms-send').disabled = !current || !el('sms-template').value;
    document.querySelectorAll('#disposition-form button[data-code]').forEach(function (button) {
      button.disabled = !current;
    });
  }

  function typing(target) {
    return target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  }

  function press(button) {
    if (button && !button.disabled) {
      button.click();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target)) {
      return;
    }
    const key = event.key;
    if (key === 'n' || key === 'N') {
      press(el('next'));
    } else if (key === 'c' || key === 'C') {
      press(el('call'));
    } else if (/^[1-7]$/.test(key)) {
      press(document.querySelector('#disposition-form button[data-key="' + key + '"]'));
    } else {
      return;
    }
    event.preventDefault();
  });

  // ---- live ------------------------------------------------------------------------------------

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (notJson) {
      return null;
    }
  }

  function startEvents() {
    if (typeof EventSource === 'undefined') {
      return;
    }
    events = new EventSource('/api/agent/events');
    events.addEventListener('open', function () {
      el('live-status').hidden = true;
    });
    events.addEventListener('error', function () {
      const status = el('live-status');
      status.textContent = text.reconnecting;
      status.hidden = false;
    });
    events.addEventListener('state', function (event) {
      showState(parse(event));
    });
    events.addEventListener('call', function (event) {
      const update = parse(event);
      if (update && call && update.callId === call.callId) {
        showCall(update);
      }
    });
    events.addEventListener('today', function (event) {
      showToday(parse(event));
    });
    events.addEventListener('handoff', function (event) {
      const work = parse(event);
      if (work) {
        clearError(el('work-error'));
        showCard(work, true);
      }
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------

  ['state-ready', 'state-pause', 'state-offline'].forEach(function (id) {
    el(id).addEventListener('click', function () { setState(el(id).dataset.state); });
  });
  el('pause-reason').addEventListener('change', function () {
    if (el('pause-reason').value && agent && agent.state === 'PAUSED' && agent.reason !== el('pause-reason').value) {
      setState('PAUSED');
    }
  });
  el('next').addEventListener('click', next);
  el('call').addEventListener('click', placeCall);
  el('hangup').addEventListener('click', hangUp);
  document.querySelectorAll('#disposition-form button[data-code]').forEach(function (button) {
    button.addEventListener('click', function () { selectCode(button.dataset.code); });
  });
  el('disposition-form').addEventListener('submit', saveDisposition);
  el('sms-template').addEventListener('change', function () { showTemplate(); updateButtons(); });
  el('sms-form').addEventListener('submit', sendSms);

  updateButtons();
  loadState().then(loadCurrent);
  loadToday();
  loadCallbacks();
  loadTemplates();
  startEvents();
  setInterval(function () {
    loadToday();
    if (!events || events.readyState !== EventSource.OPEN) {
      loadState();
    }
  }, POLL_MILLIS);
  setInterval(function () {
    if (agent && agent.state === 'WRAP_UP') {
      showStateDetail();
    }
  }, 1000);
}());
