// The score table: GET /api/scores?period= sorted by any column, a row's breakdown from
// GET /api/scores/{period}/{staffId}, and for supervisors and admins the qualitative points
// (PUT …/qualitative), the targets (GET/PUT /api/targets/{period}/{staffId}) and closing the period
// (POST /api/scores/{period}/close). Problems (problem+json) are shown inline.
(function () {
  'use strict';

  const page = document.getElementById('scores-page');
  if (!page) {
    return;
  }
  const text = page.dataset;
  const canEdit = text.canEdit === 'true';
  const TEXT_KEYS = ['staffId', 'name', 'branchId'];
  const TARGET_FIELDS = {
    CUSTOMER_DEVELOPMENT: 'customerDevelopment', ASSET_INCREMENT: 'assetIncrement', KEY_PRODUCTS: 'keyProducts',
    PENETRATION: 'penetration', CALLS: 'calls', SMS: 'sms'
  };
  const periodInput = document.getElementById('period');
  const table = document.getElementById('scores');
  const body = table.querySelector('tbody');
  const status = document.getElementById('scores-status');
  const error = document.getElementById('scores-error');
  const periodState = document.getElementById('period-state');
  const closeButton = document.getElementById('close-period');
  const breakdown = document.getElementById('breakdown');

  let rows = [];
  let period = periodInput.value;
  let sort = { key: null, direction: 1 };
  let selected = null;

  // CUSTOMER_DEVELOPMENT → the data-ind-customer-development text
  function camel(code, prefix) {
    return prefix + code.toLowerCase().split('_').map(function (part) {
      return part.charAt(0).toUpperCase() + part.slice(1);
    }).join('');
  }

  function indicatorLabel(code) {
    return text[camel(code, 'ind')] || code;
  }

  function methodLabel(method) {
    return text[camel(method, 'method')] || method;
  }

  function points(value) {
    return value == null ? '' : Number(value).toFixed(2);
  }

  function plain(value) {
    return value == null ? '' : Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  function indicatorPoints(row, code) {
    const indicator = (row.indicators || []).find(function (i) { return i.code === code; });
    return indicator ? indicator.points : null;
  }

  function value(row, key) {
    if (TEXT_KEYS.includes(key) || ['quantitative', 'qualitative', 'deduction', 'total'].includes(key)) {
      return row[key];
    }
    return indicatorPoints(row, key);
  }

  async function api(method, url, body) {
    const options = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const content = await response.json().catch(function () { return null; });
    if (!response.ok) {
      const problem = content || {};
      const failure = new Error(problem.detail || problem.title || (response.status + ' ' + response.statusText));
      failure.problem = problem;
      failure.status = response.status;
      throw failure;
    }
    return content;
  }

  function showError(box, failure) {
    box.textContent = text.failed + ': ' + failure.message;
    box.hidden = false;
  }

  document.querySelectorAll('.ind-label').forEach(function (element) {
    element.textContent = indicatorLabel(element.dataset.code);
  });

  function showClosed(closed) {
    periodState.dataset.closed = String(closed);
    periodState.textContent = closed ? periodState.dataset.textClosed : periodState.dataset.textOpen;
    periodState.className = 'state ' + (closed ? 'state-closed' : 'state-open');
    if (closeButton) {
      closeButton.hidden = closed;
    }
    document.querySelectorAll('#qualitative-form input, #qualitative-form button, #targets-form input,'
        + ' #targets-form button').forEach(function (element) {
      element.disabled = closed;
    });
  }

  function sorted() {
    if (!sort.key) {
      return rows.slice();
    }
    const key = sort.key;
    return rows.slice().sort(function (a, b) {
      const x = value(a, key);
      const y = value(b, key);
      let order;
      if (TEXT_KEYS.includes(key)) {
        order = String(x == null ? '' : x).localeCompare(String(y == null ? '' : y), 'zh-CN');
      } else {
        order = Number(x == null ? -Infinity : x) - Number(y == null ? -Infinity : y);
      }
      return sort.direction * (order || String(a.staffId).localeCompare(String(b.staffId)));
    });
  }

  function render() {
    const keys = Array.from(table.querySelectorAll('thead th')).map(function (th) { return th.dataset.key; });
    body.replaceChildren();
    sorted().forEach(function (row) {
      const tr = document.createElement('tr');
      tr.dataset.staffId = row.staffId;
      tr.tabIndex = 0;
      tr.setAttribute('aria-selected', String(row.staffId === selected));
      keys.forEach(function (key) {
        const td = document.createElement('td');
        td.dataset.key = key;
        const cell = value(row, key);
        if (TEXT_KEYS.includes(key)) {
          td.textContent = cell == null ? '' : cell;
        } else {
          td.className = 'number' + (key === 'total' ? ' total' : '');
          td.textContent = points(cell);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.querySelectorAll('thead th').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key !== sort.key ? 'none'
          : (sort.direction > 0 ? 'ascending' : 'descending'));
    });
    document.getElementById('scores-none').hidden = rows.length > 0;
  }

  async function load() {
    error.hidden = true;
    status.textContent = text.loading;
    document.getElementById('export').href = '/api/scores/export?period=' + encodeURIComponent(period) + '&format=csv';
    try {
      rows = await api('GET', '/api/scores?period=' + encodeURIComponent(period));
      status.textContent = '';
      render();
      showClosed(rows.some(function (row) { return row.closed; }));
      if (selected && rows.some(function (row) { return row.staffId === selected; })) {
        await showBreakdown(selected);
      } else {
        selected = null;
        breakdown.hidden = true;
      }
    } catch (failure) {
      status.textContent = '';
      rows = [];
      render();
      showError(error, failure);
    }
  }

  table.querySelector('thead').addEventListener('click', function (event) {
    const th = event.target.closest('th[data-key]');
    if (!th) {
      return;
    }
    sort = { key: th.dataset.key, direction: sort.key === th.dataset.key ? -sort.direction : 1 };
    render();
  });

  function recordList(title, items) {
    const section = document.createElement('section');
    const heading = document.createElement('h4');
    heading.textContent = title + ' (' + items.length + ')';
    section.appendChild(heading);
    if (items.length) {
      const list = document.createElement('ul');
      items.forEach(function (item) {
        const li = document.createElement('li');
        li.textContent = item;
        list.appendChild(li);
      });
      section.appendChild(list);
    }
    return section;
  }

  function showRecords(records) {
    const box = document.getElementById('records');
    box.replaceChildren();
    Object.keys(records || {}).forEach(function (code) {
      const value = records[code];
      const title = indicatorLabel(code);
      if (Array.isArray(value)) {
        box.appendChild(recordList(title, value.map(function (item) {
          if (item && typeof item === 'object') {
            return item.customerId + ': ' + plain(item.start) + ' → ' + plain(item.end);
          }
          return String(item);
        })));
      } else if (value && typeof value === 'object') {
        box.appendChild(recordList(title + ' · ' + text.counted, (value.counted || []).map(String)));
        box.appendChild(recordList(title + ' · ' + text.notCounted, (value.notCounted || []).map(function (n) {
          return (n.callId || n.smsId) + ' — ' + n.rule;
        })));
      }
    });
    box.querySelectorAll('section').forEach(function (section, index) {
      section.dataset.index = String(index);
    });
  }

  async function showBreakdown(staffId) {
    const row = await api('GET', '/api/scores/' + encodeURIComponent(period) + '/' + encodeURIComponent(staffId));
    document.getElementById('breakdown-name').textContent = row.name || '';
    document.getElementById('breakdown-staff').textContent = row.staffId;
    ['total', 'quantitative', 'qualitative', 'deduction'].forEach(function (key) {
      document.getElementById('breakdown-' + key).textContent = points(row[key]);
    });
    const indicators = document.querySelector('#indicators tbody');
    indicators.replaceChildren();
    (row.indicators || []).forEach(function (indicator) {
      const tr = document.createElement('tr');
      tr.dataset.code = indicator.code;
      [[indicatorLabel(indicator.code), null], [methodLabel(indicator.method), 'method'],
        [plain(indicator.base), 'base'], [plain(indicator.measured), 'measured'], [plain(indicator.target), 'target'],
        [points(indicator.points), 'points']].forEach(function (cell, index) {
        const td = document.createElement('td');
        td.textContent = cell[0];
        if (cell[1]) {
          td.dataset.key = cell[1];
        }
        if (index >= 2) {
          td.className = 'number';
        }
        tr.appendChild(td);
      });
      indicators.appendChild(tr);
    });
    const standard = row.standard || {};
    document.getElementById('standard-working-days').textContent = plain(standard.workingDays);
    document.getElementById('standard-effective-calls').textContent = plain(standard.effectiveCalls);
    document.getElementById('standard-shortfall').textContent = plain(standard.shortfall);
    showRecords(row.records);
    if (canEdit) {
      const training = (row.indicators || []).find(function (i) { return i.code === 'TRAINING'; });
      const daily = (row.indicators || []).find(function (i) { return i.code === 'DAILY_MANAGEMENT'; });
      document.getElementById('training').value = training ? Number(training.points) : '';
      document.getElementById('daily-management').value = daily ? Number(daily.points) : '';
      document.getElementById('qualitative-error').hidden = true;
      document.getElementById('targets-error').hidden = true;
      document.getElementById('qualitative-status').textContent = '';
      document.getElementById('targets-status').textContent = '';
      await loadTargets(staffId);
    }
    breakdown.dataset.staffId = staffId;
    breakdown.hidden = false;
  }

  async function loadTargets(staffId) {
    try {
      const targets = await api('GET', '/api/targets/' + encodeURIComponent(period) + '/' + encodeURIComponent(staffId));
      Object.keys(TARGET_FIELDS).forEach(function (code) {
        const value = targets[TARGET_FIELDS[code]];
        document.getElementById('target-' + code).value = value == null ? '' : Number(value);
      });
    } catch (failure) {
      showError(document.getElementById('targets-error'), failure);
    }
  }

  async function select(tr) {
    selected = tr.dataset.staffId;
    body.querySelectorAll('tr').forEach(function (other) {
      other.setAttribute('aria-selected', String(other === tr));
    });
    try {
      await showBreakdown(selected);
      breakdown.scrollIntoView({ block: 'nearest' });
    } catch (failure) {
      showError(error, failure);
    }
  }

  body.addEventListener('click', function (event) {
    const tr = event.target.closest('tr[data-staff-id]');
    if (tr) {
      select(tr);
    }
  });
  body.addEventListener('keydown', function (event) {
    const tr = event.target.closest('tr[data-staff-id]');
    if (tr && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select(tr);
    }
  });

  document.getElementById('period-form').addEventListener('submit', function (event) {
    event.preventDefault();
    period = periodInput.value;
    selected = null;
    const address = new URL(window.location.href);
    address.searchParams.set('period', period);
    window.history.replaceState(null, '', address);
    load();
  });

  function number(input) {
    return input.value === '' ? null : Number(input.value);
  }

  if (closeButton) {
    closeButton.addEventListener('click', async function () {
      if (!window.confirm(text.confirm + ' ' + period)) {
        return;
      }
      error.hidden = true;
      closeButton.disabled = true;
      try {
        await api('POST', '/api/scores/' + encodeURIComponent(period) + '/close');
      } catch (failure) {
        showError(error, failure);
      }
      closeButton.disabled = false;
      await load();
    });
  }

  const qualitativeForm = document.getElementById('qualitative-form');
  if (qualitativeForm) {
    qualitativeForm.addEventListener('submit', async function (event) {
      event.preventDefault();
      const box = document.getElementById('qualitative-error');
      const saved = document.getElementById('qualitative-status');
      box.hidden = true;
      saved.textContent = '';
      try {
        await api('PUT', '/api/scores/' + encodeURIComponent(period) + '/' + encodeURIComponent(selected)
            + '/qualitative', {
          training: number(document.getElementById('training')),
          dailyManagement: number(document.getElementById('daily-management'))
        });
        await load();
        saved.textContent = text.saved;
      } catch (failure) {
        showError(box, failure);
      }
    });
  }

  const targetsForm = document.getElementById('targets-form');
  if (targetsForm) {
    targetsForm.addEventListener('submit', async function (event) {
      event.preventDefault();
      const box = document.getElementById('targets-error');
      const saved = document.getElementById('targets-status');
      box.hidden = true;
      saved.textContent = '';
      const targets = {};
      Object.keys(TARGET_FIELDS).forEach(function (code) {
        targets[TARGET_FIELDS[code]] = number(document.getElementById('target-' + code));
      });
      try {
        await api('PUT', '/api/targets/' + encodeURIComponent(period) + '/' + encodeURIComponent(selected), targets);
        await load();
        saved.textContent = text.saved;
      } catch (failure) {
        showError(box, failure);
      }
    });
  }

  load();
}());
