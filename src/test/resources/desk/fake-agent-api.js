// A stand-in for the agent API of the contract (GET/PUT /api/agent/state, POST /api/agent/next, GET /api/agent/current,
// POST /api/calls, GET /api/calls/{id}, POST /api/calls/{id}/disposition, GET /api/agent/callbacks, GET /api/agent/today,
// GET /api/sms/templates, POST /api/sms) and an EventSource the test drives with window.fakeDesk.emit(name, body).
// DeskScriptBrowserTest installs it before the page's own scripts run, so desk.js is tested on its own.
(function () {
  'use strict';
  const CALL_ID = '11111111-2222-3333-4444-555555555555';
  const state = { staffId: 'rm-fake', state: 'OFFLINE', reason: null, since: new Date().toISOString(), callId: null,
    wrapUpUntil: null };
  const today = { dialled: 0, answered: 0, effective: 0, talkSeconds: 0, sms: 0, effectiveStandard: 4, queueLength: 3 };
  const card = {
    entryId: 7, callbackId: null, claimExpiresAt: new Date(Date.now() + 600000).toISOString(),
    reason: '定期存款 2026-12-02到期 50,000.00元', dialMode: 'PREVIEW', callId: null,
    campaign: { id: 'maturing', name: '到期挽留', script: '您好，我是您的客户经理。' },
    customer: {
      customerId: 'C-FAKE-1', name: '张三', mobileMasked: '139****5678', tier: 'MID_HIGH', aum: 123456.5,
      branchId: 'BR001',
      holdings: [{ holdingId: 'H1', productType: 'TIME_DEPOSIT', amount: 50000, maturityDate: '2026-12-02',
        branchId: 'BR001' }],
      outflows: [{ at: '2026-11-20T02:00:00Z', amount: 12000, counterpartyBank: '招商银行' }],
      recentContacts: [{ at: '2026-10-01T02:00:00Z', channel: 'CALL', outcome: 'ANSWERED', disposition: 'CALLBACK' }]
    }
  };
  let callState = null;
  let polls = 0;
  const requests = [];
  const errors = [];
  window.addEventListener('error', function (event) { errors.push(String(event.message)); });
  window.addEventListener('unhandledrejection', function (event) { errors.push(String(event.reason)); });

  function answer(status, body) {
    const problem = status >= 400;
    return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), {
      status: status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' }
    }));
  }

  window.fetch = function (url, init) {
    const method = (init && init.method) || 'GET';
    const body = init && init.body ? JSON.parse(init.body) : null;
    requests.push(method + ' ' + url + (init && init.body ? ' ' + init.body : ''));
    if (url === '/api/agent/state' && method === 'GET') {
      return answer(200, state);
    }
    if (url === '/api/agent/state' && method === 'PUT') {
      if (body.state === 'PAUSED' && !body.reason) {
        return answer(400, { code: 'reason-required', detail: 'a pause needs a reason' });
      }
      state.state = body.state;
      state.reason = body.reason || null;
      state.since = new Date().toISOString();
      return answer(200, state);
    }
    if (url === '/api/agent/current') {
      return answer(204);
    }
    if (url === '/api/agent/next') {
      return state.state === 'READY' ? answer(200, card)
          : answer(409, { code: 'not-ready', detail: 'the RM is not READY' });
    }
    if (url === '/api/calls' && method === 'POST') {
      callState = 'DIALING';
      polls = 0;
      state.state = 'ON_CALL';
      state.callId = CALL_ID;
      return answer(202, { callId: CALL_ID });
    }
    if (url.startsWith('/api/calls/') && url.endsWith('/disposition')) {
      if (body.code === 'CALLBACK' && !body.callbackAt) {
        return answer(400, { code: 'callback-at-required', detail: 'CALLBACK needs callbackAt inside the calling window' });
      }
      state.state = 'READY';
      state.wrapUpUntil = null;
      today.effective++;
      return answer(200, { callId: CALL_ID, code: body.code });
    }
    if (url.startsWith('/api/calls/')) {
      polls++;
      callState = polls < 2 ? 'RINGING' : polls < 3 ? 'ANSWERED' : 'COMPLETED';
      if (callState === 'COMPLETED' && state.state === 'ON_CALL') {
        state.state = 'WRAP_UP';
        state.callId = null;
        state.wrapUpUntil = new Date(Date.now() + 30000).toISOString();
      }
      return answer(200, { callId: CALL_ID, state: callState, outcome: callState === 'COMPLETED' ? 'ANSWERED' : null,
        talkSeconds: callState === 'COMPLETED' ? 65 : null });
    }
    if (url === '/api/agent/callbacks') {
      return answer(200, [{ callbackId: 3, customerId: 'C-FAKE-2', customerName: '李四', campaignId: 'maturing',
        dueAt: '2026-11-25T02:00:00Z', note: '下午再打', state: 'OPEN' }]);
    }
    if (url === '/api/agent/today') {
      return answer(200, today);
    }
    if (url === '/api/sms/templates') {
      return answer(200, [{ id: 'maturity', name: '到期提醒', body: '{customerName}您好，您的定期即将到期。', active: true,
        variables: ['customerName'] }, { id: 'old', name: '停用', body: 'x', active: false, variables: [] }]);
    }
    if (url === '/api/sms' && method === 'POST') {
      today.sms++;
      return answer(202, { smsId: 'aaaaaaaa-0000-0000-0000-000000000000' });
    }
    return answer(404, { detail: 'no such endpoint in the fake: ' + method + ' ' + url });
  };

  function FakeEventSource(url) {
    this.url = url;
    this.readyState = 1;
    this.listeners = {};
    fake.source = this;
  }
  FakeEventSource.OPEN = 1;
  FakeEventSource.prototype.addEventListener = function (name, listener) {
    (this.listeners[name] = this.listeners[name] || []).push(listener);
  };
  window.EventSource = FakeEventSource;

  const fake = {
    source: null,
    requests: requests,
    errors: errors,
    today: today,
    card: card,
    emit: function (name, body) {
      ((fake.source && fake.source.listeners[name]) || []).forEach(function (listener) {
        listener({ data: JSON.stringify(body) });
      });
    }
  };
  window.fakeDesk = fake;
}());
