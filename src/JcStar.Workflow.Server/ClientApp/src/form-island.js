// What the task page's and the start page's form-js islands share: the island's shell (a message line above the form and
// a submit button with the server form's own words), the form's keyed fields, and placing a refusal's messages beside
// the fields they name.

/** The form's fields that carry a key (the names the API and the server's validation speak in). */
export function keyedFields(components) {
  return components.filter((c) => typeof c.key === 'string' && c.key.length > 0).map((c) => ({ id: c.id, key: c.key }));
}

/**
 * A form element holding a hidden message line and a submit button labelled as <paramref name="fallback"/>'s own
 * (localized there, both languages, so its accessible name stays what the tests and users know), or <paramref name="text"/>.
 */
export function islandShell(className, fallback, text) {
  const island = document.createElement('form');
  island.className = className;
  island.noValidate = true;
  const summary = document.createElement('p');
  summary.className = 'error';
  summary.setAttribute('role', 'alert');
  summary.hidden = true;
  const canvas = document.createElement('div');
  const submit = document.createElement('button');
  submit.type = 'submit';
  const label = fallback?.querySelector('button[type=submit]');
  if (label) {
    submit.append(...[...label.childNodes].map((node) => node.cloneNode(true)));
  } else {
    submit.textContent = text;
  }
  return { island, summary, canvas, submit };
}

/**
 * Shows a refusal (problem details with errors by field key): each message of a field the form has under that field
 * (form-js ties it to the input by aria-describedby; what was typed stays), a message <paramref name="claim"/> takes for a
 * field of the page's own, and the rest, or the refusal's reason, in the message line above the form.
 */
export function showProblem({ form, summary, keyed, problem, status, errorsText, claim = () => false }) {
  const byId = {};
  const elsewhere = [];
  let claimed = false;
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const field = keyed.find((f) => f.key === key);
    if (field) {
      byId[field.id] = messages;
    } else if (claim(key, messages)) {
      claimed = true;
    } else {
      elsewhere.push(...messages);
    }
  }
  form._setState({ errors: byId });
  const beside = Object.keys(byId).length > 0 || claimed;
  show(summary, [beside ? errorsText : null, ...elsewhere, beside || elsewhere.length > 0 ? null : problem.detail ?? problem.title]
    .filter(Boolean).join(' ') || `${status}`);
}

export function show(summary, text) {
  summary.textContent = text;
  summary.hidden = !text;
}

export function focusFirstError(root) {
  root.querySelector('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select, .field.invalid select')?.focus();
}
