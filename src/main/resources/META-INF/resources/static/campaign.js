// One campaign: save the JSON definition with PUT /api/campaigns/{id}, and preview its list with
// POST /api/campaigns/{id}/preview?asOf=. Problems (problem+json) are shown inline with their field.
(function () {
  'use strict';

  const EXCLUSIONS = ['closed', 'noMobile', 'doNotCall', 'openComplaint', 'frequencyCap', 'noManager'];
  const definitionForm = document.getElementById('definition-form');
  const previewForm = document.getElementById('preview-form');

  async function problemOf(response) {
    return response.json().catch(function () { return { detail: response.status + ' ' + response.statusText }; });
  }

  // detail, then the field at fault, then each Bean Validation violation
  function showProblem(box, problem, fieldLabel) {
    box.replaceChildren();
    const detail = document.createElement('p');
    detail.textContent = problem.detail || problem.title || '';
    box.appendChild(detail);
    if (problem.field) {
      const field = document.createElement('p');
      field.append(fieldLabel + ': ');
      const code = document.createElement('code');
      code.className = 'problem-field';
      code.textContent = problem.field;
      field.appendChild(code);
      box.appendChild(field);
    }
    (problem.violations || []).forEach(function (violation) {
      const line = document.createElement('p');
      const code = document.createElement('code');
      code.textContent = violation.field;
      line.append(code, ': ' + violation.message);
      box.appendChild(line);
    });
    box.hidden = false;
  }

  if (definitionForm) {
    const text = definitionForm.dataset;
    const status = document.getElementById('save-status');
    const error = document.getElementById('save-error');
    const version = document.getElementById('campaign-version');
    definitionForm.addEventListener('submit', async function (event) {
      event.preventDefault();
      status.textContent = '';
      error.hidden = true;
      let body;
      try {
        body = JSON.parse(document.getElementById('definition').value);
      } catch (notJson) {
        showProblem(error, { detail: text.notJson + ' ' + notJson.message }, text.field);
        return;
      }
      const response = await fetch('/api/campaigns/' + encodeURIComponent(text.id), {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body)
      });
      if (response.ok) {
        const saved = await response.json();
        version.textContent = saved.version;
        status.textContent = text.saved + ' ' + saved.version;
      } else {
        showProblem(error, await problemOf(response), text.field);
      }
    });
  }

  function showPreview(preview, text) {
    document.getElementById('preview-count').textContent = text.count + ': ' + preview.count.toLocaleString();
    const excluded = preview.excluded || {};
    const largest = Math.max(1, ...EXCLUSIONS.map(function (key) { return excluded[key] || 0; }));
    const bars = document.getElementById('exclusions');
    bars.replaceChildren();
    EXCLUSIONS.forEach(function (key) {
      const value = excluded[key] || 0;
      const row = document.createElement('div');
      row.className = 'bar-row';
      const label = document.createElement('span');
      label.className = 'bar-label';
      label.textContent = text['excluded' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
      const track = document.createElement('span');
      track.className = 'bar-track';
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = (100 * value / largest) + '%';
      track.appendChild(bar);
      const number = document.createElement('span');
      number.className = 'bar-value';
      number.textContent = value.toLocaleString();
      row.append(label, track, number);
      bars.appendChild(row);
    });
    const body = document.querySelector('#sample tbody');
    body.replaceChildren();
    (preview.sample || []).forEach(function (entry) {
      const tr = document.createElement('tr');
      [entry.customerId, entry.reason, entry.priority, entry.managerId].forEach(function (value) {
        const td = document.createElement('td');
        td.textContent = value == null ? '' : String(value);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    document.getElementById('preview-result').hidden = false;
  }

  if (previewForm) {
    const text = previewForm.dataset;
    const error = document.getElementById('preview-error');
    const button = document.getElementById('preview');
    const fieldLabel = definitionForm ? definitionForm.dataset.field : 'field';
    previewForm.addEventListener('submit', async function (event) {
      event.preventDefault();
      error.hidden = true;
      document.getElementById('preview-result').hidden = true;
      button.disabled = true;
      const asOf = document.getElementById('as-of').value;
      try {
        const response = await fetch('/api/campaigns/' + encodeURIComponent(text.id) + '/preview?asOf='
            + encodeURIComponent(asOf), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json' }
        });
        if (response.ok) {
          showPreview(await response.json(), text);
        } else {
          showProblem(error, await problemOf(response), fieldLabel);
        }
      } catch (failure) {
        showProblem(error, { detail: String(failure) }, fieldLabel);
      }
      button.disabled = false;
    });
  }
  // The funnel: GET /api/campaigns/{id}/funnel?from=&to=, as a table (the figures) and a Chart.js bar chart.
  const funnelForm = document.getElementById('funnel-form');
  let funnelChart = null;

  function outcomeLabel(key, text) {
    const dot = key.indexOf('.');
    const group = dot < 0 ? key : key.slice(0, dot);
    return (text[group] || group) + ' · ' + key.slice(dot + 1);
  }

  function showFunnel(funnel, text) {
    const rows = [['listed', text.listed, funnel.listed], ['attempted', text.attempted, funnel.attempted],
      ['reached', text.reached, funnel.reached]];
    const outcomes = funnel.outcomes || {};
    Object.keys(outcomes).forEach(function (key) {
      rows.push([key, outcomeLabel(key, text), outcomes[key]]);
    });
    const body = document.querySelector('#funnel-table tbody');
    body.replaceChildren();
    rows.forEach(function (row, index) {
      const tr = document.createElement('tr');
      tr.dataset.key = row[0];
      tr.className = index < 3 ? 'step' : 'outcome';
      const label = document.createElement('td');
      label.textContent = row[1];
      const count = document.createElement('td');
      count.className = 'number';
      count.textContent = String(row[2]);
      tr.append(label, count);
      body.appendChild(tr);
    });
    document.getElementById('funnel-no-outcomes').hidden = Object.keys(outcomes).length > 0;
    document.getElementById('funnel-result').hidden = false;
    if (typeof window.Chart === 'undefined') {
      return;
    }
    const colors = rows.map(function (row, index) { return index < 3 ? '#b3261e' : '#8a9aa9'; });
    const data = {
      labels: rows.map(function (row) { return row[1]; }),
      datasets: [{ label: text.count, data: rows.map(function (row) { return row[2]; }), backgroundColor: colors }]
    };
    if (funnelChart) {
      funnelChart.data = data;
      funnelChart.update();
    } else {
      funnelChart = new window.Chart(document.getElementById('funnel-chart'), {
        type: 'bar',
        data: data,
        options: {
          indexAxis: 'y', maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    }
  }

  async function loadFunnel() {
    const text = funnelForm.dataset;
    const error = document.getElementById('funnel-error');
    error.hidden = true;
    const query = new URLSearchParams();
    ['from', 'to'].forEach(function (name) {
      const value = document.getElementById('funnel-' + name).value;
      if (value) {
        query.set(name, value);
      }
    });
    try {
      const response = await fetch('/api/campaigns/' + encodeURIComponent(text.id) + '/funnel?' + query, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      });
      if (response.ok) {
        showFunnel(await response.json(), text);
      } else {
        showProblem(error, await problemOf(response), definitionForm ? definitionForm.dataset.field : 'field');
      }
    } catch (failure) {
      showProblem(error, { detail: String(failure) }, 'field');
    }
  }

  if (funnelForm) {
    funnelForm.addEventListener('submit', function (event) {
      event.preventDefault();
      loadFunnel();
    });
    loadFunnel();
  }
}());
