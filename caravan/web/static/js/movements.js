// The movement view: the list of movements; for one, its route on the map, its legs and planned moves, and
// the reported sizes per day with every source (shapes: docs/linking.md).

import { getAll, getJSON } from './api.js';
import { clearRoute, showRoute } from './map.js';
import { clear, el, formatNumber, formatSize, svgEl, typeColor } from './style.js';

const CHART = { height: 120, left: 48, right: 10, top: 8, bottom: 20 };

function num(value) {
  return value === null || value === undefined || value === '' ? '' : formatNumber(value);
}

// A leg's or count's day: its own date, else "by" the article date it happened on or before.
function dayOf(item) {
  if (item.date) return item.date;
  return item.date_bound ? `by ${item.date_bound}` : 'undated';
}

function sortKey(item) {
  return String(item.date || item.date_bound || '9999');
}

function articleButtons(articles, openSource) {
  const cell = el('td');
  for (const id of articles || []) {
    const button = el('button', { cls: 'linkish', text: id, attrs: { type: 'button', 'data-article': id } });
    button.addEventListener('click', () => openSource(id));
    cell.append(button);
  }
  return cell;
}

function eventChips(events) {
  const cell = el('td');
  for (const event of events || []) {
    const chip = el('span', { cls: 'chip', text: event.modality && event.modality !== 'asserted'
      ? `${event.type} (${event.modality})` : event.type });
    chip.style.backgroundColor = typeColor(event.type);
    cell.append(chip, document.createTextNode(' '));
  }
  return cell;
}

// Each size report as "figure — source", a button that opens its article; implausible figures are marked.
function sizeReports(sizes, openSource) {
  const cell = el('td');
  for (const size of sizes || []) {
    const label = `${formatSize(size.low, size.high)} — ${size.source || size.article}${size.implausible ? ' (implausible)' : ''}`;
    const button = el('button', { cls: `linkish size-report${size.implausible ? ' implausible' : ''}`, text: label,
      title: size.quote || '', attrs: { type: 'button', 'data-article': size.article || '' } });
    if (size.article) button.addEventListener('click', () => openSource(size.article));
    cell.append(button, el('br'));
  }
  return cell;
}

function placeOf(leg) {
  return [leg.place, leg.country].filter(Boolean).join(', ') || 'somewhere';
}

function renderLegs(table, legs, openSource) {
  const body = table.querySelector('tbody');
  clear(body);
  for (const leg of legs) {
    body.append(el('tr', {}, [el('td', { text: dayOf(leg) }), el('td', { text: placeOf(leg) }),
      eventChips(leg.events), sizeReports(leg.sizes, openSource), articleButtons(leg.articles, openSource)]));
  }
}

function renderPlanned(box, planned, openSource) {
  box.hidden = !planned.length;
  const body = box.querySelector('tbody');
  clear(body);
  for (const move of planned) {
    body.append(el('tr', {}, [el('td', { text: dayOf(move) }), el('td', { text: placeOf(move) }),
      eventChips(move.events), articleButtons(move.articles, openSource)]));
  }
}

function renderCounts(table, counts, openSource) {
  const body = table.querySelector('tbody');
  clear(body);
  for (const count of counts) {
    const sources = sizeReports(count.sizes, openSource);
    sources.prepend(el('div', { cls: 'muted', text: `${count.reports ?? (count.sizes || []).length} report(s)` }));
    body.append(el('tr', {}, [el('td', { text: dayOf(count) }), el('td', { text: num(count.low) }),
      el('td', { text: num(count.median) }), el('td', { text: num(count.high) }),
      el('td', { text: num(count.most_cited) }), sources]));
  }
}

// Low–high range per day as a bar, the median (or most cited figure) as a tick.
function drawSizes(svg, counts) {
  clear(svg);
  const width = Math.max(svg.clientWidth || 360, 200);
  svg.setAttribute('viewBox', `0 0 ${width} ${CHART.height}`);
  svg.setAttribute('height', CHART.height);
  const rows = counts.filter((c) => c.high !== null || c.low !== null);
  if (!rows.length) return;
  const most = Math.max(...rows.map((c) => c.high ?? c.low ?? 0), 1);
  const inner = CHART.height - CHART.top - CHART.bottom;
  const step = (width - CHART.left - CHART.right) / rows.length;
  const y = (v) => CHART.top + inner - (v / most) * inner;
  rows.forEach((c, i) => {
    const x = CHART.left + i * step + step * 0.2;
    const low = c.low ?? c.high;
    const high = c.high ?? c.low;
    svg.append(svgEl('rect', { x, y: y(high), width: step * 0.6, height: Math.max(y(low) - y(high), 2),
      class: 'size-range' }));
    const middle = c.median ?? c.most_cited;
    if (middle !== null && middle !== undefined) {
      svg.append(svgEl('line', { x1: x - 2, x2: x + step * 0.6 + 2, y1: y(middle), y2: y(middle), class: 'size-median' }));
    }
    const label = svgEl('text', { x: x + step * 0.3, y: CHART.height - 5, class: 'axis', 'text-anchor': 'middle' });
    label.textContent = dayOf(c).replace('by ', '≤').slice(-5);
    svg.append(label);
  });
  const top = svgEl('text', { x: CHART.left - 4, y: CHART.top + 8, class: 'axis', 'text-anchor': 'end' });
  top.textContent = formatNumber(most);
  svg.append(top);
}

export async function listMovements(view, onPick) {
  const status = view.querySelector('#movements-status');
  const list = view.querySelector('#movement-list');
  clear(list);
  const { items, total } = await getAll('/api/movements');
  status.textContent = total ? `${total} movement${total === 1 ? '' : 's'}` : 'No movements linked in this store.';
  for (const movement of items) {
    const legs = (movement.legs || []).length;
    const item = el('li', { cls: 'movement', attrs: { 'data-id': String(movement.id), tabindex: '0' } }, [
      el('strong', { text: movement.label || `Movement ${movement.id}` }),
      el('div', { cls: 'muted', text: [`${movement.first_seen || '?'} → ${movement.last_seen || '?'}`,
        movement.status, `${legs} leg${legs === 1 ? '' : 's'}`].filter(Boolean).join(' · ') }),
    ]);
    item.addEventListener('click', () => onPick(String(movement.id)));
    list.append(item);
  }
}

export async function openMovement(view, movementId, { openSource }) {
  const movement = await getJSON(`/api/movements/${encodeURIComponent(movementId)}`);
  view.querySelector('#movement-detail').hidden = false;
  view.querySelector('#movement-title').textContent = movement.label || `Movement ${movement.id}`;
  view.querySelector('#movement-meta').textContent = [movement.status,
    `${movement.first_seen || '?'} → ${movement.last_seen || '?'}`, `${(movement.articles || []).length} articles`]
    .filter(Boolean).join(' · ');
  const legs = [...(movement.legs || [])].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  renderLegs(view.querySelector('#legs-table'), legs, openSource);
  renderPlanned(view.querySelector('#planned-box'), movement.planned || [], openSource);
  renderCounts(view.querySelector('#counts-table'), movement.counts || [], openSource);
  drawSizes(view.querySelector('#sizes-chart'), movement.counts || []);
  for (const item of view.querySelectorAll('#movement-list li')) {
    item.classList.toggle('selected', item.dataset.id === String(movement.id));
  }
  showRoute(legs.map((leg) => ({ ...leg, date: dayOf(leg) })));
  return movement;
}

export function closeMovement(view) {
  view.querySelector('#movement-detail').hidden = true;
  clearRoute();
}
