/**
 * Digest and repository parts of image references as engines print them (`RepoDigests`), for
 * finding the manifest digest a local image was pulled or pushed as.
 */

/** The digest part of `repo@sha256:...`, if any. */
export function digestOf(ref: string): string | undefined {
  return /@(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/.exec(ref)?.[1];
}

/**
 * Repository of a reference without tag or digest, in the form engines print in RepoDigests
 * (`docker.io/library/x` and `x` compare equal).
 */
export function repositoryOf(ref: string): string {
  let repo = ref.replace(/@.*$/, '');
  const slash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > slash) repo = repo.slice(0, colon);
  return repo.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}

/**
 * The one digest among `repoDigests` for `ref`'s repository; `undefined` when none or several
 * distinct ones match (then guessing could name the wrong image).
 */
export function pickRepoDigest(repoDigests: readonly string[], ref: string): string | undefined {
  const repo = repositoryOf(ref);
  const found = new Set<string>();
  for (const entry of repoDigests) {
    const digest = digestOf(entry);
    if (digest !== undefined && repositoryOf(entry) === repo) found.add(digest);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
