// The supervisor's live dashboard: GET /api/dashboard/today draws the page (the RMs by state, the calls in
// progress, today's totals, each RM against the daily standard, the robot's results, the calls per hour as a
// Chart.js bar chart); the events of /api/dashboard/stream keep it current without a reload: 'today' (the
// whole body again, at most once a second), 'heartbeat' ({at}, when nothing changed for a while) and
// 'unavailable' (the live counters are out of reach). A lost stream shows 'reconnecting' and is opened again
// (the browser retries by itself; a closed or silent one is reopened with a growing delay); while it is down
// GET /api/dashboard/today every 30 s is the fallback. Durations ('since') count on the server's clock (asOf).
(function () {
  'use strict';

  const root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  const text = root.dataset;
  const locale = text.lang === 'en' ? 'en' : 'zh-CN';
  // the states in the page's order (DashboardPage.STATES)
  const STATES = Array.from(root.querySelectorAll('.state-count[data-state]'))
      .map(function (count) { return count.dataset.state; });
  const POLL_MILLIS = 30000;
  const REFRESH_DELAY_MILLIS = 250;
  const FIRST_RETRY_MILLIS = 1000;
  const LAST_RETRY_MILLIS = 30000;
  // the stream sends a heartbeat every 15 s at least: this much silence means a dead connection
  const SILENCE_MILLIS = 45000;
  // the chart always shows the working day; earlier or later hours only when they had calls
  const FIRST_HOUR = 8;
  const LAST_HOUR = 20;
  const effectiveStandard = Number(text.effectiveStandard) || 0;
  const smsStandard = Number(text.smsStandard) || 0;

  const el = function (id) { return document.getElementById(id); };
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // the service's time zone, as the hours of the chart
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZone: text.zone || undefined });

  let chart = null;
  let events = null;
  let lastHeard = 0;
  let serverAhead = 0; // the server's clock minus the browser's, from asOf / heartbeat
  let retryMillis = FIRST_RETRY_MILLIS;
  let refreshTimer = null;
  let reconnectTimer = null;
  let loading = null;

  // ---- formatting ------------------------------------------------------------------------------

  // data-state-wrap-up for WRAP_UP …
  function stateLabel(state) {
    const key = 'state' + String(state).toLowerCase().split('_')
        .map(function (part) { return part.charAt(0).toUpperCase() + part.slice(1); }).join('');
    return text[key] || String(state);
  }

  function duration(seconds) {
    const total = Math.max(0, Math.round(Number(seconds) || 0));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }

  // a fraction: answered / dialled (above 1 where RMs took robot hand-offs)
  function rate(value) {
    return value == null || isNaN(Number(value)) ? '–' : percent.format(Number(value));
  }

  function serverNow() {
    return Date.now() + serverAhead;
  }

  function learnServerClock(instant) {
    const at = Date.parse(instant);
    if (!isNaN(at)) {
      serverAhead = at - Date.now();
    }
  }

  function since(instant) {
    const start = Date.parse(instant);
    return isNaN(start) ? '' : duration((serverNow() - start) / 1000);
  }

  function show(id, value, formatted) {
    const cell = el(id);
    cell.dataset.value = value == null ? '' : String(value);
    cell.textContent = formatted != null ? formatted : (value == null ? '–' : number.format(Number(value)));
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content;
    }
    row.appendChild(td);
    return td;
  }

  // a count against its daily standard: a bar and "12 / 60"
  function meter(value, standard, kind) {
    const box = document.createElement('div');
    box.className = 'meter';
    const bar = document.createElement('progress');
    bar.max = Math.max(standard, 1);
    bar.value = Math.min(value, bar.max);
    if (standard > 0 && value >= standard) {
      bar.classList.add('met');
    }
    const label = document.createElement('span');
    label.className = 'meter-value ' + kind;
    label.dataset.value = String(value);
    label.textContent = number.format(value) + ' / ' + number.format(standard);
    box.append(bar, label);
    return box;
  }

  // ---- drawing ---------------------------------------------------------------------------------

  function drawTotals(totals) {
    const t = totals || {};
    show('total-calls-in-progress', t.callsInProgress);
    show('total-dialled', t.dialled);
    show('total-answered', t.answered);
    show('total-answer-rate', t.answerRate, rate(t.answerRate));
    show('total-effective', t.effective);
    show('total-avg-talk', t.avgTalkSeconds, t.avgTalkSeconds == null ? '–' : duration(t.avgTalkSeconds));
    show('total-sms', t.sms);
  }

  function drawRobot(robot) {
    const r = robot || {};
    show('robot-pressed1', r.pressed1);
    show('robot-pressed2', r.pressed2);
    show('robot-pressed9', r.pressed9);
    show('robot-no-input', r.noInput);
    show('robot-calls-in-progress', r.callsInProgress);
  }

  function agentRow(agent) {
    const row = document.createElement('tr');
    row.dataset.staffId = agent.staffId;
    row.dataset.state = agent.state;
    const name = document.createElement('span');
    name.textContent = agent.name || agent.staffId;
    const id = document.createElement('span');
    id.className = 'muted small-text block';
    id.textContent = agent.branchId ? agent.staffId + ' · ' + agent.branchId : agent.staffId;
    const who = document.createElement('div');
    who.append(name, id);
    cell(row, who, 'agent-name');
    const badge = document.createElement('span');
    badge.className = 'state agent-' + agent.state;
    badge.textContent = stateLabel(agent.state);
    cell(row, badge, 'agent-state');
    const held = cell(row, since(agent.since), 'number since');
    if (agent.since) {
      held.dataset.since = agent.since;
    }
    cell(row, number.format(agent.dialled || 0), 'number dialled').dataset.value = String(agent.dialled || 0);
    cell(row, number.format(agent.answered || 0), 'number answered').dataset.value = String(agent.answered || 0);
    cell(row, duration(agent.talkSeconds), 'number talk').dataset.value = String(agent.talkSeconds || 0);
    cell(row, meter(agent.effective || 0, effectiveStandard, 'effective'), 'meter-cell');
    cell(row, meter(agent.sms || 0, smsStandard, 'sms'), 'meter-cell');
    return row;
  }

  function drawAgents(agents) {
    const list = (agents || []).slice().sort(function (a, b) {
      return String(a.name || a.staffId).localeCompare(String(b.name || b.staffId), locale);
    });
    const table = el('agents');
    table.querySelectorAll('tbody').forEach(function (body) { body.remove(); });
    const known = STATES.concat(list.map(function (a) { return a.state; })
        .filter(function (state, i, all) { return STATES.indexOf(state) < 0 && all.indexOf(state) === i; }));
    known.forEach(function (state) {
      const inState = list.filter(function (agent) { return agent.state === state; });
      const count = el('state-count-' + state);
      if (count) {
        count.textContent = number.format(inState.length);
        count.dataset.value = String(inState.length);
      }
      if (inState.length === 0) {
        return;
      }
      const body = document.createElement('tbody');
      body.dataset.state = state;
      const head = document.createElement('tr');
      head.className = 'group';
      const th = document.createElement('th');
      th.colSpan = 8;
      th.textContent = stateLabel(state) + ' · ' + number.format(inState.length);
      head.appendChild(th);
      body.appendChild(head);
      inState.forEach(function (agent) { body.appendChild(agentRow(agent)); });
      table.appendChild(body);
    });
    el('no-agents').hidden = list.length > 0;
    table.hidden = list.length === 0;
  }

  function drawChart(hourly) {
    const dialled = new Array(24).fill(0);
    const answered = new Array(24).fill(0);
    (hourly || []).forEach(function (h) {
      if (h.hour >= 0 && h.hour < 24) {
        dialled[h.hour] = h.dialled || 0;
        answered[h.hour] = h.answered || 0;
      }
    });
    const busy = dialled.map(function (d, hour) { return d > 0 || answered[hour] > 0 ? hour : -1; })
        .filter(function (hour) { return hour >= 0; });
    const from = Math.min(FIRST_HOUR, busy.length ? busy[0] : FIRST_HOUR);
    const to = Math.max(LAST_HOUR, busy.length ? busy[busy.length - 1] : LAST_HOUR);
    const labels = [];
    for (let hour = from; hour <= to; hour++) {
      labels.push(String(hour).padStart(2, '0') + ':00');
    }
    const dialledShown = dialled.slice(from, to + 1);
    const answeredShown = answered.slice(from, to + 1);
    if (typeof Chart === 'undefined') {
      return;
    }
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = dialledShown;
      chart.data.datasets[1].data = answeredShown;
      chart.update('none');
      return;
    }
    const style = getComputedStyle(document.documentElement);
    chart = new Chart(el('hourly-chart'), {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: text.dialled, data: dialledShown, backgroundColor: '#c5ccd6', borderRadius: 3 },
          { label: text.answered, data: answeredShown, backgroundColor: style.getPropertyValue('--accent').trim() || '#b3261e',
            borderRadius: 3 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { grid: { display: false } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  }

  function draw(today) {
    learnServerClock(today.asOf);
    drawTotals(today.totals);
    drawAgents(today.agents);
    drawRobot(today.robot);
    drawChart(today.hourly);
    const updated = el('updated-at');
    const asOf = new Date(serverNow());
    updated.dateTime = asOf.toISOString();
    updated.textContent = (today.date ? today.date + ' ' : '') + clock.format(asOf);
    root.dataset.loaded = 'true';
  }

  // ---- loading ---------------------------------------------------------------------------------

  function showError(detail) {
    const box = el('dashboard-error');
    box.textContent = detail ? text.failed + ': ' + detail : text.failed;
    box.hidden = false;
  }

  async function load() {
    let response;
    try {
      response = await fetch('/api/dashboard/today', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (failure) {
      showError(String(failure));
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    if (response.redirected && type.includes('text/html')) {
      window.location.reload(); // the session is gone: the login form
      return;
    }
    if (!response.ok || !type.includes('json')) {
      const problem = type.includes('json') ? await response.json().catch(function () { return null; }) : null;
      showError((problem && (problem.detail || problem.title)) || String(response.status));
      return;
    }
    el('dashboard-error').hidden = true;
    draw(await response.json());
  }

  // one request at a time; a change arriving meanwhile asks for one more
  function refresh() {
    if (loading) {
      loading.then(function () { schedule(); });
      return loading;
    }
    loading = load().finally(function () { loading = null; });
    return loading;
  }

  // changes come in bursts (a call moves through several states): read the dashboard once per burst
  function schedule() {
    if (refreshTimer) {
      return;
    }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refresh();
    }, REFRESH_DELAY_MILLIS);
  }

  // ---- live ------------------------------------------------------------------------------------

  function setLive(state) {
    const indicator = el('live-indicator');
    indicator.dataset.live = state;
    indicator.textContent = text[state] || state;
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (notJson) {
      return null;
    }
  }

  function heard() {
    lastHeard = Date.now();
    retryMillis = FIRST_RETRY_MILLIS;
    if (navigator.onLine !== false) {
      setLive('live');
    }
  }

  function onToday(event) {
    const body = parse(event);
    heard();
    if (body && body.totals) {
      el('dashboard-error').hidden = true;
      draw(body);
    } else {
      schedule();
    }
  }

  function onHeartbeat(event) {
    const body = parse(event);
    heard();
    if (body && body.at) {
      learnServerClock(body.at);
    }
  }

  // Redis is away: the numbers on the page are the last known; the next 'today' clears this
  function onUnavailable(event) {
    const body = parse(event);
    lastHeard = Date.now();
    setLive('reconnecting');
    showError(body && body.detail);
  }

  function reconnect() {
    if (events) {
      events.close();
    }
    setLive('reconnecting');
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, retryMillis);
    retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
  }

  // one stream at a time: whoever opens a new one closes the old one
  function connect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (events) {
      events.close();
    }
    if (typeof EventSource === 'undefined') {
      setLive('reconnecting');
      return;
    }
    const opened = new EventSource('/api/dashboard/stream');
    events = opened;
    lastHeard = Date.now();
    opened.addEventListener('open', function () {
      heard();
      refresh(); // whatever changed while the stream was down
    });
    opened.addEventListener('error', function () {
      if (events !== opened) {
        return;
      }
      setLive('reconnecting');
      if (opened.readyState === EventSource.CLOSED) {
        reconnect(); // the browser gives up on an answer other than a stream
      }
    });
    opened.addEventListener('today', onToday);
    opened.addEventListener('heartbeat', onHeartbeat);
    opened.addEventListener('unavailable', onUnavailable);
  }

  // ---- wiring ----------------------------------------------------------------------------------

  // the browser knows before the stream does when the network is gone; once it is back, a fresh stream
  window.addEventListener('offline', function () { setLive('reconnecting'); });
  window.addEventListener('online', function () {
    retryMillis = FIRST_RETRY_MILLIS;
    connect();
  });

  refresh().then(connect);
  setInterval(function () {
    document.querySelectorAll('#agents [data-since]').forEach(function (held) {
      held.textContent = since(held.dataset.since);
    });
  }, 1000);
  setInterval(function () {
    if (!events || events.readyState !== EventSource.OPEN) {
      refresh();
    }
    if (events && events.readyState !== EventSource.CLOSED && Date.now() - lastHeard > SILENCE_MILLIS) {
      reconnect(); // a connection that went silent (a proxy, a sleeping laptop) without an error
    }
  }, POLL_MILLIS);
}());
