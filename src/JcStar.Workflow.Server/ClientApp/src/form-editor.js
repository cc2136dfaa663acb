// The modeler's form editor: the form of the selected user task or start event (jc:formKey) in form-js's editor, with a
// live preview drawn by the same form-js viewer the task pages use. Edited forms are kept with the draft (state.forms:
// key -> schema) and published with it (the publish request's `forms`), so they become the new version's forms; a form
// not edited keeps the one the published version has. The edited forms are kept with the draft in the tab (see
// procedure-modeler.js: `keptForms`, and the forms a kept draft brings back to the constructor). Every change is read by the server as it reads forms
// (POST /api/procedures/forms/check): a broken form names the component that is wrong. Labels are data: form-js
// draws them as text, and this file writes messages with textContent only.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

const KEY = /^[A-Za-z0-9._-]{1,200}$/;
const CHECK_DELAY_MS = 400;

/** The first form a new key gets: one text field, to be edited. */
function newSchema(key) {
  return {
    type: 'default',
    id: key,
    components: [{ type: 'textfield', key: 'note', label: 'Note', id: 'Field_note' }],
    schemaVersion: 16,
  };
}

function formOwner(element) {
  return element && (is(element, 'bpmn:UserTask') || (is(element, 'bpmn:StartEvent') && is(element.parent, 'bpmn:Process')));
}

export class FormEditorPanel {
  /** @param kept The forms a kept draft edited, by key: edited again from where they were left, and checked again. */
  constructor(host, modeler, catalog, texts, urls, kept = {}) {
    this.host = host;
    this.modeler = modeler;
    this.catalog = catalog;
    this.texts = texts;
    this.urls = urls;
    /** Edited forms of the draft, by key. */
    this.forms = new Map();
    /** Forms the check refused, by key (message). */
    this.problems = new Map();
    this.current = null;
    this.status = host.querySelector('[data-form-status]');
    this.title = host.querySelector('[data-form-title]');
    this.newKey = host.querySelector('[data-form-new-key]');
    this.editorCanvas = host.querySelector('[data-form-editor-canvas]');
    this.previewCanvas = host.querySelector('[data-form-preview]');
    this.editor = new FormEditor({ container: this.editorCanvas });
    this.preview = new Form({ container: this.previewCanvas });
    this.checkTimer = undefined;

    for (const [key, schema] of Object.entries(kept)) {
      if (!KEY.test(key) || !schema || typeof schema !== 'object') {
        continue;
      }
      this.forms.set(key, schema);
      if (!this.catalog.forms.includes(key)) {
        this.catalog.forms.push(key);
        this.catalog.forms.sort();
      }
      this.check(key, schema);
    }

    this.editor.on('changed', () => this.onEdited());
    host.querySelector('[data-form-new]')?.addEventListener('click', () => this.createForm());
    // diagram-js stops an event at a listener that returns a value: these return nothing, so the properties panel hears it too.
    modeler.on('selection.changed', ({ newSelection }) => {
      this.showFor(newSelection.length === 1 ? newSelection[0] : null);
    });
    modeler.on('jc.form.edit', ({ element }) => {
      this.showFor(element);
      this.host.scrollIntoView({ block: 'start' });
    });
    modeler.on('element.changed', ({ element }) => {
      if (element === this.selected && this.keyOf(element) !== this.current) {
        this.showFor(element);
      }
    });
    this.showFor(null);
  }

  keyOf(element) {
    return formOwner(element) ? getBusinessObject(element).get('jc:formKey') || null : null;
  }

  /** The draft's edited forms by key, to be kept with the draft (broken ones too: they are checked again when it is opened). */
  keptForms() {
    return Object.fromEntries(this.forms);
  }

  /** The draft's edited forms for the publish request, or the first problem (key and message) while one is broken. */
  draftForms() {
    const [broken] = [...this.problems.entries()];
    if (broken) {
      return { problem: `${broken[0]}: ${broken[1]}` };
    }
    return { forms: Object.fromEntries(this.forms) };
  }

  say(message, isError = false) {
    this.status.textContent = message;
    this.status.classList.toggle('error', isError);
  }

  async showFor(element) {
    this.selected = element;
    const owner = formOwner(element);
    this.host.classList.toggle('form-owner-selected', Boolean(owner));
    const key = this.keyOf(element);
    this.current = key;
    this.newKey.disabled = !owner;
    this.host.querySelector('[data-form-new]').disabled = !owner;
    if (!key) {
      this.title.textContent = owner ? this.texts.formNone : this.texts.formSelect;
      this.editorCanvas.hidden = true;
      this.previewCanvas.parentElement.hidden = true;
      return;
    }
    this.title.textContent = `${this.texts.formOf} ${getBusinessObject(element).name || element.id}: ${key}`;
    let schema = this.forms.get(key);
    if (!schema) {
      const response = await fetch(`${this.urls.forms}/${encodeURIComponent(key)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (this.current !== key) {
        return;
      }
      schema = response.ok ? (await response.json()).schema : newSchema(key);
      if (!response.ok) {
        this.forms.set(key, schema);
      }
    }
    this.loading = true;
    try {
      await this.editor.importSchema(schema);
      await this.preview.importSchema(schema);
    } finally {
      this.loading = false;
    }
    // What the editor gives back for the form as loaded: a form only counts as edited when it differs from this.
    this.loaded = JSON.stringify(this.editor.saveSchema());
    this.editorCanvas.hidden = false;
    this.previewCanvas.parentElement.hidden = false;
    this.say(this.problems.get(key) ?? (this.forms.has(key) ? this.texts.formEdited : this.texts.formPublished), this.problems.has(key));
  }

  createForm() {
    const key = this.newKey.value.trim();
    if (!KEY.test(key)) {
      this.say(`${this.texts.formBadKey}: ${key}`, true);
      this.newKey.focus();
      return;
    }
    if (!this.selected || !formOwner(this.selected)) {
      return;
    }
    if (!this.forms.has(key)) {
      this.forms.set(key, newSchema(key));
      this.host.dispatchEvent(new CustomEvent('jc-form-edited', { bubbles: true }));
    }
    if (!this.catalog.forms.includes(key)) {
      this.catalog.forms.push(key);
      this.catalog.forms.sort();
    }
    this.newKey.value = '';
    // Through the command stack: undoable, re-checked and shown in the properties panel like any other edit.
    this.modeler.get('modeling').updateProperties(this.selected, { 'jc:formKey': key });
    this.showFor(this.selected);
  }

  onEdited() {
    if (this.loading || !this.current) {
      return;
    }
    const key = this.current;
    const schema = this.editor.saveSchema();
    if (!this.forms.has(key) && JSON.stringify(schema) === this.loaded) {
      return;
    }
    this.forms.set(key, schema);
    this.preview.importSchema(schema).catch((error) => this.say(`${key}: ${error.message}`, true));
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.check(key, schema), CHECK_DELAY_MS);
    this.host.dispatchEvent(new CustomEvent('jc-form-edited', { bubbles: true }));
  }

  async check(key, schema) {
    const response = await fetch(this.urls.check, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ formKey: key, schema }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      this.problems.delete(key);
    } else {
      const messages = Object.values(answer.errors ?? {}).flat();
      this.problems.set(key, messages.join(' ') || answer.title || this.texts.formInvalid);
    }
    if (this.current === key) {
      this.say(this.problems.get(key) ?? this.texts.formEdited, this.problems.has(key));
    }
    this.host.dispatchEvent(new CustomEvent('jc-form-checked', { bubbles: true }));
  }
}
