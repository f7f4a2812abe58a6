import { runAction } from '@digestline/core/action';
import { getInputs } from './context.js';

await runAction(
  'build-image',
  async () => {
    const inputs = await getInputs();
    // The work (engine, registry client, report, summary) is a separate chunk loaded only after the
    // inputs are good: start-up stays close to a bare node, and a bad input fails before it is parsed.
    const { run } = await import('./run.js');
    await run(inputs);
  },
  async () => (await import('./run.js')).post(),
);
