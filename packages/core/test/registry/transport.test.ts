import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/registry/loopback.js';
import { nextLink, registryBaseUrl } from '../../src/registry/transport.js';

describe('URL and scheme selection', () => {
  it.each([
    ['127.0.0.1:5000', false, 'http://127.0.0.1:5000'],
    ['127.1.2.3', false, 'http://127.1.2.3'],
    ['localhost:5000', false, 'http://localhost:5000'],
    ['[::1]:5000', false, 'http://[::1]:5000'],
    ['ghcr.io', false, 'https://ghcr.io'],
    ['registry.example:8443', false, 'https://registry.example:8443'],
    ['127.evil.example', false, 'https://127.evil.example'],
    ['10.0.0.5:5000', false, 'https://10.0.0.5:5000'],
    ['10.0.0.5:5000', true, 'http://10.0.0.5:5000'],
    ['docker.io', false, 'https://registry-1.docker.io'],
  ])('%s (insecure=%s) → %s', (registry, insecure, expected) => {
    expect(registryBaseUrl(registry, insecure)).toBe(expected);
  });

  it.each(['https://ghcr.io', 'ghcr.io/team', 'user:pw@ghcr.io', '', 'a b'])('refuses %j', (registry) => {
    expect(() => registryBaseUrl(registry)).toThrow(/is not a host\[:port\]/);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  it('parses Link rel=next', () => {
    expect(nextLink('</v2/a/tags/list?n=2&last=b>; rel="next"')).toBe('/v2/a/tags/list?n=2&last=b');
    expect(nextLink('<https://x/prev>; rel="prev", <https://x/next>; rel=next')).toBe('https://x/next');
    expect(nextLink(null)).toBeUndefined();
  });
});
