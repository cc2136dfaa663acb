// The start page's form drawn by form-js from the start event's form (workflows/forms/<jc:formKey>.form, the schema the
// server validates with), posted through the API the tests use (POST /api/instances) with the applicant organization
// the page's own select names. The server-rendered form stays in the page and is hidden only once this island has
// drawn its own; without script, or when the page came back with messages, it is the form.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './start-form.css';
import { focusFirstError, islandShell, keyedFields, show, showProblem } from './form-island.js';

for (const host of document.querySelectorAll('[data-start-form]')) {
  mount(host).catch((error) => console.error('The start form could not be drawn; the page\'s own form stays.', error));
}

async function mount(host) {
  const block = host.querySelector('script[type="application/json"][data-schema]');
  const fallback = host.querySelector('form');
  if (!block || !fallback || host.querySelector('.field-error, p.error')) {
    return;
  }
  const schema = JSON.parse(block.textContent);
  // form-js lets a taglist take only values it is given; one with none (model numbers) is typed as text, one per line,
  // and sent as the list the server's schema expects.
  const freeLists = new Set();
  schema.components = (schema.components ?? []).map((c) => {
    // form-js labels a date input with its dateLabel only: without one the input would have no visible label.
    if (c.type === 'datetime' && !c.dateLabel) {
      return { subtype: 'date', ...c, dateLabel: c.label };
    }
    if (c.type !== 'taglist' || c.values || c.valuesKey || c.valuesExpression) {
      return c;
    }
    freeLists.add(c.key);
    return { ...c, type: 'textarea', description: host.dataset.listHint };
  });
  const keyed = keyedFields(schema.components ?? []);

  const { island, summary, canvas, submit } = islandShell('task-form start-form-island', fallback, '');
  // The applicant organization is the page's own field (not part of the procedure's form): moved into the island.
  const applicant = fallback.querySelector('[data-applicant-field]');

  const form = new Form({ container: canvas });
  await form.importSchema(schema, {});
  island.append(summary);
  if (applicant) {
    island.append(applicant);
  }
  island.append(canvas, submit);
  fallback.before(island);
  fallback.hidden = true;

  island.addEventListener('submit', async (event) => {
    event.preventDefault();
    summary.hidden = true;
    clearApplicantError(applicant);
    const result = form.submit();
    if (Object.keys(result.errors).length > 0) {
      show(summary, host.dataset.errorsText);
      focusFirstError(canvas);
      return;
    }
    submit.disabled = true;
    try {
      const organization = applicant?.querySelector('select')?.value ?? '';
      const answer = await fetch('/api/instances', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          processId: host.dataset.process,
          variables: only(result.data, keyed, freeLists),
          applicantOrganizationId: organization.length > 0 ? organization : null,
        }),
      });
      if (answer.ok) {
        const started = await answer.json();
        window.location.assign(`/cases/${encodeURIComponent(started.id)}`);
        return;
      }
      const problem = await answer.json().catch(() => ({}));
      showProblem({
        form, summary, keyed, problem, status: answer.status, errorsText: host.dataset.errorsText,
        claim: (key, messages) => key === 'applicantOrganizationId' && applicant ? (showApplicantError(applicant, messages.join(' ')), true) : false,
      });
      focusFirstError(island);
    } catch (error) {
      show(summary, String(error));
    } finally {
      submit.disabled = false;
    }
  });
}

/** The form's own fields only (form-js keeps a dotted key as a path: "product.name" is data.product.name), empty values left out. */
function only(data, keyed, freeLists) {
  const variables = {};
  for (const { key } of keyed) {
    const parts = key.split('.');
    let value = parts.reduce((node, part) => (node == null ? undefined : node[part]), data);
    if (freeLists.has(key) && typeof value === 'string') {
      value = value.split(/[\n,、]/).map((v) => v.trim()).filter((v) => v.length > 0);
    }
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    let node = variables;
    for (const part of parts.slice(0, -1)) {
      node = node[part] ??= {};
    }
    node[parts.at(-1)] = value;
  }
  return variables;
}

function showApplicantError(field, text) {
  const select = field.querySelector('select');
  const message = document.createElement('p');
  message.className = 'field-error';
  message.id = 'applicant-org-island-error';
  message.textContent = text;
  field.append(message);
  field.classList.add('invalid');
  select?.setAttribute('aria-invalid', 'true');
  select?.setAttribute('aria-describedby', message.id);
}

function clearApplicantError(field) {
  field?.querySelector('#applicant-org-island-error')?.remove();
  field?.classList.remove('invalid');
  field?.querySelector('select')?.removeAttribute('aria-invalid');
  field?.querySelector('select')?.removeAttribute('aria-describedby');
}
