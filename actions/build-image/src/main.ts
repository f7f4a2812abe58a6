import { runAction } from '@digestline/core/action';
import { main, post } from './run.js';

await runAction(
  'build-image',
  () => main(),
  () => post(),
);
