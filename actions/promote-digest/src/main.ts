import { runAction } from '@digestline/core/action';

await runAction('promote-digest', async () => {
  throw new Error('not implemented yet');
});
