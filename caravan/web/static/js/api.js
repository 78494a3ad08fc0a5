// Reading the Caravan API: JSON GETs with query parameters, and every page of a list.

export class ApiError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

export function apiURL(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

export async function getJSON(path, params = {}) {
  const response = await fetch(apiURL(path, params), { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (err) { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

const PAGE = 1000;

// Every item of a paged list, up to `most` items; `truncated` tells whether some were left out.
export async function getAll(path, params = {}, most = 5000) {
  const items = [];
  let offset = 0;
  let total = 0;
  while (offset !== null && items.length < most) {
    const page = await getJSON(path, { ...params, limit: PAGE, offset });
    items.push(...page.items);
    total = page.total;
    offset = page.next_offset;
  }
  return { items: items.slice(0, most), total, truncated: total > most };
}
