// The publish preview: the published version and the draft side by side, compared by bpmn-js-differ
// (definition-diff.js). Removed elements are coloured on the published diagram, added ones on the draft, changed
// ones on both; the list names each element and what changed in it (attribute: old → new).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { compareDefinitions, describeValue } from './definition-diff.js';

const MIN_LEGIBLE_ZOOM = 0.75;

export class PublishPreview {
  constructor(host, texts, moddleExtensions) {
    this.host = host;
    this.texts = texts;
    this.moddleExtensions = moddleExtensions;
    this.viewers = null;
  }

  /** Draws both diagrams (the published one once), colours them and lists the differences; returns the comparison. */
  async show(publishedXml, publishedVersion, draftXml) {
    const texts = this.texts;
    if (!this.viewers) {
      this.host.replaceChildren();
      const pane = (title, key) => {
        const figure = document.createElement('figure');
        figure.className = `diff-pane diff-${key}`;
        const caption = document.createElement('figcaption');
        caption.textContent = title;
        const canvas = document.createElement('div');
        canvas.className = 'diff-canvas';
        canvas.dataset.diffCanvas = key;
        figure.append(caption, canvas);
        return { figure, canvas };
      };
      const left = pane((texts.diffPublished ?? 'Published version {0}').replace('{0}', publishedVersion), 'published');
      const right = pane(texts.diffDraft ?? 'Draft', 'draft');
      const diagrams = document.createElement('div');
      diagrams.className = 'diff-diagrams';
      diagrams.append(left.figure, right.figure);
      const legend = document.createElement('p');
      legend.className = 'diff-legend';
      for (const [key, label] of [['added', texts.added], ['removed', texts.removed], ['changed', texts.changed], ['layout', texts.layoutChanged]]) {
        const swatch = document.createElement('span');
        swatch.className = `diff-swatch diff-swatch-${key}`;
        swatch.textContent = label;
        legend.append(swatch);
      }
      this.list = document.createElement('div');
      this.list.className = 'diff-list';
      this.host.append(diagrams, legend, this.list);
      this.viewers = {
        published: new NavigatedViewer({ container: left.canvas, moddleExtensions: this.moddleExtensions }),
        draft: new NavigatedViewer({ container: right.canvas, moddleExtensions: this.moddleExtensions }),
      };
      await this.viewers.published.importXML(publishedXml);
      this.follow(this.viewers.published, this.viewers.draft);
      this.follow(this.viewers.draft, this.viewers.published);
    }
    await this.viewers.draft.importXML(draftXml);
    for (const viewer of Object.values(this.viewers)) {
      // The drawings repeat the list below (which carries the changes for assistive technology); they take no focus.
      for (const focusable of [viewer.get('canvas').getContainer(), ...viewer.get('canvas').getContainer().querySelectorAll('[tabindex]')]) {
        focusable.setAttribute('tabindex', '-1');
      }
    }

    const comparison = compareDefinitions(this.viewers.published.getDefinitions(), this.viewers.draft.getDefinitions());
    this.colour(this.viewers.published, [...comparison.removed.map((c) => [c.id, 'jc-removed']), ...comparison.changed.map((c) => [c.id, 'jc-changed'])]);
    this.colour(this.viewers.draft, [
      ...comparison.added.map((c) => [c.id, 'jc-added']),
      ...comparison.changed.map((c) => [c.id, 'jc-changed']),
      ...comparison.layout.map((c) => [c.id, 'jc-layout']),
    ]);
    this.frame(comparison);
    this.list.replaceChildren(
      this.section(texts.added, comparison.added, 'added'),
      this.section(texts.removed, comparison.removed, 'removed'),
      this.section(texts.changed, comparison.changed, 'changed'),
      this.section(texts.layoutChanged, comparison.layout, 'layout'));
    return comparison;
  }

  /** Panning or zooming one drawing moves the other the same way, so the same part of both stays in view. */
  follow(source, target) {
    source.on('canvas.viewbox.changed', ({ viewbox }) => {
      if (this.following) {
        return;
      }
      this.following = true;
      try {
        target.get('canvas').viewbox({ x: viewbox.x, y: viewbox.y, width: viewbox.width, height: viewbox.height });
      } finally {
        this.following = false;
      }
    });
  }

  /** The whole draft when its names stay legible; otherwise legible, centred on the first change (pan to see the rest). */
  frame(comparison) {
    const canvas = this.viewers.draft.get('canvas');
    const fit = canvas.zoom('fit-viewport', 'auto');
    if (fit >= MIN_LEGIBLE_ZOOM) {
      return;
    }
    const first = [...comparison.added, ...comparison.changed, ...comparison.layout, ...comparison.removed]
      .map((c) => this.viewers.draft.get('elementRegistry').get(c.id) ?? this.viewers.published.get('elementRegistry').get(c.id))
      .find(Boolean);
    if (!first) {
      return;
    }
    const centre = first.waypoints
      ? first.waypoints[Math.floor(first.waypoints.length / 2)]
      : { x: first.x + first.width / 2, y: first.y + first.height / 2 };
    canvas.zoom(MIN_LEGIBLE_ZOOM);
    const box = canvas.viewbox();
    canvas.viewbox({ x: centre.x - box.width / 2, y: centre.y - box.height / 2, width: box.width, height: box.height });
  }

  colour(viewer, marks) {
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    for (const element of registry.getAll()) {
      for (const marker of ['jc-added', 'jc-removed', 'jc-changed', 'jc-layout']) {
        canvas.removeMarker(element, marker);
      }
    }
    for (const [id, marker] of marks) {
      // A process is drawn as its pool; a changed process without one (a plain diagram) has no shape to colour.
      const shape = registry.get(id) ?? registry.find((e) => e.businessObject?.processRef?.id === id);
      if (shape) {
        canvas.addMarker(shape, marker);
      }
    }
  }

  section(title, rows, key) {
    const block = document.createElement('section');
    block.className = `diff-section diff-${key}`;
    const heading = document.createElement('h3');
    heading.textContent = `${title} (${rows.length})`;
    const list = document.createElement('ul');
    list.className = `diff-${key}`;
    for (const c of rows) {
      const item = document.createElement('li');
      item.dataset.elementId = c.id;
      const label = document.createElement('span');
      label.textContent = `${c.id} (${c.type}${c.name ? `: ${c.name}` : ''})`;
      item.append(label);
      if (c.attributes.length > 0) {
        const attributes = document.createElement('ul');
        attributes.className = 'diff-attributes';
        for (const a of c.attributes) {
          const line = document.createElement('li');
          line.textContent = a.nested ? `${a.name}: ${this.texts.nestedChange ?? 'changed inside'}` : `${a.name}: ${describeValue(a.oldValue)} → ${describeValue(a.newValue)}`;
          attributes.append(line);
        }
        item.append(attributes);
      }
      list.append(item);
    }
    block.append(heading, list);
    return block;
  }
}
