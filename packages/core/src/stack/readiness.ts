/**
 * Waiting until a started service is ready, by the mode its plan chose (plan.ts), while watching
 * that its container still runs: a service that exits fails `up` at once, with its last log lines.
 */
import type { ContainerEngine, ContainerInfo } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { tailLines } from '../exec.js';
import type { Log } from '../log.js';
import { ServiceStartFailure } from './errors.js';
import { CONTAINER_ROLE_LABEL, SERVICE_LABEL } from './labels.js';
import type { ServicePlan } from './plan.js';
import { probePort } from './port-probe.js';
import { sleep } from './waiting.js';

/** How many log lines a start failure quotes. */
const LOG_TAIL_LINES = 15;

/** bash script for the network probe: retries a TCP connect until it works. */
const NETWORK_PROBE_SCRIPT =
  'until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do sleep 0.1; done; echo "reachable $1:$2"';

/** What the service tasks of one `up` share. */
export interface UpContext {
  /** The stack's project name, for messages. */
  project: string;
  engine: ContainerEngine;
  plans: Map<string, ServicePlan>;
  labels: Record<string, string>;
  /** The stack's first network: that of every service when the file names no networks. */
  network: string;
  /** Engine network of each network the file names (absent or empty: every service on `network`). */
  networks?: Map<string, string>;
  prefix: string;
  pollMs: number;
  probeMs: number;
  probeImage: string | undefined;
  signal: AbortSignal;
  log: Log;
  /**
   * Per engine network, name → IP of the services started so far on it: a later container gets the
   * entries of the networks it joins pinned into its /etc/hosts, and no others (a name it shares no
   * network with must stay unreachable).
   */
  hosts: Record<string, Record<string, string>>;
  /** Copy mode: host path → the path of its staged copy on the engine's host (staged-mounts.ts). */
  staged?: Map<string, string>;
}

/** The engine networks a service joins, each with its DNS names there (service name first). */
export function serviceNetworks(
  ctx: Pick<UpContext, 'network' | 'networks'>,
  service: { name: string; aliases: string[]; networks?: Array<{ network: string; aliases: string[] }> },
): Array<{ name: string; aliases: string[] }> {
  const joined = service.networks ?? [];
  if (joined.length === 0) return [{ name: ctx.network, aliases: [service.name, ...service.aliases] }];
  return joined.map((n) => ({
    name: ctx.networks?.get(n.network) ?? ctx.network,
    aliases: [service.name, ...n.aliases.filter((a) => a !== service.name)],
  }));
}

/** States of a container that has not run yet (podman's `configured`/`initialized` come before `running`). */
const NOT_YET_RUN = new Set(['created', 'configured', 'initialized']);

/** Whether the container ran and has stopped (podman says `stopped` until its cleanup ran, then `exited`). */
export function hasExited(info: ContainerInfo): boolean {
  return !info.state.running && !NOT_YET_RUN.has(info.state.status);
}

/** Fails when the container is no longer running (unless it is a one-shot that exited 0). */
async function checkAlive(ctx: UpContext, plan: ServicePlan): Promise<ContainerInfo> {
  const info = await ctx.engine.inspectContainer(plan.record.container);
  plan.lastInfo = info;
  if (!hasExited(info)) return info;
  if (plan.mode === 'completed' && info.state.exitCode === 0) return info;
  let tail: string;
  try {
    const logs = await ctx.engine.logs(plan.record.container);
    tail = tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), LOG_TAIL_LINES);
  } catch (err) {
    tail = `(logs unavailable: ${errorMessage(err)})`;
  }
  const what = plan.mode === 'completed' ? 'one-shot service' : 'service';
  throw new ServiceStartFailure(
    [plan.spec.name],
    `stack ${ctx.project}: ${what} "${plan.spec.name}" exited with code ${info.state.exitCode} during start (container ${plan.record.container}, status ${info.state.status})${tail === '' ? ' and logged nothing' : `; last log lines:\n${tail}`}`,
  );
}

/** Resolves once the service is ready by its plan's mode; rejects when it exits or `up` is aborted. */
export async function waitReady(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal, pollMs } = ctx;
  const container = plan.record.container;
  switch (plan.mode) {
    case 'running':
      plan.status = 'checking it runs';
      await checkAlive(ctx, plan);
      return;
    case 'completed':
      for (;;) {
        plan.status = 'running (one-shot, waiting for exit 0)';
        const info = await checkAlive(ctx, plan);
        if (hasExited(info)) return;
        await sleep(pollMs, signal);
      }
    case 'health':
      for (;;) {
        // The check itself takes ~100 ms (an exec into the container): count it against the poll interval.
        const pollStart = Date.now();
        try {
          await engine.runHealthcheck(container);
        } catch {
          // The container may have stopped between polls: the inspect below says how.
        }
        const info = await checkAlive(ctx, plan);
        if (info.state.health === 'healthy') return;
        plan.status = `health: ${info.state.health ?? 'unknown'}`;
        await sleep(Math.max(0, pollMs - (Date.now() - pollStart)), signal);
      }
    case 'published-port': {
      // Copy mode: this process is not on the engine's host, so its loopback is not where the port
      // was published; the stack network is reachable through the engine.
      if (engine.files === 'copy' && ctx.probeImage !== undefined) return networkProbe(ctx, plan);
      const first = await checkAlive(ctx, plan);
      const tcp = first.ports.filter((p) => p.protocol === 'tcp');
      const binding = tcp.find((p) => p.containerPort === plan.record.port) ?? tcp[0];
      if (binding === undefined) throw new Error(`the engine reports no published port for ${container}`);
      const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0' ? '127.0.0.1' : binding.hostIp;
      plan.status = `no answer on ${host}:${binding.hostPort}`;
      // Probing is cheap and inspecting is not (an engine process or two), so they run side by side at
      // their own pace: a service is seen ready within probeMs, and an exit within pollMs.
      await whileAlive(ctx, plan, async (until) => {
        for (;;) {
          if (await probePort(host, binding.hostPort)) return;
          await sleep(ctx.probeMs, until);
        }
      });
      return;
    }
    case 'network-probe':
      return networkProbe(ctx, plan);
  }
}

/**
 * Runs `work` while checking every `pollMs` that the container still runs (see {@link checkAlive}):
 * resolves when `work` does, rejects when either fails. `work` gets a signal that aborts when the
 * liveness check failed or `up` is aborted, so that it stops polling.
 */
async function whileAlive(
  ctx: UpContext,
  plan: ServicePlan,
  work: (until: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  ctx.signal.addEventListener('abort', abort, { once: true });
  if (ctx.signal.aborted) stop.abort();
  const liveness = (async () => {
    for (;;) {
      await sleep(ctx.pollMs, stop.signal);
      await checkAlive(ctx, plan);
    }
  })();
  const working = work(stop.signal);
  // The loser settles later (Aborted, or an inspect still in flight): observed, never awaited, so
  // that readiness is reported without waiting for an engine process.
  liveness.catch(() => undefined);
  working.catch(() => undefined);
  try {
    await Promise.race([working, liveness]);
  } finally {
    stop.abort();
    ctx.signal.removeEventListener('abort', abort);
  }
}

/** Runs a probe container on a network of the service that exits 0 once `<service>:<port>` accepts connections. */
async function networkProbe(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal, pollMs } = ctx;
  const port = plan.record.port as number;
  const probe = `${plan.record.container}-probe`;
  const network = serviceNetworks(ctx, plan.spec)[0]?.name ?? ctx.network;
  plan.status = `port ${port} not reachable on network ${network}`;
  const run = engine.runToCompletion({
    image: ctx.probeImage as string,
    name: probe,
    network,
    rm: true,
    entrypoint: '',
    labels: { ...ctx.labels, [CONTAINER_ROLE_LABEL]: 'probe', [SERVICE_LABEL]: plan.spec.name },
    command: ['bash', '-c', NETWORK_PROBE_SCRIPT, 'probe', plan.spec.name, String(port)],
  });
  let finished = false;
  const result = run.finally(() => {
    finished = true;
  });
  try {
    while (!finished) {
      await checkAlive(ctx, plan);
      await Promise.race([sleep(pollMs, signal), result]);
    }
    const r = await result;
    if (r.exitCode !== 0) {
      throw new Error(
        `the probe container (${ctx.probeImage}) exited with ${r.exitCode}: ${tailLines(r.stderr, 5)}`,
      );
    }
  } finally {
    if (!finished) {
      await engine.remove(probe, { force: true }).catch(() => undefined);
      await result.catch(() => undefined);
    }
  }
}
