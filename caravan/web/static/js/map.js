// The map: an offline world basemap (Natural Earth 110m), optional online tiles, event markers and a route.

import { el, formatSize, typeClass, typeColor } from './style.js';

const START = { center: [15, -85], zoom: 3 };
const WORLD = '/static/vendor/world-atlas/countries-110m.json';

let map = null;
let eventLayer = null;
let routeLayer = null;
const markers = new Map(); // event key -> circle marker
const FAN_PX = 11; // events at one spot are fanned out on a ring of this radius (pixels) so each can be clicked

export function eventKey(event) {
  return `${event.article_id}:${event.idx}`;
}

function escapeText(text) {
  const node = document.createElement('span');
  node.textContent = text;
  return node.innerHTML; // Leaflet's attribution control takes HTML: hand it escaped text only
}

export async function initMap(config) {
  map = window.L.map('map', { worldCopyJump: true, zoomSnap: 0.5 }).setView(START.center, START.zoom);
  if (config.tile_url) {
    window.L.tileLayer(config.tile_url, { attribution: escapeText(config.tile_attribution || '') }).addTo(map);
  }
  await addBasemap(!config.tile_url);
  eventLayer = window.L.layerGroup().addTo(map);
  routeLayer = window.L.layerGroup().addTo(map);
  map.on('zoomend', fanOut);
}

async function addBasemap(filled) {
  map.createPane('basemap').classList.add('basemap-pane');
  const response = await fetch(WORLD);
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  window.L.geoJSON(countries, {
    pane: 'basemap',
    interactive: false,
    style: { color: '#a3acb5', weight: 0.7, fillColor: '#f3f1ea', fillOpacity: filled ? 1 : 0, className: 'land' },
  }).addTo(map);
  map.attributionControl.addAttribution('Natural Earth');
}

function tooltip(event) {
  const where = [event.place, event.country].filter(Boolean).join(', ');
  return el('div', { cls: 'map-tip' }, [
    el('strong', { text: `${event.type} · ${event.day || ''}` }),
    el('div', { text: where }),
    el('div', { text: formatSize(event.size_low, event.size_high) }),
  ]);
}

// Where each marker of a spot goes at the current zoom: the spot itself when alone, else a point on a small ring.
function fanOut() {
  const spots = new Map();
  for (const marker of markers.values()) {
    const key = `${marker.spot.lat.toFixed(4)},${marker.spot.lng.toFixed(4)}`;
    if (!spots.has(key)) spots.set(key, []);
    spots.get(key).push(marker);
  }
  const zoom = map.getZoom();
  for (const group of spots.values()) {
    group.forEach((marker, i) => {
      if (group.length === 1) { marker.setLatLng(marker.spot); return; }
      const angle = (2 * Math.PI * i) / group.length;
      const centre = map.project(marker.spot, zoom);
      const offset = window.L.point(Math.cos(angle) * FAN_PX, Math.sin(angle) * FAN_PX);
      marker.setLatLng(map.unproject(centre.add(offset), zoom));
    });
  }
}

export function showEvents(events, onSelect, { fit = false } = {}) {
  eventLayer.clearLayers();
  markers.clear();
  for (const event of events) {
    if (event.lat === null || event.lon === null) continue;
    const marker = window.L.circleMarker([event.lat, event.lon], {
      radius: event.size_low ? 8 : 6, weight: 1.5, color: '#222', fillColor: typeColor(event.type),
      fillOpacity: 0.85, className: `event-marker ${typeClass(event.type)}`,
    });
    marker.bindTooltip(tooltip(event));
    marker.on('click', () => onSelect(event));
    marker.spot = window.L.latLng(event.lat, event.lon);
    marker.addTo(eventLayer);
    markers.set(eventKey(event), marker);
  }
  if (fit && markers.size) fitTo([...markers.values()].map((m) => m.spot));
  fanOut();
}

export function highlightEvent(key) {
  for (const [k, marker] of markers) {
    marker.setStyle({ weight: k === key ? 4 : 1.5, color: k === key ? '#000' : '#222' });
    if (k === key) marker.bringToFront();
  }
}

function fitTo(points) {
  if (points.length === 1) map.setView(points[0], 6, { animate: false });
  else map.fitBounds(window.L.latLngBounds(points).pad(0.25), { maxZoom: 7, animate: false });
}

// A movement's route: a line through its located legs in date order, and a marker per leg.
export function showRoute(legs) {
  routeLayer.clearLayers();
  const located = legs.filter((leg) => leg.lat !== null && leg.lat !== undefined && leg.lon !== null
    && leg.lon !== undefined);
  const points = located.map((leg) => [leg.lat, leg.lon]);
  if (points.length > 1) {
    window.L.polyline(points, { color: '#c0392b', weight: 4, opacity: 0.8, className: 'route-line' }).addTo(routeLayer);
  }
  located.forEach((leg, i) => {
    const marker = window.L.circleMarker([leg.lat, leg.lon], {
      radius: 7, weight: 2, color: '#c0392b', fillColor: '#fff', fillOpacity: 1, className: 'leg-marker',
    });
    marker.bindTooltip(el('div', { text: `${i + 1}. ${leg.date || ''} ${leg.place || ''}` }), { permanent: true,
      direction: 'right', className: 'leg-tip' });
    marker.addTo(routeLayer);
  });
  if (points.length) fitTo(points);
}

export function clearRoute() {
  if (routeLayer) routeLayer.clearLayers();
}

export function setEventsVisible(visible) {
  if (!map) return;
  if (visible) eventLayer.addTo(map);
  else eventLayer.remove();
}

export function invalidateSize() {
  if (map) map.invalidateSize();
}
