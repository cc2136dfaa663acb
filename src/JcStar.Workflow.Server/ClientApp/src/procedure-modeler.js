// The procedure modeler (/procedures/{processId}/edit): bpmn-js Modeler with the properties panel and our jc: group;
// every change is checked by the server's validator (the same diagnostics as `jcstar validate`), shown on the
// elements (marker, message on hover) and as a list; publishing shows the changes against the published version
// first (both diagrams side by side, bpmn-js-differ) and is refused while an error remains. The moddle descriptor is passed so jc: (or camunda:) attributes are
// typed, and whatever else the file holds (foreign extensions, DI) is written back as it was read.
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import jcModdle from '../../../JcStar.Workflow.Bpmn/Extensions/jcstar.moddle.json';
import { createJcPropertiesModule } from './jc-properties.js';
import { PublishPreview } from './publish-preview.js';
import { FormEditorPanel } from './form-editor.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import './procedure-modeler.css';

const CHECK_DELAY_MS = 600;

for (const host of document.querySelectorAll('[data-bpmn-modeler]')) {
  mount(host).catch((error) => {
    console.error('The modeler could not start.', error);
    status(host, `${host.dataset.textFailed ?? 'The modeler could not start'}: ${error.message}`, true);
  });
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, answer };
}

function status(host, message, isError = false) {
  const line = host.querySelector('[data-status]');
  if (line) {
    line.textContent = message;
    line.classList.toggle('error', isError);
  }
}

async function mount(host) {
  const texts = JSON.parse(host.dataset.texts ?? '{}');
  const [source, catalog] = await Promise.all([getJson(host.dataset.sourceUrl), getJson(host.dataset.catalogUrl)]);
  // The jc: and camunda: descriptors name the same attributes on the same types (candidateStarterGroups, formKey, ...),
  // which one moddle cannot hold together: a Camunda 7 file is opened with the Camunda descriptor and its panel (its
  // attributes visible and editable), a Camunda 8 (Zeebe) file with Zeebe's, ours with the jc: one and our group.
  // Either way, attributes and elements of namespaces without a descriptor are kept as read and written back unchanged.
  const dialect = source.xml.includes('http://camunda.org/schema/1.0/bpmn') ? 'camunda'
    : source.xml.includes('http://camunda.org/schema/zeebe/1.0') ? 'zeebe' : 'jc';
  const moddleExtensions = { camunda: { camunda: camundaModdle }, zeebe: { zeebe: zeebeModdle }, jc: { jc: jcModdle } }[dialect];
  const panel = {
    camunda: CamundaPlatformPropertiesProviderModule,
    zeebe: ZeebePropertiesProviderModule,
    jc: createJcPropertiesModule(catalog, texts),
  }[dialect];
  const modeler = new Modeler({
    container: host.querySelector('[data-canvas]'),
    // The element's name and our jc: group are what a scheme manager edits most: open from the start.
    propertiesPanel: { parent: host.querySelector('[data-properties]'), layout: { groups: { general: { open: true }, jc: { open: true } } } },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      panel,
    ],
    moddleExtensions,
  });
  // The draft (the diagram and the forms edited with it) outlives a visit to another page in this tab (the draft's
  // simulation, the procedure's page): kept in the tab's sessionStorage until it is published or discarded, and opened
  // again only over the version it was drawn on.
  const draftKey = `jc-procedure-draft:${host.dataset.sourceUrl}`;
  const kept = readKeptDraft(draftKey, source.version);
  const { warnings } = await modeler.importXML(kept?.xml ?? source.xml);
  if (warnings.length > 0) {
    console.warn('The file imported with warnings', warnings);
  }
  modeler.get('canvas').zoom('fit-viewport', 'auto');
  // The modeler is reachable from the page for scripts and the browser tests (to bring an element into view).
  host.bpmnModeler = modeler;
  host.classList.add('modeler-ready');

  const preview = new PublishPreview(host.querySelector('[data-diff]'), texts, moddleExtensions);
  // The forms edited with this draft, published with it (see form-editor.js).
  const formHost = host.querySelector('[data-form-editor]');
  const forms = formHost
    ? new FormEditorPanel(formHost, modeler, catalog, texts, { forms: host.dataset.formsUrl, check: host.dataset.formCheckUrl }, kept?.forms ?? {})
    : null;
  const state = { errors: 0, diffShown: false, checking: 0, source, preview, forms };
  const discard = host.querySelector('[data-discard-draft]');
  const keep = (part) => {
    keepDraft(draftKey, source.version, part);
    if (discard) {
      discard.disabled = false;
    }
  };
  if (discard) {
    discard.disabled = kept === null;
    discard.addEventListener('click', () => {
      if (!window.confirm(texts.discardConfirm ?? 'Discard this draft?')) {
        return;
      }
      forgetDraft(draftKey);
      // Opened again from the server: the published version and its forms, nothing of the draft left in the page.
      window.location.reload();
    });
  }
  formHost?.addEventListener('jc-form-edited', () => {
    keep({ forms: forms.keptForms() });
    state.diffShown = false;
    host.querySelector('[data-diff]')?.classList.add('diff-stale');
    refreshPublish(host, state);
  });
  const check = debounce(() => checkDraft(host, modeler, state, texts), CHECK_DELAY_MS);
  // A listener must return nothing: diagram-js stops an event at a listener that returns a value (an async function
  // returns a promise), which kept the check and the stale preview below from hearing of a change.
  modeler.on('commandStack.changed', () => {
    modeler.saveXML({ format: true }).then(({ xml }) => keep({ xml }), () => {});
  });
  modeler.on('commandStack.changed', () => {
    state.diffShown = false;
    host.querySelector('[data-diff]')?.classList.add('diff-stale');
    refreshPublish(host, state);
    check();
  });
  await checkDraft(host, modeler, state, texts);

  host.querySelector('[data-show-diff]')?.addEventListener('click', () => showDiff(host, modeler, state, texts));
  host.querySelector('[data-note]')?.addEventListener('input', () => refreshPublish(host, state));
  host.querySelector('[data-publish-form]')?.addEventListener('submit', (event) => {
    event.preventDefault();
    publish(host, modeler, state, texts);
  });
  host.querySelector('[data-download]')?.addEventListener('click', async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    link.download = source.sourceName.split('/').pop();
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

/** The kept draft drawn on this version: its XML (null while only forms changed) and its edited forms by key; else null. */
function readKeptDraft(key, version) {
  try {
    const kept = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
    if (!kept || kept.version !== version) {
      return null;
    }
    const xml = typeof kept.xml === 'string' ? kept.xml : null;
    const forms = kept.forms && typeof kept.forms === 'object' && !Array.isArray(kept.forms) ? kept.forms : {};
    return xml === null && Object.keys(forms).length === 0 ? null : { xml, forms };
  } catch {
    return null;
  }
}

/** Keeps part of the draft (its xml, or its forms) beside what is kept of it already. */
function keepDraft(key, version, part) {
  try {
    const kept = readKeptDraft(key, version) ?? {};
    window.sessionStorage.setItem(key, JSON.stringify({ ...kept, ...part, version }));
  } catch {
    // Storage full or refused: the draft lives only in this page, as before.
  }
}

function forgetDraft(key) {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

async function checkDraft(host, modeler, state, texts) {
  const run = ++state.checking;
  const { xml } = await modeler.saveXML({ format: true });
  const { ok, answer } = await postJson(host.dataset.validateUrl, { xml });
  if (run !== state.checking) {
    return;
  }
  if (!ok) {
    status(host, texts.checkFailed ?? 'The check failed', true);
    return;
  }
  state.errors = answer.errors;
  showDiagnostics(host, modeler, answer.diagnostics, texts);
  status(host, answer.errors === 0 ? (answer.warnings === 0 ? texts.valid : `${texts.valid} (${texts.warnings}: ${answer.warnings})`)
    : `${texts.errors}: ${answer.errors}`, answer.errors > 0);
  refreshPublish(host, state);
}

function showDiagnostics(host, modeler, diagnostics, texts) {
  const overlays = modeler.get('overlays');
  const canvas = modeler.get('canvas');
  const registry = modeler.get('elementRegistry');
  overlays.remove({ type: 'jc-diagnostic' });
  for (const element of registry.getAll()) {
    canvas.removeMarker(element, 'jc-error');
    canvas.removeMarker(element, 'jc-warning');
  }
  const byElement = new Map();
  for (const d of diagnostics) {
    if (d.elementId && registry.get(d.elementId)) {
      const list = byElement.get(d.elementId) ?? [];
      list.push(d);
      byElement.set(d.elementId, list);
    }
  }
  for (const [id, list] of byElement) {
    const worst = list.some((d) => d.severity === 'error') ? 'error' : 'warning';
    canvas.addMarker(id, `jc-${worst}`);
    const badge = document.createElement('span');
    badge.className = `jc-diagnostic-badge jc-${worst}-badge`;
    badge.textContent = list.length > 1 ? `! ${list.length}` : '!';
    badge.title = list.map((d) => d.message).join('\n');
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', badge.title);
    const element = registry.get(id);
    const position = element.waypoints ? { top: -10, left: -10 } : { top: -10, right: 10 };
    overlays.add(id, 'jc-diagnostic', { position, html: badge });
  }
  const list = host.querySelector('[data-diagnostics]');
  if (!list) {
    return;
  }
  list.replaceChildren(...diagnostics.map((d) => {
    const item = document.createElement('li');
    item.className = d.severity;
    const label = document.createElement(d.elementId && registry.get(d.elementId) ? 'button' : 'span');
    label.textContent = `${d.severity === 'error' ? texts.error : texts.warning} ${d.elementId ?? `${texts.line} ${d.line}`}: ${d.message}`;
    if (label.tagName === 'BUTTON') {
      label.type = 'button';
      label.addEventListener('click', () => {
        const element = registry.get(d.elementId);
        modeler.get('selection').select(element);
        canvas.scrollToElement(element);
      });
    }
    item.append(label);
    return item;
  }));
  if (diagnostics.length === 0) {
    const item = document.createElement('li');
    item.textContent = texts.noFindings;
    list.append(item);
  }
}

function refreshPublish(host, state) {
  const button = host.querySelector('[data-publish]');
  const note = host.querySelector('[data-note]');
  if (button) {
    button.disabled = state.errors > 0 || !state.diffShown || !note?.value.trim();
  }
  const showDiffButton = host.querySelector('[data-show-diff]');
  if (showDiffButton) {
    showDiffButton.disabled = state.errors > 0;
  }
}

async function showDiff(host, modeler, state, texts) {
  try {
    const { xml } = await modeler.saveXML({ format: true });
    const comparison = await state.preview.show(state.source.xml, state.source.version, xml);
    host.querySelector('[data-diff]')?.classList.remove('diff-stale');
    const count = comparison.added.length + comparison.removed.length + comparison.changed.length + comparison.layout.length;
    // A draft whose only change is a form is a new version too (its forms are stored with it).
    state.diffShown = count > 0 || (state.forms?.forms.size ?? 0) > 0;
    if (!state.diffShown) {
      status(host, texts.nothingChanged);
    }
  } catch (error) {
    console.error('The changes could not be shown.', error);
    status(host, `${texts.diffFailed}: ${error.message}`, true);
  }
  refreshPublish(host, state);
}

async function publish(host, modeler, state, texts) {
  if (state.errors > 0 || !state.diffShown) {
    return;
  }
  const note = host.querySelector('[data-note]').value.trim();
  const { xml } = await modeler.saveXML({ format: true });
  const drafted = state.forms?.draftForms() ?? { forms: {} };
  if (drafted.problem) {
    status(host, `${texts.formInvalid}: ${drafted.problem}`, true);
    return;
  }
  const button = host.querySelector('[data-publish]');
  button.disabled = true;
  const { ok, answer } = await postJson(host.dataset.publishUrl, { xml, note, forms: drafted.forms });
  if (ok) {
    forgetDraft(`jc-procedure-draft:${host.dataset.sourceUrl}`);
    window.location.assign(`${host.dataset.done}?published=${answer.version}`);
    return;
  }
  status(host, problemText(answer, texts.publishFailed), true);
  refreshPublish(host, state);
}

function problemText(answer, fallback) {
  const details = Object.entries(answer.errors ?? {}).flatMap(([key, messages]) => messages.map((m) => `${key}: ${m}`));
  return [answer.title ?? answer.error ?? fallback, ...details].join(' — ');
}
