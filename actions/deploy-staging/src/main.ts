import { runAction } from '@digestline/core/action';
import { getInputs } from './context.js';

await runAction('deploy-staging', async () => {
  const inputs = await getInputs();
  // The work (deployer, stack, ledger, summary) is a separate chunk loaded only after the inputs are
  // good: start-up stays close to a bare node, and a bad input fails before any of it is parsed.
  const { run } = await import('./run.js');
  await run(inputs);
});
