// The page: filters, map, timeline and event list kept in step with each other and with the URL.

import { getAll, getJSON } from './api.js';
import { eventKey, highlightEvent, initMap, invalidateSize, setEventsVisible, showEvents } from './map.js';
import { canonicalAsItem, markSelected, renderEvents } from './list.js';
import { closeMovement, listMovements, openMovement } from './movements.js';
import { openArticle } from './source.js';
import { eventParams, readURL, selectedTypes, state, writeURL } from './state.js';
import { EVENT_TYPES, clear, el, legendItem, typeColor } from './style.js';
import { Timeline } from './timeline.js';

const $ = (selector) => document.querySelector(selector);
let config = {};
let timeline = null;

function splitKey(key) {
  const cut = key.lastIndexOf(':');
  return { articleId: key.slice(0, cut), idx: Number(key.slice(cut + 1)) };
}

function setBusy(busy) {
  document.body.dataset.ready = busy ? 'false' : 'true';
}

function report(where, err) {
  $(where).textContent = `Could not load: ${err.detail || err.message}`;
  console.warn(err); // eslint-disable-line no-console
}

function buildFilters() {
  const box = $('#type-filter');
  const chosen = selectedTypes();
  for (const type of EVENT_TYPES) {
    const input = el('input', { attrs: { type: 'checkbox', value: type, name: 'type' } });
    input.checked = chosen.includes(type);
    const swatch = el('span', { cls: 'swatch' });
    swatch.style.backgroundColor = typeColor(type);
    box.append(el('label', { cls: 'type-toggle' }, [input, swatch, document.createTextNode(type)]));
  }
  const legend = $('#map-legend');
  for (const type of EVENT_TYPES) legend.append(legendItem(typeColor(type), type));
}

function syncInputs() {
  for (const input of document.querySelectorAll('#type-filter input')) input.checked = selectedTypes().includes(input.value);
  $('#modality-filter').value = state.modality || '';
  $('#level-filter').value = state.level || '';
  $('#country-filter').value = state.country || '';
  $('#from-filter').value = state.from || '';
  $('#to-filter').value = state.to || '';
  const period = state.from && state.to;
  $('#brush-info').textContent = period ? `${state.from} to ${state.to}` : 'drag across the timeline to pick a period';
  $('#clear-brush').hidden = !(state.from || state.to);
}

async function refresh({ fit = false } = {}) {
  setBusy(true);
  syncInputs();
  writeURL();
  try {
    const canonical = state.level === 'canonical';
    const [counts, list] = await Promise.all([getJSON('/api/events/timeline', eventParams({ dates: false })),
      getAll('/api/events', { ...eventParams(), level: canonical ? 'canonical' : null })]);
    if (canonical) list.items = list.items.map(canonicalAsItem);
    timeline.draw(counts, { from: state.from, to: state.to });
    renderEvents($('#event-list'), list.items, selectEvent);
    $('#event-count').textContent = list.truncated ? `(first ${list.items.length} of ${list.total})` : `(${list.total})`;
    $('#events-status').textContent = list.total ? '' : 'No events match these filters.';
    showEvents(list.items, selectEvent, { fit });
    if (state.event) {
      markSelected($('#event-list'), state.event);
      highlightEvent(state.event);
    }
  } catch (err) {
    report('#events-status', err);
  }
  setBusy(false);
}

async function showSource(articleId, idx) {
  setBusy(true);
  try {
    await openArticle($('#source-view'), articleId, idx);
    document.body.classList.add('reading');
    invalidateSize();
  } catch (err) {
    report('#source-meta', err);
  }
  setBusy(false);
}

// The reports of a linked event, each a button that opens its article at its trigger.
function showReports(mentions) {
  const box = $('#source-reports');
  const list = $('#report-list');
  clear(list);
  box.hidden = !mentions || mentions.length < 2;
  for (const mention of mentions || []) {
    const label = [mention.published, mention.outlet, mention.modality !== 'asserted' ? mention.modality : '',
      mention.speaker ? `told by ${mention.speaker}` : ''].filter(Boolean).join(' · ');
    const button = el('button', { cls: 'linkish', text: label || mention.article, attrs: { type: 'button' } });
    button.addEventListener('click', () => openMention(mention));
    list.append(el('li', {}, [button]));
  }
}

function openMention(mention) {
  state.event = `${mention.article}:${mention.idx}`;
  state.article = mention.article;
  writeURL();
  showSource(mention.article, mention.idx);
}

function selectEvent(event) {
  state.event = eventKey(event);
  state.article = event.article_id;
  writeURL();
  markSelected($('#event-list'), state.event);
  highlightEvent(state.event);
  showReports(event.mentions);
  showSource(event.article_id, event.idx);
}

function openSourceArticle(articleId) {
  showReports(null);
  state.event = null;
  state.article = articleId;
  writeURL();
  showSource(articleId, null);
}

function closeSource() {
  state.article = null;
  state.event = null;
  writeURL();
  $('#source-view').hidden = true;
  document.body.classList.remove('reading');
  invalidateSize();
  markSelected($('#event-list'), null);
  highlightEvent(null);
}

function onBrush(range) {
  state.from = range ? range.from : null;
  state.to = range ? range.to : null;
  refresh();
}

async function pickMovement(id) {
  state.movement = id;
  writeURL();
  setBusy(true);
  try {
    await openMovement($('#movements-view'), id, { openSource: openSourceArticle });
  } catch (err) {
    report('#movements-status', err);
  }
  setBusy(false);
}

async function showView(view) {
  state.view = view === 'movements' ? 'movements' : null;
  writeURL();
  const movements = view === 'movements';
  $('#tab-events').setAttribute('aria-pressed', String(!movements));
  $('#tab-movements').setAttribute('aria-pressed', String(movements));
  $('#events-view').hidden = movements;
  $('#movements-view').hidden = !movements;
  setEventsVisible(!movements);
  if (!movements) {
    closeMovement($('#movements-view'));
    return;
  }
  setBusy(true);
  try {
    await listMovements($('#movements-view'), pickMovement);
  } catch (err) {
    report('#movements-status', err);
  }
  setBusy(false);
  if (state.movement) await pickMovement(state.movement);
}

function bindFilters() {
  $('#type-filter').addEventListener('change', () => {
    const types = [...document.querySelectorAll('#type-filter input:checked')].map((i) => i.value);
    state.type = types.join(',') || null;
    refresh();
  });
  $('#modality-filter').addEventListener('change', (e) => { state.modality = e.target.value || null; refresh(); });
  $('#level-filter').addEventListener('change', (e) => { state.level = e.target.value || null; refresh({ fit: true }); });
  $('#country-filter').addEventListener('change', (e) => {
    const value = e.target.value.trim().toUpperCase();
    state.country = /^[A-Z]{2}$/.test(value) ? value : null;
    refresh();
  });
  for (const key of ['from', 'to']) {
    $(`#${key}-filter`).addEventListener('change', (e) => { state[key] = e.target.value || null; refresh(); });
  }
  $('#reset-filters').addEventListener('click', () => {
    Object.assign(state, { level: null, type: null, modality: null, country: null, from: null, to: null });
    refresh({ fit: true });
  });
  $('#clear-brush').addEventListener('click', () => onBrush(null));
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
}

function bindControls() {
  bindFilters();
  $('#close-source').addEventListener('click', closeSource);
  $('#tab-events').addEventListener('click', () => showView('events'));
  $('#tab-movements').addEventListener('click', () => showView('movements'));
  window.addEventListener('resize', () => { invalidateSize(); refresh(); });
}

async function start() {
  setBusy(true);
  readURL();
  config = await getJSON('/api/config');
  buildFilters();
  await initMap(config);
  timeline = new Timeline($('#timeline'), onBrush);
  bindControls();
  await refresh({ fit: true });
  if (state.article) {
    await showSource(state.article, state.event ? splitKey(state.event).idx : null);
    if (state.event) highlightEvent(state.event);
  }
  if (state.view === 'movements') await showView('movements');
  setBusy(false);
}

start().catch((err) => report('#events-status', err));
