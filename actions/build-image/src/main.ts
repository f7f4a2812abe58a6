import { runAction } from '@digestline/core/action';

await runAction('build-image', async () => {
  throw new Error('input "context" is required');
});
