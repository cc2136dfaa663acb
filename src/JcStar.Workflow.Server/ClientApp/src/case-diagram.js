// The case page's diagram: the process drawn by bpmn-js, the path taken coloured, the current position highlighted
// and incidents marked. The server-rendered list of the path stays in the page for screen readers and for browsers
// without script; it is only hidden from sight once the diagram is drawn.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './case-diagram.css';

const MIN_LEGIBLE_ZOOM = 0.75;

for (const host of document.querySelectorAll('[data-bpmn-viewer]')) {
  mount(host).catch((error) => console.error('The diagram could not be drawn; the list of steps stays.', error));
}

async function mount(host) {
  const response = await fetch(host.dataset.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${host.dataset.source} answered ${response.status}`);
  }
  const facts = await response.json();
  if (!facts.xml) {
    return;
  }
  const canvasHost = document.createElement('div');
  canvasHost.className = 'diagram-canvas';
  // The drawing repeats what the list beside it says (the list carries the steps for assistive technology). It is
  // neither hidden nor an image: it holds the bpmn.io link its licence requires, which must stay reachable.
  host.prepend(canvasHost);
  const viewer = new NavigatedViewer({ container: canvasHost });
  try {
    await viewer.importXML(facts.xml);
  } catch (error) {
    viewer.destroy();
    canvasHost.remove();
    throw error;
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const mark = (ids, marker) => {
    for (const id of ids ?? []) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    }
  };
  mark(facts.completed, 'case-completed');
  mark(pathFlows(registry, new Set(facts.completed ?? []), new Set(facts.active ?? [])), 'case-completed');
  mark(facts.active, 'case-active');
  mark(facts.incidents, 'case-incident');
  // The whole process when its names stay legible; otherwise legible, centred on where the case stands (pan and
  // zoom with the mouse to see the rest).
  const fit = canvas.zoom('fit-viewport', 'auto');
  const here = (facts.active ?? []).concat(facts.incidents ?? []).map((id) => registry.get(id)).find(Boolean);
  if (fit < MIN_LEGIBLE_ZOOM && here) {
    canvas.zoom(MIN_LEGIBLE_ZOOM, { x: here.x + here.width / 2, y: here.y + here.height / 2 });
    const box = canvas.viewbox();
    canvas.viewbox({ ...box, x: here.x + here.width / 2 - box.width / 2, y: here.y + here.height / 2 - box.height / 2 });
  }
  // An image takes no keyboard focus (bpmn-js makes its container focusable for its own shortcuts, which a viewer does not need).
  for (const focusable of [canvasHost, ...canvasHost.querySelectorAll('[tabindex]')]) {
    focusable.setAttribute('tabindex', '-1');
  }
  host.classList.add('diagram-drawn');
}

/** Sequence flows between two visited elements: the path the token took (the history records nodes, not flows). */
function pathFlows(registry, completed, active) {
  return registry
    .filter((e) => e.type === 'bpmn:SequenceFlow' && completed.has(e.source?.id) && (completed.has(e.target?.id) || active.has(e.target?.id)))
    .map((e) => e.id);
}
