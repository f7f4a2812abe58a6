import { runAction } from '@digestline/core/action';
import { getInputs } from './context.js';

await runAction('promote-digest', async () => {
  const inputs = await getInputs();
  // The work (registry client, evidence, summary) is a separate chunk loaded only after the inputs are
  // good: start-up stays close to a bare node, and a bad input fails before any of it is parsed.
  const { run } = await import('./run.js');
  await run(inputs);
});
