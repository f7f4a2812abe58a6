import { runAction } from '@digestline/core/action';

await runAction('deploy-staging', async () => {
  throw new Error('not implemented yet');
});
