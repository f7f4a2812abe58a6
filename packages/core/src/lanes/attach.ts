/**
 * Attaching to a digestline stack that is already running (e2e-run's `network` input): found by its
 * network, with the image set its services run checked against the one given, or taken from them.
 */
import type { ContainerEngine } from '../engine/engine.js';
import { InputError } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import { parseReference, pinImage, pinnedReference } from '../reference.js';
import { Stack } from '../stack/stack.js';
import { STACK_LABEL } from '../stack/labels.js';

/** The project of a digestline stack network (`dl-<project>-net`). */
export function projectOfNetwork(network: string): string | undefined {
  return /^dl-([a-z0-9][a-z0-9_-]*)-net$/.exec(network)?.[1];
}

/**
 * The projects a network name could belong to: `dl-<project>-net` for a stack on one network,
 * `dl-<project>-<network>` for one on several (a project may contain `-`, so every split is a
 * candidate; the stack label decides). Shortest project first.
 */
export function projectsOfNetwork(network: string): string[] {
  const rest = /^dl-(.+)$/.exec(network)?.[1] ?? '';
  const projects: string[] = [];
  for (let i = rest.indexOf('-'); i > 0; i = rest.indexOf('-', i + 1)) {
    const project = rest.slice(0, i);
    if (/^[a-z0-9][a-z0-9_-]*$/.test(project) && i < rest.length - 1) projects.push(project);
  }
  return projects;
}

/** Finds the stack on `network` and the image set it runs. */
export async function attachToNetwork(
  engine: ContainerEngine,
  target: { network: string; images?: ImageSet },
  input: string,
  imagesInput: string,
): Promise<{ stack: Stack; images: ImageSet }> {
  let project: string | undefined;
  for (const candidate of projectsOfNetwork(target.network)) {
    const labelled = await engine.networkList({ label: `${STACK_LABEL}=${candidate}` });
    if (labelled.includes(target.network)) {
      project = candidate;
      break;
    }
  }
  if (project === undefined) {
    throw new InputError(
      input,
      `input "${input}": ${target.network} is not the network of a running digestline stack (dl-<project>-net, or dl-<project>-<network> for a stack on several networks, labelled ${STACK_LABEL}=<project>); start the stack with integration-test (keep-on-failure) or deploy-staging, or give stack and images instead`,
    );
  }
  const stack = await Stack.attach(project, engine);
  const statuses = await stack.inspect();
  if (statuses.length === 0) {
    throw new InputError(input, `input "${input}": the stack on ${target.network} has no service containers`);
  }
  const running = new Map<string, string>();
  for (const s of statuses) if (!running.has(s.image)) running.set(s.image, s.service);
  if (target.images !== undefined && target.images.length > 0) {
    const wrong = target.images.filter((e) => !running.has(pinnedReference(e)));
    if (wrong.length > 0) {
      throw new InputError(
        imagesInput,
        `input "${imagesInput}": no service on ${target.network} runs ${wrong.map((e) => `${e.name}=${pinnedReference(e)}`).join(', ')} (it runs ${[...running.keys()].join(', ')})`,
      );
    }
    return { stack, images: target.images };
  }
  const images: ImageSet = [];
  for (const [image, service] of running) {
    const ref = parseReference(image);
    if (ref.digest === undefined) {
      throw new InputError(
        input,
        `input "${input}": service ${service} on ${target.network} runs ${image}, which is not a digest reference`,
      );
    }
    images.push(
      pinImage(service, { registry: ref.registry, repository: ref.repository, digest: ref.digest }),
    );
  }
  return { stack, images };
}
