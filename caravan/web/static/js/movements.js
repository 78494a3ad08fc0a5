// The movement view: the list of movements; for one, its route on the map, legs and reported sizes per day.

import { getAll, getJSON } from './api.js';
import { clearRoute, showRoute } from './map.js';
import { clear, el, formatNumber, formatSize, svgEl } from './style.js';

const CHART = { height: 120, left: 48, right: 10, top: 8, bottom: 20 };

function num(value) {
  return value === null || value === undefined || value === '' ? '' : formatNumber(value);
}

// A count's or a leg's sources: article ids (or objects naming one) become buttons that open the article.
function sourcesCell(reports, openSource) {
  const cell = el('td');
  if (Array.isArray(reports)) {
    reports.forEach((report) => {
      const id = typeof report === 'object' && report !== null ? report.article_id || report.id : report;
      const label = typeof report === 'object' && report !== null
        ? [report.outlet, report.size !== undefined ? num(report.size) : ''].filter(Boolean).join(' ') || id : id;
      const button = el('button', { cls: 'linkish', text: label, attrs: { type: 'button' } });
      button.addEventListener('click', () => openSource(String(id)));
      cell.append(button);
    });
  } else if (reports !== null && reports !== undefined) {
    cell.textContent = String(reports);
  }
  return cell;
}

function legEvents(leg) {
  const ids = leg.event_ids || [];
  return ids.map((id) => (typeof id === 'object' ? `${id.article_id}:${id.idx}` : String(id)));
}

function renderLegs(table, legs, openEvent) {
  const body = table.querySelector('tbody');
  clear(body);
  for (const leg of legs) {
    const row = el('tr', {}, [el('td', { text: leg.date || '' }), el('td', { text: leg.place || '' }),
      el('td', { text: leg.country || '' })]);
    const cell = el('td');
    for (const key of legEvents(leg)) {
      const button = el('button', { cls: 'linkish', text: key.split(':')[0], attrs: { type: 'button' } });
      button.addEventListener('click', () => openEvent(key));
      cell.append(button);
    }
    row.append(cell, el('td', { text: (leg.sizes || []).map((s) => (typeof s === 'object' && s !== null
      ? formatSize(s.low, s.high) : num(s))).filter(Boolean).join(', ') }));
    body.append(row);
  }
}

function renderCounts(table, counts, openSource) {
  const body = table.querySelector('tbody');
  clear(body);
  for (const count of counts) {
    body.append(el('tr', {}, [el('td', { text: count.date || '' }), el('td', { text: num(count.low) }),
      el('td', { text: num(count.median) }), el('td', { text: num(count.high) }),
      el('td', { text: num(count.most_cited) }), sourcesCell(count.reports, openSource)]));
  }
}

// Low–high range per day as a bar, the median as a tick.
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
    const low = c.low ?? c.median ?? 0;
    const high = c.high ?? c.median ?? low;
    svg.append(svgEl('rect', { x, y: y(high), width: step * 0.6, height: Math.max(y(low) - y(high), 2), class: 'size-range' }));
    if (c.median !== null && c.median !== undefined) {
      svg.append(svgEl('line', { x1: x - 2, x2: x + step * 0.6 + 2, y1: y(c.median), y2: y(c.median), class: 'size-median' }));
    }
    const label = svgEl('text', { x: x + step * 0.3, y: CHART.height - 5, class: 'axis', 'text-anchor': 'middle' });
    label.textContent = (c.date || '').slice(5);
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
    const item = el('li', { cls: 'movement', attrs: { 'data-id': String(movement.id), tabindex: '0' } }, [
      el('strong', { text: movement.label || `Movement ${movement.id}` }),
      el('div', { cls: 'muted', text: [movement.first_seen, movement.last_seen].filter(Boolean).join(' → ')
        + (movement.status ? ` · ${movement.status}` : '') }),
    ]);
    item.addEventListener('click', () => onPick(String(movement.id)));
    list.append(item);
  }
}

export async function openMovement(view, movementId, { openSource, openEvent }) {
  const movement = await getJSON(`/api/movements/${encodeURIComponent(movementId)}`);
  const detail = view.querySelector('#movement-detail');
  detail.hidden = false;
  view.querySelector('#movement-title').textContent = movement.label || `Movement ${movement.id}`;
  view.querySelector('#movement-meta').textContent = [movement.status,
    [movement.first_seen, movement.last_seen].filter(Boolean).join(' → ')].filter(Boolean).join(' · ');
  const legs = [...(movement.legs || [])].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  renderLegs(view.querySelector('#legs-table'), legs, openEvent);
  renderCounts(view.querySelector('#counts-table'), movement.counts || [], openSource);
  drawSizes(view.querySelector('#sizes-chart'), movement.counts || []);
  for (const item of view.querySelectorAll('#movement-list li')) {
    item.classList.toggle('selected', item.dataset.id === String(movement.id));
  }
  showRoute(legs, () => {});
  return movement;
}

export function closeMovement(view) {
  view.querySelector('#movement-detail').hidden = true;
  clearRoute();
}
