// The task page's form drawn by form-js from the same schema the server validates with (workflows/forms/<key>.form),
// filled from the case, posted back through the API the tests use (POST /api/tasks/{id}/complete). The server-rendered
// form stays in the page and is hidden only once this island has drawn its own; without script it is the form.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './task-form.css';
import { focusFirstError, islandShell, keyedFields, show, showProblem } from './form-island.js';

for (const host of document.querySelectorAll('[data-task-form]')) {
  mount(host).catch((error) => console.error('The form could not be drawn; the page\'s own form stays.', error));
}

async function mount(host) {
  const response = await fetch(host.dataset.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${host.dataset.source} answered ${response.status}`);
  }
  const { schema, data } = await response.json();
  if (!schema) {
    return;
  }
  const fallback = host.querySelector('form');
  // The page's own form came back with messages (posted before this script ran): what the user typed is there.
  if (host.querySelector('.field-error, p.error')) {
    return;
  }
  const keyed = keyedFields(schema.components ?? []);

  // The same words as the server form's button: its accessible name stays 'Complete'.
  const { island, summary, canvas, submit } = islandShell('task-form-island', fallback, 'Complete');
  island.append(summary, canvas, submit);

  const form = new Form({ container: canvas });
  await form.importSchema(schema, nest(data ?? {}, keyed));
  fallback?.before(island);
  if (fallback) {
    fallback.hidden = true;
  }

  island.addEventListener('submit', async (event) => {
    event.preventDefault();
    summary.hidden = true;
    const result = form.submit();
    if (Object.keys(result.errors).length > 0) {
      show(summary, host.dataset.errorsText);
      focusFirstError(canvas);
      return;
    }
    submit.disabled = true;
    try {
      const answer = await fetch(host.dataset.complete, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ variables: flatten(result.data, keyed) }),
      });
      if (answer.ok) {
        window.location.assign(host.dataset.done);
        return;
      }
      const problem = await answer.json().catch(() => ({}));
      showProblem({ form, summary, keyed, problem, status: answer.status, errorsText: host.dataset.errorsText });
      focusFirstError(canvas);
    } catch (error) {
      show(summary, String(error));
    } finally {
      submit.disabled = false;
    }
  });
}

/** The API speaks in the form's keys ("product.name"); form-js reads and writes a dotted key as a path. */
function nest(flat, keyed) {
  const data = {};
  for (const { key } of keyed) {
    if (flat[key] === undefined || flat[key] === null) {
      continue;
    }
    const parts = key.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) {
      node = node[part] ??= {};
    }
    node[parts.at(-1)] = flat[key];
  }
  return data;
}

function flatten(data, keyed) {
  const variables = {};
  for (const { key } of keyed) {
    const value = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), data);
    if (value !== undefined && value !== null && value !== '') {
      variables[key] = value;
    }
  }
  return variables;
}
