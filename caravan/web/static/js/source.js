// The source view: an article's text, escaped, with every extracted span highlighted (quotes by speaker).

import { getJSON } from './api.js';
import { SPEAKER_CLASSES, clear, el, formatSize, safeHref } from './style.js';

const KINDS = [
  ['quote', 'quote (coloured by speaker)'], ['place', 'place'], ['quantity', 'quantity'], ['date', 'date'],
  ['trigger', 'event trigger'], ['boilerplate', 'boilerplate'],
];
const UNATTRIBUTED = 'no speaker found';

// Speakers in order of first quote; each gets one of the speaker colour classes.
function speakerClasses(quotes) {
  const classes = new Map();
  for (const quote of quotes) {
    const name = quote.speaker || UNATTRIBUTED;
    if (!classes.has(name)) classes.set(name, `speaker-${classes.size % SPEAKER_CLASSES}`);
  }
  return classes;
}

function describe(kind, item) {
  if (kind === 'quote') return `${item.kind} quote — ${item.speaker || UNATTRIBUTED}${item.speaker_role ? `, ${item.speaker_role}` : ''}${item.channel ? ` (${item.channel})` : ''}`;
  if (kind === 'place') return `place — ${item.name} (${item.feature}${item.country ? `, ${item.country}` : ''})`;
  if (kind === 'quantity') return `quantity — ${formatSize(item.low, item.high)} ${item.unit}${item.what ? ` (${item.what})` : ''}`;
  if (kind === 'date') return `date — ${item.value}`;
  if (kind === 'trigger') return `event — ${item.type} (${item.modality})`;
  return 'boilerplate';
}

// Every span of the record as {start, end, kind, cls, note, idx}.
function spansOf(record, speakers, selectedEvent) {
  const spans = [];
  const add = (kind, items, cls) => items.forEach((item, idx) => spans.push({
    start: item.start, end: item.end, kind, idx, cls: cls(item, idx), note: describe(kind, item),
  }));
  add('quote', record.quotes || [], (q) => `q ${speakers.get(q.speaker || UNATTRIBUTED)}`);
  add('place', record.places || [], () => 'pl');
  add('quantity', record.quantities || [], () => 'qt');
  add('date', record.dates || [], () => 'dt');
  add('trigger', record.events || [], (e, idx) => (idx === selectedEvent ? 'ev selected-trigger' : 'ev'));
  add('boilerplate', record.boilerplate || [], () => 'bp');
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
}

// The text cut at every span boundary; each piece is a text node, or a <span> with the classes of the spans
// that cover it. Text is only ever set with textContent / text nodes, so markup in an article stays text.
export function renderText(container, text, spans) {
  clear(container);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.min(s.start, text.length)); cuts.add(Math.min(s.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const node = el('span', { cls: covering.map((s) => s.cls).join(' '), text: piece,
      title: covering.map((s) => s.note).join('\n') });
    const quote = covering.find((s) => s.kind === 'quote');
    if (quote) node.dataset.quote = String(quote.idx);
    const trigger = covering.find((s) => s.kind === 'trigger');
    if (trigger) node.dataset.event = String(trigger.idx);
    container.append(node);
  }
}

function renderLegends(view, speakers, quotes) {
  const kinds = view.querySelector('#source-legend');
  clear(kinds);
  for (const [kind, label] of KINDS) {
    const cls = { quote: 'q speaker-0', place: 'pl', quantity: 'qt', date: 'dt', trigger: 'ev', boilerplate: 'bp' }[kind];
    kinds.append(el('span', { cls: 'legend-item' }, [el('span', { cls, text: label })]));
  }
  const who = view.querySelector('#source-speakers');
  clear(who);
  if (speakers.size) who.append(el('span', { cls: 'legend-title', text: 'Speakers:' }));
  for (const [name, cls] of speakers) {
    const n = quotes.filter((q) => (q.speaker || UNATTRIBUTED) === name).length;
    who.append(el('span', { cls: 'legend-item speaker' }, [el('span', { cls: `q ${cls}`, text: name }),
      document.createTextNode(` ${n}`)]));
  }
}

function renderHead(view, article) {
  view.querySelector('#source-title').textContent = article.title || article.id;
  view.querySelector('#source-meta').textContent = [article.outlet, article.published, article.id]
    .filter(Boolean).join(' · ');
  const link = view.querySelector('#source-link');
  const href = article.url ? safeHref(article.url) : null;
  link.hidden = !href;
  if (href) link.href = href; else link.removeAttribute('href');
}

export async function openArticle(view, articleId, eventIdx) {
  const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const record = article.record || {};
  const speakers = speakerClasses(record.quotes || []);
  renderHead(view, article);
  renderLegends(view, speakers, record.quotes || []);
  const text = view.querySelector('#article-text');
  renderText(text, article.text, spansOf(record, speakers, eventIdx));
  view.hidden = false;
  const trigger = text.querySelector('.selected-trigger');
  if (trigger) trigger.scrollIntoView({ block: 'center' });
  else text.scrollTop = 0;
  return article;
}
