import { runAction } from '@digestline/core/action';

await runAction('fast-check', async () => {
  throw new Error('not implemented yet');
});
