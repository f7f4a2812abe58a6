/**
 * The contract between the Compose normaliser (stack/normalise/) and the stack builder (stack/build/):
 * a user's compose file(s), normalised the way the reference implementation does it, plus where each
 * key came from, plus every problem found on the way.
 *
 * `ComposeModel` is the JSON `docker compose config --format json` prints (docker-compose 2.x,
 * Debian trixie's package, see HOST-NOTES): interpolation done, `.env` and `env_file` folded into
 * `environment`, anchors and `<<` merges resolved, `extends` and `include` applied, services outside
 * the active profiles removed, short syntax turned into long syntax (ports, volumes, depends_on,
 * networks, secrets, configs), relative host paths made absolute against the project directory.
 * Only the fields digestline reads are typed; everything else is kept as `unknown` so that the
 * builder can refuse or ignore it knowingly.
 */

/** One problem with a stack, reported all at once with the others. */
export interface StackProblem {
  severity: 'error' | 'warning';
  /** The file the key is in (the including file for a merged or included key when that is all we know). */
  file: string;
  /** 1-based line in `file`, when the source has one (for a key merged in through `<<: *anchor`: the merge's line). */
  line?: number;
  /** Dotted key path, e.g. `services.backend.ports[0]`; `''` for the file itself. */
  path: string;
  /** What is wrong and what to do. */
  message: string;
}

/** A port as compose config prints it (long syntax). */
export interface ComposePort {
  target: number;
  /** Host port or range as text (`"8080"`, `"8000-8010"`); absent: the engine picks. */
  published?: string;
  host_ip?: string;
  protocol?: string;
  mode?: string;
  name?: string;
  app_protocol?: string;
}

/** A mount as compose config prints it (long syntax). */
export interface ComposeVolumeMount {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Volume name, or absolute host path for `bind`. */
  source?: string;
  target: string;
  read_only?: boolean;
  bind?: { create_host_path?: boolean; propagation?: string; selinux?: string };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: number | string; mode?: number };
}

/** A secret or config given to a service (long syntax). */
export interface ComposeFileReference {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

/** A top-level secret or config. */
export interface ComposeFileDefinition {
  name?: string;
  file?: string;
  content?: string;
  environment?: string;
  external?: boolean;
}

/** One service as compose config prints it. */
export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | null;
  entrypoint?: string[] | null;
  /** Bare keys are resolved from the environment; a key unset there is absent or `null`. */
  environment?: Record<string, string | null>;
  ports?: ComposePort[];
  expose?: string[];
  volumes?: ComposeVolumeMount[];
  tmpfs?: string[] | string;
  networks?: Record<
    string,
    { aliases?: string[]; ipv4_address?: string; ipv6_address?: string; priority?: number } | null
  >;
  depends_on?: Record<string, { condition: string; required?: boolean; restart?: boolean }>;
  healthcheck?: {
    test?: string[];
    interval?: string;
    timeout?: string;
    retries?: number;
    start_period?: string;
    start_interval?: string;
    disable?: boolean;
  };
  restart?: string;
  container_name?: string;
  user?: string;
  working_dir?: string;
  init?: boolean;
  read_only?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  privileged?: boolean;
  network_mode?: string;
  pid?: string;
  ipc?: string;
  devices?: unknown[];
  secrets?: ComposeFileReference[];
  configs?: ComposeFileReference[];
  logging?: unknown;
  stdin_open?: boolean;
  tty?: boolean;
  profiles?: string[];
  labels?: Record<string, string>;
  [key: string]: unknown;
}

/** A whole normalised project. */
export interface ComposeModel {
  name?: string;
  services: Record<string, ComposeService>;
  networks?: Record<
    string,
    { name?: string; driver?: string; internal?: boolean; external?: boolean; [key: string]: unknown } | null
  >;
  volumes?: Record<
    string,
    { name?: string; driver?: string; external?: boolean; [key: string]: unknown } | null
  >;
  secrets?: Record<string, ComposeFileDefinition>;
  configs?: Record<string, ComposeFileDefinition>;
  [key: string]: unknown;
}

/** Input of the normaliser. */
export interface NormaliseInput {
  /** The compose file (absolute path) and its text; the project directory is its directory. */
  file: string;
  text: string;
  /**
   * Variables for interpolation and bare `environment` keys (the job's environment), before `.env`
   * beside the file is read; as in Compose, these win over `.env`.
   */
  env: Readonly<Record<string, string | undefined>>;
  /** Active profiles (`--profile`); services with `profiles:` outside these are dropped. */
  profiles?: readonly string[];
  /** Reads a file (`.env`, `env_file`, `extends.file`, `include`); undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
}

/** What the normaliser gives back. */
export interface NormalisedCompose {
  /** undefined when the file could not be normalised at all (YAML syntax error, `${VAR:?msg}`…). */
  model?: ComposeModel;
  /** Where a key of the model came from: `lineOf(['services','backend','ports',0])`; walks up to the nearest key with a line. */
  lineOf(path: ReadonlyArray<string | number>): { file: string; line?: number };
  problems: StackProblem[];
}
