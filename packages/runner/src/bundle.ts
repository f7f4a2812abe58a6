// Entry of the one ncc bundle, dist/index.js: the whole API for plain .mjs scripts, and the
// `digestline-run` command when node runs the file itself.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { main } from './cli.js';

export * from './index.js';
export { USAGE, main } from './cli.js';

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (invoked === import.meta.url) process.exitCode = await main(process.argv.slice(2));
