// The campaign list: start / pause / end through POST /api/campaigns/{id}/{action}, then reload.
// Problems (problem+json) are shown above the table.
(function () {
  'use strict';

  const table = document.getElementById('campaigns');
  const error = document.getElementById('campaigns-error');
  if (!table) {
    return;
  }

  table.addEventListener('click', async function (event) {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    const id = button.closest('tr').dataset.id;
    button.disabled = true;
    error.hidden = true;
    try {
      const response = await fetch('/api/campaigns/' + encodeURIComponent(id) + '/' + button.dataset.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      });
      if (response.ok) {
        window.location.reload();
        return;
      }
      const problem = await response.json().catch(function () { return {}; });
      error.textContent = table.dataset.failed + ': ' + (problem.detail || problem.title || response.status);
      error.hidden = false;
    } catch (failure) {
      error.textContent = table.dataset.failed + ': ' + String(failure);
      error.hidden = false;
    }
    button.disabled = false;
  });
}());
