/**
 * The Forgejo job images the container tests run jobs in (images/job: Debian's Node 20 or Node 24,
 * git, the docker and podman CLIs). `DIGESTLINE_JOB_IMAGES=1 scripts/setup-host` builds them in
 * podman, loads them into dockerd when it runs, and exports their names.
 */

/** A job image's name from `variable`; throws saying how to get one when it is unset. */
export function jobImage(variable = 'DIGESTLINE_JOB_IMAGE_NODE24'): string {
  const image = process.env[variable];
  if (!image) {
    throw new Error(
      `${variable} is not set: run \`eval "$(DIGESTLINE_JOB_IMAGES=1 scripts/setup-host)"\` first (it builds the job images)`,
    );
  }
  return image;
}
