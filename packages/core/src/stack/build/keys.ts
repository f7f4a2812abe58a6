/**
 * What the stack builder does with each key of a normalised service: the table behind the
 * "Compose keys" section of docs/stack-format.md. A key missing here is an error naming it, so that
 * no key of a user's file is ever dropped without a word.
 */

/** How a service key is treated. */
export type KeyRule =
  /** Mapped onto the stack (read by the builder's own code for it). */
  | { kind: 'supported' }
  /** Accepted, not applied; the note says why. */
  | { kind: 'ignored'; why: string }
  /** An error whenever the key says something (not for `false` / empty values). */
  | { kind: 'refused'; why: string };

const SUPPORTED: KeyRule = { kind: 'supported' };

/** Service keys and their rule. */
export const SERVICE_KEY_RULES: Readonly<Record<string, KeyRule>> = {
  image: SUPPORTED,
  build: SUPPORTED,
  environment: SUPPORTED,
  command: SUPPORTED,
  entrypoint: SUPPORTED,
  ports: SUPPORTED,
  expose: SUPPORTED,
  healthcheck: SUPPORTED,
  depends_on: SUPPORTED,
  volumes: SUPPORTED,
  tmpfs: SUPPORTED,
  networks: SUPPORTED,
  user: SUPPORTED,
  working_dir: SUPPORTED,
  init: SUPPORTED,
  read_only: SUPPORTED,
  cap_drop: SUPPORTED,
  security_opt: SUPPORTED,
  restart: SUPPORTED,
  network_mode: SUPPORTED,
  // pid, ipc, privileged, cap_add, devices: refused unless allow-privileged (host-access.ts).
  pid: SUPPORTED,
  ipc: SUPPORTED,
  privileged: SUPPORTED,
  cap_add: SUPPORTED,
  devices: SUPPORTED,
  hostname: SUPPORTED,
  pids_limit: SUPPORTED,
  stop_signal: SUPPORTED,
  stop_grace_period: SUPPORTED,
  // mem_limit, cpus and deploy (resources.limits; the rest is swarm's): resources.ts.
  mem_limit: SUPPORTED,
  cpus: SUPPORTED,
  deploy: SUPPORTED,
  domainname: {
    kind: 'ignored',
    why: 'podman has no flag for it; set the whole name with hostname (db.example) if the service needs it',
  },
  // The normaliser has applied it: services outside the active profiles are gone.
  profiles: SUPPORTED,
  // Files mounted read-only (build/secrets.ts).
  secrets: SUPPORTED,
  configs: SUPPORTED,
  container_name: {
    kind: 'ignored',
    why: 'digestline names every container <project>-<service> so that parallel runs do not clash; other services reach it by its service name',
  },
  logging: {
    kind: 'ignored',
    why: 'logs stay with the engine’s default driver, where digestline reads them for the failure bundle',
  },
  stdin_open: { kind: 'ignored', why: 'services run detached, with no terminal or stdin attached' },
  tty: { kind: 'ignored', why: 'services run detached, with no terminal or stdin attached' },
  labels: {
    kind: 'ignored',
    why: 'labels are not applied: digestline labels containers itself (dev.digestline.*)',
  },
};

/** Top-level keys of the normalised model; `x-*` extensions are always allowed. */
export const TOP_LEVEL_KEYS = ['name', 'services', 'networks', 'volumes', 'secrets', 'configs'];
