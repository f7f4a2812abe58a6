import { runAction } from '@digestline/core/action';

await runAction('integration-test', async () => {
  throw new Error('not implemented yet');
});
