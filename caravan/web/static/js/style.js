// Colours of event types and speakers, and small DOM helpers that only ever set text (never HTML).

export const EVENT_TYPES = ['depart', 'travel', 'cross', 'arrive', 'gather', 'block', 'force', 'detain', 'return',
  'deploy', 'policy', 'aid', 'meet'];

export const TYPE_COLORS = {
  depart: '#1b9e77', travel: '#66a61e', cross: '#e6ab02', arrive: '#0868ac', gather: '#7570b3',
  block: '#d95f02', force: '#b2182b', detain: '#e7298a', return: '#8c510a', deploy: '#525252',
  policy: '#35978f', aid: '#4daf4a', meet: '#a6761d',
};

export const SPEAKER_CLASSES = 10; // .speaker-0 ... .speaker-9 in caravan.css

export function typeColor(type) {
  return TYPE_COLORS[type] || '#777777';
}

// A safe class-name part for a type: letters only (the API only returns known types, but never trust data).
export function typeClass(type) {
  return `type-${String(type).replace(/[^a-z]/g, '')}`;
}

export function el(tag, { cls, text, title, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (title) node.title = title;
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

export function svgEl(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function formatNumber(value) {
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export function formatSize(low, high) {
  if (low === null || low === undefined) return '';
  if (high === null || high === undefined) return `≥ ${formatNumber(low)}`;
  if (low === high) return formatNumber(low);
  return `${formatNumber(low)}–${formatNumber(high)}`;
}

// Only http(s) links are followed: a javascript: or data: URL in the data never becomes a link.
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (err) {
    return null;
  }
}

export function legendItem(color, label, cls = 'swatch') {
  const swatch = el('span', { cls });
  swatch.style.backgroundColor = color;
  return el('span', { cls: 'legend-item' }, [swatch, document.createTextNode(label)]);
}
