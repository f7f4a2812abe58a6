/** Network options a stack cannot honour as written: notes for what one host does the same, errors for the rest. */
import { describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeModel } from '../../../src/stack/compose/model.js';
import { DIGEST, FILE, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };

/** Project `shop`, service web on networks front and back; `back` defined as given. */
function withBack(back: NonNullable<ComposeModel['networks']>[string]) {
  return buildStack(
    normalised({
      name: 'shop',
      services: { web: { image: PINNED, networks: { front: null, back: null } } },
      networks: { front: { name: 'shop_front' }, back },
    }),
    OPTS,
  );
}

describe('network options', () => {
  test.each<[string, NonNullable<ComposeModel['networks']>[string], RegExp]>([
    [
      'driver',
      { name: 'shop_back', driver: 'overlay' },
      /^overlay \(swarm’s multi-host network\) becomes a bridge: on one host each network of the stack is a bridge of its own, with the same separation/,
    ],
    [
      'driver_opts',
      { name: 'shop_back', driver_opts: { mtu: '1400' } },
      /^ignored: each network is a plain bridge/,
    ],
    [
      'ipam',
      { name: 'shop_back', ipam: { driver: 'default', config: [{ subnet: '172.28.0.0/16' }] } },
      /^ignored: the engine picks each network’s addresses/,
    ],
    [
      'attachable',
      { name: 'shop_back', attachable: true },
      /^ignored: a stack’s network is attached to by the stack’s own containers only/,
    ],
    ['name', { name: 'payments' }, /^ignored: digestline names each network per run \(dl-<project>-back\)/],
  ])('%s: a warning, and the network is still the stack’s own', (key, back, message) => {
    const r = withBack(back);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        file: FILE,
        path: `networks.back.${key}`,
        message: expect.stringMatching(message),
      },
    ]);
    expect(r.spec?.networks).toEqual([{ name: 'front' }, { name: 'back' }]);
  });

  test('what says nothing is silent: bridge, the normaliser’s own name, empty ipam and driver_opts, attachable false', () => {
    const r = withBack({
      name: 'shop_back',
      driver: 'bridge',
      ipam: { driver: 'default', config: [] },
      driver_opts: {},
      attachable: false,
    });
    expect(r.problems).toEqual([]);
  });

  test.each(['macvlan', 'ipvlan', 'host', 'none'])('driver %s is an error naming the driver', (driver) => {
    const r = withBack({ name: 'shop_back', driver });
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: 'networks.back.driver',
        message: `network driver "${driver}" is not supported: each network of the stack is a bridge of its own, the same on podman and docker; use driver: bridge or leave driver out`,
      },
    ]);
  });
});
