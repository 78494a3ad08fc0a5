// The event list: one entry per event mention, with its trigger in context and its source.

import { eventKey } from './map.js';
import { clear, el, formatSize, typeClass, typeColor } from './style.js';

const CONTEXT_CUT = 80; // shorter context reached the start or end of the article: keep it whole

// The context either side of a trigger, cut at a word boundary where the API's cut fell inside a word.
function leading(text) {
  const flat = text.replace(/\s+/g, ' ');
  const cut = flat.indexOf(' ');
  return cut > 0 && flat.length >= CONTEXT_CUT ? flat.slice(cut + 1) : flat;
}

function trailing(text) {
  const flat = text.replace(/\s+/g, ' ');
  const cut = flat.lastIndexOf(' ');
  return cut > 0 && flat.length >= CONTEXT_CUT ? flat.slice(0, cut) : flat;
}

// A canonical event (docs/linking.md) shown as a list entry: its first mention's trigger in its sentence, and
// every outlet that reported it; selecting it opens that first mention's article.
export function canonicalAsItem(event) {
  const mentions = event.mentions || [];
  const first = mentions[0] || {};
  const sentence = (first.sentence || '').replace(/\s+/g, ' ');
  const at = first.text ? sentence.indexOf(first.text) : -1;
  const size = mentions.map((m) => m.size).find((s) => Array.isArray(s) && s[0] !== null) || [null, null];
  return {
    article_id: first.article, idx: first.idx, type: event.type, modality: event.modality, place: event.place,
    country: event.country, lat: event.lat, lon: event.lon, day: event.date || event.date_bound,
    size_low: size[0], size_high: size[1], text: first.text || '',
    before: at >= 0 ? sentence.slice(0, at) : sentence, after: at >= 0 ? sentence.slice(at + first.text.length) : '',
    outlet: (event.outlets || []).join(', '),
    title: `${mentions.length} report${mentions.length === 1 ? '' : 's'}`, canonical: event.id, mentions,
  };
}

export function renderEvents(list, events, onSelect) {
  clear(list);
  for (const event of events) {
    const item = el('li', { cls: `event ${typeClass(event.type)}`, attrs: { 'data-key': eventKey(event), tabindex: '0' } });
    if (event.canonical) item.dataset.canonical = event.canonical;
    const chip = el('span', { cls: 'chip', text: event.type });
    chip.style.backgroundColor = typeColor(event.type);
    const where = [event.place, event.country].filter(Boolean).join(', ');
    const facts = [event.day, event.modality !== 'asserted' ? event.modality : '', where,
      formatSize(event.size_low, event.size_high)].filter(Boolean).join(' · ');
    item.append(el('div', { cls: 'event-head' }, [chip, el('span', { text: facts })]));
    item.append(el('div', { cls: 'context' }, [
      document.createTextNode(`…${leading(event.before)}`),
      el('mark', { cls: 'trigger', text: event.text }),
      document.createTextNode(`${trailing(event.after)}…`),
    ]));
    item.append(el('div', { cls: 'source muted', text: [event.outlet, event.title].filter(Boolean).join(' — ') }));
    item.addEventListener('click', () => onSelect(event));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(event); });
    list.append(item);
  }
}

export function markSelected(list, key) {
  for (const item of list.querySelectorAll('li.event')) {
    const selected = item.dataset.key === key;
    item.classList.toggle('selected', selected);
    if (selected) item.scrollIntoView({ block: 'nearest' });
  }
}
