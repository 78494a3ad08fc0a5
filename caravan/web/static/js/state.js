// The view's state, kept in the URL so that a view can be shared: filters, period, open article and movement.

const KEYS = ['view', 'level', 'type', 'modality', 'country', 'from', 'to', 'article', 'event', 'movement'];

export const state = Object.fromEntries(KEYS.map((key) => [key, null]));

export function readURL() {
  const params = new URLSearchParams(window.location.search);
  for (const key of KEYS) state[key] = params.get(key);
}

export function writeURL() {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (state[key]) params.set(key, state[key]);
  }
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

export function selectedTypes() {
  return state.type ? state.type.split(',').filter(Boolean) : [];
}

// The API's event filter parameters; `dates: false` leaves the period out (the timeline shows every day).
export function eventParams({ dates = true } = {}) {
  const params = { type: state.type, modality: state.modality, country: state.country };
  if (dates) Object.assign(params, { since: state.from, until: state.to });
  return params;
}
