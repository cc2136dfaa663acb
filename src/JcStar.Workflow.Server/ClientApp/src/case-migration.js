// The migration page's island: instead of posting the form (which migrates every selected case in one request and
// shows the result only at the end), it sends the checked mapping and the selected cases to POST /api/migrations a
// batch at a time, moving the progress bar after each batch and listing the cases that could not move with their
// reasons as they come. Each case is still one transaction on the server. Without script the form posts as usual.

const format = (text, ...values) => values.reduce((t, v, i) => t.replaceAll(`{${i}}`, String(v)), text);

function instructions(form) {
  const list = [];
  for (const field of form.querySelectorAll('[name^="map|"]')) {
    const [, processId, sourceElementId] = field.name.split('|');
    if (field.value) {
      list.push({ processId, sourceElementId, targetElementId: field.value });
    }
  }
  return list;
}

function problem(answer, status) {
  if (answer && answer.errors) {
    return Object.values(answer.errors).flat().join('; ');
  }
  return (answer && (answer.detail || answer.title)) || `HTTP ${status}`;
}

function init(form) {
  const texts = JSON.parse(form.dataset.texts || '{}');
  const ids = JSON.parse(form.dataset.caseIds || '[]');
  const batchSize = Math.max(1, Number(form.dataset.batchSize) || 25);
  const migrate = form.querySelector('[data-migrate]');
  const checkAgain = form.querySelector('[data-check-again]');
  const result = document.querySelector('[data-migration-result]');
  if (!migrate || !result) {
    return;
  }
  const progress = result.querySelector('[data-progress]');
  const status = result.querySelector('[data-status]');
  const failures = result.querySelector('[data-failures]');
  const failuresHeading = result.querySelector('[data-failures-heading]');

  // The cases and the check shown belong to the form as it was rendered: a change asks for a new check first.
  form.addEventListener('input', (event) => {
    if (event.target.closest('[data-mapping], [data-selection]')) {
      migrate.disabled = true;
      checkAgain.hidden = false;
    }
  });

  form.addEventListener('submit', async (event) => {
    if (event.submitter !== migrate) {
      return;
    }
    event.preventDefault();
    migrate.disabled = true;
    const plan = instructions(form);
    result.hidden = false;
    delete result.dataset.finished;
    progress.max = ids.length;
    progress.value = 0;
    failures.replaceChildren();
    failuresHeading.hidden = true;
    let migrated = 0;
    let failed = 0;
    status.textContent = format(texts.progress, 0, ids.length);
    for (let start = 0; start < ids.length; start += batchSize) {
      const response = await fetch(form.dataset.api, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          sourceDefinitionId: form.dataset.source,
          targetDefinitionId: form.dataset.target,
          instructions: plan,
          instanceIds: ids.slice(start, start + batchSize),
        }),
      }).catch((error) => ({ ok: false, status: 0, json: async () => ({ detail: String(error) }) }));
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        status.textContent = `${texts.stopped}: ${problem(answer, response.status)}`;
        result.dataset.finished = 'stopped';
        return;
      }
      for (const c of answer.cases) {
        if (c.migrated) {
          migrated++;
          continue;
        }
        failed++;
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `/cases/${encodeURIComponent(c.instanceId)}`;
        link.textContent = c.instanceId;
        item.append(link, `: ${c.errors.join('; ')}`);
        failures.append(item);
        failuresHeading.hidden = false;
      }
      progress.value = Math.min(ids.length, start + batchSize);
      status.textContent = format(texts.progress, progress.value, ids.length);
    }
    status.textContent = format(texts.done, migrated, failed);
    result.dataset.finished = 'done';
  });
}

const form = document.querySelector('[data-migration]');
if (form) {
  init(form);
}
