import { runAction } from '@digestline/core/action';

await runAction('e2e-run', async () => {
  throw new Error('not implemented yet');
});
