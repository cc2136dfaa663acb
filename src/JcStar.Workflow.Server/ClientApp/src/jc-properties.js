// The properties panel's group for our jc: extension (after bpmn-io's properties-panel-extension example: a provider
// that adds one group). Choices come from the server: the registered activities, the candidate groups the roles give,
// the forms in workflows/forms. A value the lists do not know (typed by hand in the file) stays and is offered too.
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

const ACTIVITY_HOLDERS = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:IntermediateThrowEvent'];

export function createJcPropertiesModule(catalog, texts) {
  function JcPropertiesProvider(propertiesPanel) {
    propertiesPanel.registerProvider(500, this);
  }
  JcPropertiesProvider.$inject = ['propertiesPanel'];
  JcPropertiesProvider.prototype.getGroups = function getGroups(element) {
    return (groups) => {
      const entries = jcEntries(element, catalog, texts);
      if (entries.length > 0) {
        groups.push({ id: 'jc', label: texts.group ?? 'JC-STAR', entries });
      }
      return groups;
    };
  };
  return { __init__: ['jcPropertiesProvider'], jcPropertiesProvider: ['type', JcPropertiesProvider] };
}

function jcEntries(element, catalog, texts) {
  const entries = [];
  const text = (id, property, label, description) =>
    entries.push({ id, element, property, label, description, component: JcText, isEdited: isTextFieldEntryEdited });
  const select = (id, property, label, options) =>
    entries.push({ id, element, property, label, options, component: JcSelect, isEdited: isSelectEntryEdited });
  if (ACTIVITY_HOLDERS.some((type) => is(element, type))) {
    select('jc-activity', 'jc:activity', texts.activity, catalog.activities);
  }
  if (is(element, 'bpmn:UserTask')) {
    text('jc-assignee', 'jc:assignee', texts.assignee, texts.assigneeHelp);
    select('jc-candidate-groups', 'jc:candidateGroups', texts.candidateGroups, catalog.groups);
    text('jc-candidate-groups-text', 'jc:candidateGroups', texts.candidateGroupsList, texts.candidateGroupsHelp);
    text('jc-due-date', 'jc:dueDate', texts.dueDate, texts.dueDateHelp);
    text('jc-follow-up-date', 'jc:followUpDate', texts.followUpDate, texts.dueDateHelp);
    select('jc-form-key', 'jc:formKey', texts.formKey, catalog.forms);
  }
  if (is(element, 'bpmn:StartEvent') && is(element.parent, 'bpmn:Process')) {
    select('jc-start-form-key', 'jc:formKey', texts.formKey, catalog.forms);
  }
  if (is(element, 'bpmn:Process') || is(element, 'bpmn:Participant')) {
    text('jc-starters', 'jc:candidateStarterGroups', texts.starters, texts.startersHelp);
  }
  if (is(element, 'bpmn:Activity')) {
    text('jc-retries', 'jc:retries', texts.retries);
  }
  return entries;
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
