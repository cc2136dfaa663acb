// bpmn-engine peer benchmark (the peer that the workflow engine is measured against).
// Process: start -> serviceTask(classify) -> exclusiveGateway -> userTask(review, wait) -> signal -> end
// Driven by tests/bench/engine.sh (packages from package.json, installed beside this file).
// Usage: node bench.mjs <mode> [N] [warmup]
//   mode: run          pre-parsed definition (sourceContext) shared, new Engine per instance
//         run-parse    XML parsed per instance (new Engine({ source }))
//         persist      at the wait state: getState() -> JSON.stringify -> stop -> JSON.parse -> new Engine().recover(state) -> resume -> signal
//                      (full state incl. serialized definition source, as documented)
//         persist-lean same, but definitions[].source stripped from the state; recovered with new Engine({ sourceContext }).recover(state)
//         bulk         start all N instances until they wait at the user task (all held in memory), then signal them all;
//                      run with --expose-gc: RSS and heap growth per waiting instance are read after full collections
import fs from 'node:fs';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import Serializer, { TypeResolver } from 'moddle-context-serializer';

const mode = process.argv[2] || 'run';
const N = Number(process.argv[3] || 10000);
const WARMUP = Number(process.argv[4] ?? 500);
const SOURCE = fs.readFileSync(new URL('./review.bpmn', import.meta.url), 'utf8');

const services = {
  classify(executionContext, callback) {
    callback(null, { docClass: 'invoice' });
  },
};
const variables = () => ({ needsReview: true, docId: Math.random().toString(36).slice(2) });

async function getSourceContext(source) {
  const moddleContext = await new BpmnModdle().fromXML(source);
  return Serializer(moddleContext, TypeResolver({ ...elements }));
}

function assertReviewed(engine) {
  const end = engine.execution.getActivityById('endReviewed');
  if (!end || end.counters.taken !== 1) throw new Error('instance did not end via endReviewed');
}

let stateBytes = 0;

async function oneRun(sourceContext, parsePerInstance) {
  const engine = parsePerInstance ? new Engine({ source: SOURCE }) : new Engine({ sourceContext });
  const ended = engine.waitFor('end');
  const execution = await engine.execute({ services, variables: variables() });
  if (execution.activityStatus !== 'wait') throw new Error('expected wait, got ' + execution.activityStatus);
  execution.signal({ id: 'review', approved: true });
  await ended;
  assertReviewed(engine);
}

async function onePersist(sourceContext, lean) {
  const engine = new Engine({ sourceContext });
  const execution = await engine.execute({ services, variables: variables() });
  if (execution.activityStatus !== 'wait') throw new Error('expected wait, got ' + execution.activityStatus);
  const state = await engine.getState();
  if (lean) for (const d of state.definitions) delete d.source;
  const json = JSON.stringify(state);
  stateBytes += json.length;
  await engine.stop();

  const restored = JSON.parse(json);
  const engine2 = lean ? new Engine({ sourceContext, services }).recover(restored) : new Engine({ services }).recover(restored);
  const ended = engine2.waitFor('end');
  const ex2 = await engine2.resume();
  if (ex2.activityStatus !== 'wait') throw new Error('expected wait after resume, got ' + ex2.activityStatus);
  ex2.signal({ id: 'review', approved: true });
  await ended;
  assertReviewed(engine2);
}

// Full collections before each RSS reading (node --expose-gc), as the .NET side collects before its own.
function collect() {
  if (!global.gc) throw new Error('bulk needs node --expose-gc');
  global.gc();
  global.gc();
}

async function bulk(sourceContext, n) {
  collect();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const engines = [];
  const ends = [];
  for (let i = 0; i < n; i++) {
    const engine = new Engine({ sourceContext });
    ends.push(engine.waitFor('end'));
    const execution = await engine.execute({ services, variables: variables() });
    if (execution.activityStatus !== 'wait') throw new Error('expected wait');
    engines.push(engine);
  }
  const tStarted = process.hrtime.bigint();
  const rssAllWaiting = process.memoryUsage().rss;
  collect();
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  for (const engine of engines) engine.execution.signal({ id: 'review' });
  await Promise.all(ends);
  for (const engine of engines) assertReviewed(engine);
  return { tStarted, rssAllWaiting, rssGrowth, heapGrowth };
}

const sourceContext = await getSourceContext(SOURCE);

async function loop(n) {
  for (let i = 0; i < n; i++) {
    if (mode === 'run') await oneRun(sourceContext, false);
    else if (mode === 'run-parse') await oneRun(sourceContext, true);
    else if (mode === 'persist') await onePersist(sourceContext, false);
    else if (mode === 'persist-lean') await onePersist(sourceContext, true);
    else throw new Error('unknown mode ' + mode);
  }
}

let maxRss = 0;
const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 50);

if (mode === 'bulk') {
  await bulk(sourceContext, Math.min(WARMUP, 500));
  const t0 = process.hrtime.bigint();
  const { tStarted, rssAllWaiting, rssGrowth, heapGrowth } = await bulk(sourceContext, N);
  const t1 = process.hrtime.bigint();
  const total = Number(t1 - t0) / 1e9;
  console.log(JSON.stringify({
    engine: 'bpmn-engine', version: JSON.parse(fs.readFileSync(new URL('./node_modules/bpmn-engine/package.json', import.meta.url))).version,
    node: process.version, mode, N,
    startToWaitSec: Number(tStarted - t0) / 1e9, signalToEndSec: Number(t1 - tStarted) / 1e9,
    totalSec: total, instancesPerSec: N / total,
    rssAllWaitingMiB: rssAllWaiting / 2 ** 20, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
    rssGrowthBytesPerWaitingInstance: rssGrowth / N, heapGrowthBytesPerWaitingInstance: heapGrowth / N,
  }));
} else {
  await loop(WARMUP);
  stateBytes = 0;
  if (global.gc) global.gc();
  const t0 = process.hrtime.bigint();
  await loop(N);
  const t1 = process.hrtime.bigint();
  const total = Number(t1 - t0) / 1e9;
  console.log(JSON.stringify({
    engine: 'bpmn-engine', version: JSON.parse(fs.readFileSync(new URL('./node_modules/bpmn-engine/package.json', import.meta.url))).version,
    node: process.version, mode, N, warmup: WARMUP,
    totalSec: total, instancesPerSec: N / total, usPerInstance: (total * 1e6) / N,
    avgStateJsonBytes: stateBytes ? Math.round(stateBytes / N) : undefined,
    sampledMaxRssMiB: Math.max(maxRss, process.memoryUsage().rss) / 2 ** 20,
  }));
}
clearInterval(sampler);
