// actions/checkout for the local runner: the workspace is the clone itself, so nothing is fetched.
// It still fails when HEAD is not the run's commit (GITHUB_SHA), because every image label and every
// piece of evidence names that commit.
import { execFileSync } from 'node:child_process';

const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
const git = (...args) => execFileSync('git', ['-C', workspace, ...args], { encoding: 'utf8' }).trim();
const sha = process.env.GITHUB_SHA ?? '';
const head = git('rev-parse', 'HEAD');
if (sha !== '' && head !== sha) {
  console.log(`::error::local checkout: ${workspace} is at ${head}, but the run is for ${sha}`);
  process.exit(1);
}
const dirty = git('status', '--porcelain', '--untracked-files=no');
console.log(`local checkout: ${workspace} at ${head} (nothing fetched: the workspace is the clone)`);
if (dirty !== '') {
  // Not an error: a local run is for trying changes. The images carry HEAD's sha all the same.
  console.log(
    `::warning::local checkout: the working tree has uncommitted changes (${dirty.split('\n').length} file(s)); ` +
      `images are built from the working tree but labelled with ${head.slice(0, 12)}`,
  );
}
