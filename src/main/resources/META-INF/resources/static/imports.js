// Uploads an extract to /api/imports/{kind}?async=true and polls /api/imports/{jobId}.
// The form-login cookie authenticates these same-origin API calls.
(function () {
  'use strict';

  const POLL_MILLIS = 500;
  const form = document.getElementById('import-form');
  const text = form.dataset;
  const card = document.getElementById('progress-card');
  const status = document.getElementById('status');
  const progress = document.getElementById('progress');
  const counts = document.getElementById('counts');
  const detail = document.getElementById('detail');
  const errors = document.getElementById('errors');
  const submit = document.getElementById('submit');

  function show(state, message) {
    card.hidden = false;
    status.textContent = message || text[state] || state;
  }

  function showCounts(job) {
    const parts = [];
    if (job.rowsRead != null) {
      parts.push(text.rowsRead + ': ' + job.rowsRead.toLocaleString());
    }
    if (job.accepted != null) {
      parts.push(text.accepted + ': ' + job.accepted.toLocaleString());
    }
    if (job.rejected != null) {
      parts.push(text.rejected + ': ' + job.rejected.toLocaleString());
    }
    counts.textContent = parts.join(' · ');
    if (job.bytesTotal) {
      progress.max = job.bytesTotal;
      progress.value = job.bytesRead || 0;
    }
  }

  function showProblem(problem) {
    detail.textContent = (problem && (problem.detail || problem.title)) || '';
    const rows = (problem && problem.errors) || [];
    const body = errors.querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (error) {
      const tr = document.createElement('tr');
      [error.line, error.column, error.message].forEach(function (value) {
        const td = document.createElement('td');
        td.textContent = value == null ? '' : String(value);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    errors.hidden = rows.length === 0;
  }

  function finish(job) {
    submit.disabled = false;
    showCounts(job);
    if (job.state === 'SUCCEEDED') {
      progress.value = progress.max;
      show('succeeded');
    } else {
      show('failed');
      showProblem(job.problem);
    }
  }

  async function poll(jobId) {
    const response = await fetch('/api/imports/' + encodeURIComponent(jobId), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    const job = await response.json();
    if (!response.ok) {
      submit.disabled = false;
      show('failed');
      showProblem(job);
      return;
    }
    if (job.state === 'SUCCEEDED' || job.state === 'FAILED') {
      finish(job);
      return;
    }
    show(job.state === 'QUEUED' ? 'queued' : 'running');
    showCounts(job);
    setTimeout(function () { poll(jobId); }, POLL_MILLIS);
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) {
      show('failed', text.chooseFile);
      return;
    }
    const kind = document.getElementById('kind').value;
    const asOf = document.getElementById('as-of').value;
    submit.disabled = true;
    detail.textContent = '';
    counts.textContent = '';
    errors.hidden = true;
    progress.removeAttribute('value');
    show('uploading');
    try {
      const url = '/api/imports/' + encodeURIComponent(kind) + '?asOf=' + encodeURIComponent(asOf) + '&async=true';
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
        body: file
      });
      const answer = await response.json().catch(function () { return {}; });
      if (response.status === 202 && answer.jobId) {
        poll(answer.jobId);
      } else if (response.ok) {
        finish(Object.assign({ state: 'SUCCEEDED' }, answer));
      } else {
        finish({ state: 'FAILED', problem: answer });
      }
    } catch (failure) {
      submit.disabled = false;
      show('failed');
      detail.textContent = String(failure);
    }
  });
}());
