// Tiny HTTP helpers for the black-box tests: fetch only, no dependencies.

/** The base URL of a service from its injected variable; fails clearly when it is missing. */
export function serviceUrl(variable) {
  const value = process.env[variable];
  if (!value)
    throw new Error(`${variable} is not set: run these tests through integration-test, or export it`);
  return value;
}

async function json(res, what) {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`${what}: status ${res.status}, body is not JSON: ${text.slice(0, 200)}`);
  }
}

/** GET `path` on `base`, expecting JSON. */
export async function getJson(base, path) {
  const url = new URL(path, base);
  return json(await fetch(url, { signal: AbortSignal.timeout(10_000) }), `GET ${url}`);
}

/** POST JSON to `path` on `base`, expecting JSON. */
export async function postJson(base, path, body) {
  const url = new URL(path, base);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return json(res, `POST ${url}`);
}
