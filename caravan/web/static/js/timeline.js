// The timeline: events per day, stacked by type, as SVG; dragging across it picks a period (a brush).

import { EVENT_TYPES, clear, svgEl, typeClass, typeColor } from './style.js';

const HEIGHT = 130;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 32 };
const DAY_MS = 86400000;
const MIN_BRUSH_PX = 4; // a shorter drag is a click: it clears the period

function dayNumber(day) {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayString(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// Per day: counts by type, for every day from the first to the last (empty days included).
function byDay(counts) {
  const days = new Map();
  for (const { day, type, n } of counts) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    const key = dayNumber(day);
    if (!days.has(key)) days.set(key, {});
    days.get(key)[type] = (days.get(key)[type] || 0) + n;
  }
  const keys = [...days.keys()];
  if (!keys.length) return { first: 0, last: -1, days };
  return { first: Math.min(...keys), last: Math.max(...keys), days };
}

export class Timeline {
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.data = { first: 0, last: -1, days: new Map() };
    this.range = null;
    this.drag = null;
    svg.addEventListener('pointerdown', (e) => this.start(e));
    svg.addEventListener('pointermove', (e) => this.move(e));
    svg.addEventListener('pointerup', (e) => this.end(e));
  }

  get width() {
    return Math.max(this.svg.clientWidth || 600, 200);
  }

  get span() {
    return this.data.last - this.data.first + 1;
  }

  x(dayNum) {
    const inner = this.width - MARGIN.left - MARGIN.right;
    return MARGIN.left + ((dayNum - this.data.first) / Math.max(this.span, 1)) * inner;
  }

  dayAt(px) {
    const inner = this.width - MARGIN.left - MARGIN.right;
    const n = this.data.first + Math.floor(((px - MARGIN.left) / inner) * this.span);
    return Math.min(Math.max(n, this.data.first), this.data.last);
  }

  draw(counts, range) {
    this.data = byDay(counts);
    this.range = range;
    clear(this.svg);
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${HEIGHT}`);
    this.svg.setAttribute('height', HEIGHT);
    if (this.span <= 0) {
      const empty = svgEl('text', { x: MARGIN.left, y: HEIGHT / 2, class: 'axis' });
      empty.textContent = 'no dated events';
      this.svg.append(empty);
      return;
    }
    this.drawBars();
    this.drawAxis();
    this.brushRect = svgEl('rect', { class: 'brush', y: MARGIN.top, height: HEIGHT - MARGIN.top - MARGIN.bottom });
    this.svg.append(this.brushRect);
    this.showRange(range);
  }

  drawBars() {
    const totals = [...this.data.days.values()].map((d) => Object.values(d).reduce((a, b) => a + b, 0));
    const most = Math.max(...totals, 1);
    const inner = HEIGHT - MARGIN.top - MARGIN.bottom;
    const barWidth = Math.max(this.x(this.data.first + 1) - this.x(this.data.first) - 1, 1);
    for (const [dayNum, types] of this.data.days) {
      let y = HEIGHT - MARGIN.bottom;
      for (const type of EVENT_TYPES) {
        if (!types[type]) continue;
        const h = (types[type] / most) * inner;
        y -= h;
        const bar = svgEl('rect', { x: this.x(dayNum), y, width: barWidth, height: h, fill: typeColor(type),
          class: `bar ${typeClass(type)}`, 'data-day': dayString(dayNum) });
        bar.append(svgEl('title'));
        bar.firstChild.textContent = `${dayString(dayNum)}: ${types[type]} ${type}`;
        this.svg.append(bar);
      }
    }
    const top = svgEl('text', { x: MARGIN.left - 4, y: MARGIN.top + 8, class: 'axis', 'text-anchor': 'end' });
    top.textContent = String(most);
    this.svg.append(top);
  }

  drawAxis() {
    const ticks = Math.min(this.span, Math.floor(this.width / 90));
    const y = HEIGHT - 6;
    const days = new Set();
    for (let i = 0; i <= ticks; i += 1) days.add(this.data.first + Math.round((i / Math.max(ticks, 1)) * (this.span - 1)));
    for (const dayNum of days) {
      const label = svgEl('text', { x: this.x(dayNum), y, class: 'axis' });
      label.textContent = dayString(dayNum).slice(5);
      this.svg.append(label);
    }
    this.svg.append(svgEl('line', { x1: MARGIN.left, x2: this.width - MARGIN.right, y1: HEIGHT - MARGIN.bottom,
      y2: HEIGHT - MARGIN.bottom, class: 'axis-line' }));
  }

  showRange(range) {
    if (!this.brushRect) return;
    if (!range || !range.from || !range.to || this.span <= 0) {
      this.brushRect.setAttribute('width', 0);
      return;
    }
    const x0 = this.x(Math.max(dayNumber(range.from), this.data.first));
    const x1 = this.x(Math.min(dayNumber(range.to), this.data.last) + 1);
    this.brushRect.setAttribute('x', Math.min(x0, x1));
    this.brushRect.setAttribute('width', Math.max(Math.abs(x1 - x0), 0));
  }

  px(event) {
    const box = this.svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * this.width;
  }

  start(event) {
    if (this.span <= 0) return;
    this.svg.setPointerCapture(event.pointerId);
    this.drag = { from: this.px(event), to: this.px(event) };
  }

  move(event) {
    if (!this.drag) return;
    this.drag.to = this.px(event);
    const left = Math.min(this.drag.from, this.drag.to);
    this.brushRect.setAttribute('x', left);
    this.brushRect.setAttribute('width', Math.abs(this.drag.to - this.drag.from));
  }

  end(event) {
    if (!this.drag) return;
    this.drag.to = this.px(event);
    const { from, to } = this.drag;
    this.drag = null;
    if (Math.abs(to - from) < MIN_BRUSH_PX) {
      this.onBrush(null);
      return;
    }
    const first = this.dayAt(Math.min(from, to));
    const last = this.dayAt(Math.max(from, to) - 1);
    this.onBrush({ from: dayString(first), to: dayString(Math.max(first, last)) });
  }
}
