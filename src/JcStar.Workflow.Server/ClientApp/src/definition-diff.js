// The comparison behind the publish preview: bpmn-js-differ on the two parsed models (not the XML text, so a
// reformatted file shows no change), as lists of added, removed, changed (with their attributes) and moved elements.
import { diff, ChangeHandler } from 'bpmn-js-differ';

/**
 * bpmn-js-differ's handler, also recording which property holds a change deeper down (an extension element, a
 * condition). The differ passes a changed attribute as (old, new) but an added or removed list item as (new, old)
 * ("name[0]"); both reach the list as old → new.
 */
export class PreviewChanges extends ChangeHandler {
  changed(model, property, first, second) {
    const listItem = /\[\d+\]$/.test(property);
    const [oldValue, newValue] = listItem ? [second, first] : [first, second];
    super.changed(model, property, newValue, oldValue);
    const entry = model?.id ? this._changed[model.id] : undefined;
    if (entry && newValue === undefined && oldValue === undefined && !(property in entry.attrs)) {
      entry.attrs[property] = { nested: true };
    }
  }
}

/**
 * Compares two bpmn-js definitions objects. Returns { added, removed, changed, layout }: lists of
 * { id, type, name, attributes: [{ name, oldValue, newValue, nested }] }, sorted by id.
 */
export function compareDefinitions(published, draft) {
  const changes = diff(published, draft, new PreviewChanges());
  const row = (element, attrs) => ({
    id: element.id,
    type: (element.$type ?? '').replace(/^bpmn:/, ''),
    name: element.name ?? '',
    attributes: Object.entries(attrs ?? {}).map(([name, change]) => ({ name, ...change })),
  });
  const sorted = (rows) => rows.sort((a, b) => a.id.localeCompare(b.id));
  const changed = sorted(Object.values(changes._changed).map((c) => row(c.model, c.attrs)));
  const touched = new Set([...Object.keys(changes._added), ...Object.keys(changes._removed), ...changed.map((c) => c.id)]);
  return {
    added: sorted(Object.values(changes._added).map((e) => row(e))),
    removed: sorted(Object.values(changes._removed).map((e) => row(e))),
    changed,
    layout: sorted(Object.values(changes._layoutChanged).filter((e) => e && !touched.has(e.id)).map((e) => row(e))),
  };
}

/** A value as the list shows it: text quoted, a model element by its type and id, long text shortened. */
export function describeValue(value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (typeof value === 'object') {
    if (value.$type) {
      return value.id ? `${value.$type} ${value.id}` : value.$type;
    }
    return Array.isArray(value) ? `[${value.map(describeValue).join(', ')}]` : JSON.stringify(value);
  }
  const text = String(value);
  return typeof value === 'string' ? `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”` : text;
}
