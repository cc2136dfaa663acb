// The properties panel's group for our jc: extension (after bpmn-io's properties-panel-extension example: a provider
// that adds one group), and two list groups for the element's jc:input and jc:output extension elements. Choices come
// from the server: the registered activities, the candidate groups the roles give, the forms in workflows/forms, the
// letter and mail templates in templates/. A value the lists do not know (typed by hand in the file) stays and is
// offered too. Extension elements of other namespaces are left where they are.
import { h } from '@bpmn-io/properties-panel/preact';
import {
  CheckboxEntry, ListGroup, SelectEntry, TextFieldEntry,
  isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

const ACTIVITY_HOLDERS = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:IntermediateThrowEvent'];

export function createJcPropertiesModule(catalog, texts) {
  function JcPropertiesProvider(propertiesPanel, bpmnFactory, modeling) {
    this._services = { bpmnFactory, modeling };
    propertiesPanel.registerProvider(500, this);
  }
  JcPropertiesProvider.$inject = ['propertiesPanel', 'bpmnFactory', 'modeling'];
  JcPropertiesProvider.prototype.getGroups = function getGroups(element) {
    return (groups) => {
      const entries = jcEntries(element, catalog, texts);
      if (entries.length > 0) {
        groups.push({ id: 'jc', label: texts.group ?? 'JC-STAR', entries });
      }
      if (is(element, 'bpmn:FlowNode')) {
        groups.push(parameterGroup(element, 'jc:Input', 'jc-inputs', texts.inputs ?? 'Inputs (jc:input)', this._services));
        groups.push(parameterGroup(element, 'jc:Output', 'jc-outputs', texts.outputs ?? 'Outputs (jc:output)', this._services));
      }
      return groups;
    };
  };
  return { __init__: ['jcPropertiesProvider'], jcPropertiesProvider: ['type', JcPropertiesProvider] };
}

/** The letter (document.render) or mail (mail.send) template an activity uses: its jc:input named template. */
const TEMPLATE_ACTIVITIES = { 'document.render': 'letterTemplates', 'mail.send': 'mailTemplates' };
const LITERAL = /^\$\{'([^']*)'\}$/;

function parameters(element, type) {
  return (getBusinessObject(element).extensionElements?.get('values') ?? []).filter((v) => v.$type === type);
}

function parameterGroup(element, type, id, label, { bpmnFactory, modeling }) {
  const items = parameters(element, type).map((parameter, index) => ({
    id: `${id}-${index}`,
    label: parameter.name || '—',
    entries: [
      { id: `${id}-${index}-name`, parameter, property: 'name', label: 'name', component: ParameterText },
      { id: `${id}-${index}-value`, parameter, property: 'value', label: 'value', component: ParameterText },
    ],
    autoFocusEntry: `${id}-${index}-name`,
    remove: () => {
      const extensionElements = getBusinessObject(element).extensionElements;
      modeling.updateModdleProperties(element, extensionElements, {
        values: extensionElements.get('values').filter((v) => v !== parameter),
      });
    },
  }));
  const add = (event) => {
    event.stopPropagation();
    const bo = getBusinessObject(element);
    const parameter = bpmnFactory.create(type, { name: '' });
    if (!bo.extensionElements) {
      const extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [parameter] });
      parameter.$parent = extensionElements;
      modeling.updateProperties(element, { extensionElements });
      return;
    }
    parameter.$parent = bo.extensionElements;
    modeling.updateModdleProperties(element, bo.extensionElements, { values: [...bo.extensionElements.get('values'), parameter] });
  };
  return { id, label, component: ListGroup, items, add, element };
}

function ParameterText(props) {
  const { element, id, parameter, property, label } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    id, element, label, debounce,
    getValue: () => parameter.get(property) ?? '',
    setValue: (value) => modeling.updateModdleProperties(element, parameter, { [property]: value === '' && property === 'value' ? undefined : value }),
  });
}

function TemplateSelect(props) {
  const { element, id, label, options } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const input = () => parameters(element, 'jc:Input').find((p) => p.name === 'template');
  const getValue = () => {
    const value = input()?.value ?? '';
    return LITERAL.exec(value)?.[1] ?? value;
  };
  const setValue = (name) => {
    const value = !name ? undefined : /^[\w.-]+$/.test(name) ? `\${'${name}'}` : name;
    const existing = input();
    if (existing) {
      modeling.updateModdleProperties(element, existing, { value });
      return;
    }
    if (value === undefined) {
      return;
    }
    const bo = getBusinessObject(element);
    const parameter = bpmnFactory.create('jc:Input', { name: 'template', value });
    if (!bo.extensionElements) {
      const extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [parameter] });
      parameter.$parent = extensionElements;
      modeling.updateProperties(element, { extensionElements });
    } else {
      parameter.$parent = bo.extensionElements;
      modeling.updateModdleProperties(element, bo.extensionElements, { values: [...bo.extensionElements.get('values'), parameter] });
    }
  };
  const getOptions = () => {
    const current = getValue();
    const known = options ?? [];
    const values = current && !known.includes(current) ? [current, ...known] : known;
    return [{ value: '', label: '—' }, ...values.map((value) => ({ value, label: value }))];
  };
  return h(SelectEntry, { id, element, label, getValue, setValue, getOptions });
}

function JcCheckbox(props) {
  const { element, id, property, label } = props;
  const { getValue, setValue } = useAccess(element, property);
  return h(CheckboxEntry, { id, element, label, getValue: () => getValue() === true, setValue: (v) => setValue(v ? true : undefined) });
}

function jcEntries(element, catalog, texts) {
  const entries = [];
  const text = (id, property, label, description) =>
    entries.push({ id, element, property, label, description, component: JcText, isEdited: isTextFieldEntryEdited });
  const select = (id, property, label, options) =>
    entries.push({ id, element, property, label, options, component: JcSelect, isEdited: isSelectEntryEdited });
  if (ACTIVITY_HOLDERS.some((type) => is(element, type))) {
    select('jc-activity', 'jc:activity', texts.activity, catalog.activities);
    const templates = TEMPLATE_ACTIVITIES[getBusinessObject(element).get('jc:activity')];
    if (templates) {
      entries.push({
        id: 'jc-template', element, component: TemplateSelect, isEdited: isSelectEntryEdited,
        label: templates === 'letterTemplates' ? texts.letterTemplate : texts.mailTemplate, options: catalog[templates],
      });
    }
  }
  if (is(element, 'bpmn:UserTask')) {
    text('jc-assignee', 'jc:assignee', texts.assignee, texts.assigneeHelp);
    select('jc-candidate-groups', 'jc:candidateGroups', texts.candidateGroups, catalog.groups);
    text('jc-candidate-groups-text', 'jc:candidateGroups', texts.candidateGroupsList, texts.candidateGroupsHelp);
    text('jc-due-date', 'jc:dueDate', texts.dueDate, texts.dueDateHelp);
    text('jc-follow-up-date', 'jc:followUpDate', texts.followUpDate, texts.dueDateHelp);
    select('jc-form-key', 'jc:formKey', texts.formKey, catalog.forms);
    entries.push({ id: 'jc-form-edit', element, label: texts.formEdit, component: EditFormButton, isEdited: () => false });
  }
  if (is(element, 'bpmn:StartEvent') && is(element.parent, 'bpmn:Process')) {
    select('jc-start-form-key', 'jc:formKey', texts.formKey, catalog.forms);
    entries.push({ id: 'jc-start-form-edit', element, label: texts.formEdit, component: EditFormButton, isEdited: () => false });
  }
  if (is(element, 'bpmn:Process') || is(element, 'bpmn:Participant')) {
    text('jc-starters', 'jc:candidateStarterGroups', texts.starters, texts.startersHelp);
  }
  if (is(element, 'bpmn:Activity')) {
    entries.push({ id: 'jc-async', element, property: 'jc:async', label: texts.async, component: JcCheckbox, isEdited: isCheckboxEntryEdited });
    text('jc-retries', 'jc:retries', texts.retries);
  }
  return entries;
}

/** Opens the element's form (or the way to make one) in the form editor below the diagram (form-editor.js). */
function EditFormButton(props) {
  const { element, id, label } = props;
  const eventBus = useService('eventBus');
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('button', { type: 'button', class: 'jc-form-edit', onClick: () => eventBus.fire('jc.form.edit', { element }) }, label));
}

/** The element whose attribute it is: a pool's process for the starters. */
function owner(element) {
  const bo = getBusinessObject(element);
  return is(element, 'bpmn:Participant') ? bo.processRef : bo;
}

function useAccess(element, property) {
  const modeling = useService('modeling');
  const target = owner(element);
  const getValue = () => target?.get(property) ?? '';
  const setValue = (value) => {
    const v = value === '' || value === undefined ? undefined : value;
    if (is(element, 'bpmn:Participant')) {
      modeling.updateModdleProperties(element, target, { [property]: v });
    } else {
      modeling.updateProperties(element, { [property]: property === 'jc:retries' && v !== undefined ? Number(v) || v : v });
    }
  };
  return { getValue, setValue };
}

function JcText(props) {
  const { element, id, property, label, description } = props;
  const debounce = useService('debounceInput');
  const { getValue, setValue } = useAccess(element, property);
  return h(TextFieldEntry, { id, element, label, description, getValue, setValue, debounce });
}

function JcSelect(props) {
  const { element, id, property, label, options } = props;
  const { getValue, setValue } = useAccess(element, property);
  const getOptions = () => {
    const current = getValue();
    const known = options ?? [];
    const values = current && !known.includes(current) ? [current, ...known] : known;
    return [{ value: '', label: '—' }, ...values.map((value) => ({ value, label: value }))];
  };
  return h(SelectEntry, { id, element, label, getValue, setValue, getOptions });
}
