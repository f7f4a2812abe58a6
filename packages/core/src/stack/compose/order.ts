/** The start order of a stack's services, from their `depends_on`. */
import { StackFileError, type ServiceSpec, type StackSpec } from './types.js';

/**
 * The services in an order that starts every service after those it depends on: a stable
 * topological sort (file order among services whose dependencies are met).
 * @throws StackFileError naming the services of a dependency cycle
 */
export function startOrder(spec: StackSpec): ServiceSpec[] {
  const byName = new Map(spec.services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const order: ServiceSpec[] = [];
  while (order.length < spec.services.length) {
    const next = spec.services.find(
      (s) => !done.has(s.name) && s.dependsOn.every((d) => done.has(d.service) || !byName.has(d.service)),
    );
    if (next === undefined) {
      const cycle = findCycle(spec.services.filter((s) => !done.has(s.name)));
      throw new StackFileError(
        spec.source,
        'services',
        `depends_on has a cycle: ${cycle.join(' -> ')}; no service in it could ever start`,
      );
    }
    done.add(next.name);
    order.push(next);
  }
  return order;
}

/** One cycle among `remaining` (every one of which has an unmet dependency), as a closed path. */
function findCycle(remaining: ServiceSpec[]): string[] {
  const byName = new Map(remaining.map((s) => [s.name, s]));
  const path: string[] = [];
  let current: ServiceSpec | undefined = remaining[0];
  while (current !== undefined && !path.includes(current.name)) {
    path.push(current.name);
    current = current.dependsOn.map((d) => byName.get(d.service)).find((s) => s !== undefined);
  }
  return current === undefined ? path : [...path.slice(path.indexOf(current.name)), current.name];
}
