/**
 * The check after the copy: each target (its tag, or its digest when the template has no tag) must
 * now serve exactly the source digest.
 */
import { settleAll } from './limit.js';
import { formatTarget } from './target.js';
import type { Promotion } from './context.js';

/**
 * Re-reads every target and logs where it points.
 *
 * @throws Error listing every target that does not resolve to its source digest
 */
export async function checkTargetDigests(p: Promotion): Promise<void> {
  const problems = (
    await settleAll(
      p.plan.map(async (i) => {
        const ref = i.target.tag ?? i.source.digest.value;
        const at = await p.targetOf(i).headManifest(i.target.repository, ref);
        if (at?.digest === i.source.digest.value) {
          p.log.info(`${i.name}: ${formatTarget(i.target)} → ${i.source.digest.value}`);
          return undefined;
        }
        return `${i.name}: ${formatTarget(i.target)} resolves to ${at?.digest ?? 'nothing'}, not ${i.source.digest.value}`;
      }),
      'checking the target digests',
    )
  ).filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new Error(`the target does not serve the promoted digests: ${problems.join('; ')}`);
  }
}
