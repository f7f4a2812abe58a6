export const id = 237;
export const ids = [237,694];
export const modules = {

/***/ 8237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(637);
;// CONCATENATED MODULE: ./packages/core/src/log.ts
/**
 * The one logging interface of core. Modules take a `Log` from their caller and never write to the
 * step log themselves: the action edge passes {@link stepLog} (step.ts), tests pass a recording or
 * silent one, so what a module says is testable and nothing below the edge loads `@actions/core`.
 */
/** A log that drops everything: the default where a caller has nothing to say it to. */
const silentLog = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
};

// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(1397);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/core/src/stack/labels.ts
/** Label every container, network and volume of a stack carries: the project name. */
const STACK_LABEL = 'dev.digestline.stack';
/** Label on service containers: the service name. */
const SERVICE_LABEL = 'dev.digestline.service';
/** Label on service containers: the digest reference the service must run. */
const IMAGE_LABEL = 'dev.digestline.image';
/** Label on service containers: the container port its internal URL uses (absent when none). */
const PORT_LABEL = 'dev.digestline.port';
/** Label on service containers: position in the start order (down stops in reverse). */
const ORDER_LABEL = 'dev.digestline.order';
/** Label on containers: `service` or `probe` (a readiness helper), or a caller's own role (`tests`). */
const CONTAINER_ROLE_LABEL = 'dev.digestline.role';
/** The network a stack runs on (its only one, or the first of several by default). */
function stackNetworkName(project) {
    return `dl-${project}-net`;
}
/**
 * The engine network of each network a stack file names: a stack with one network keeps
 * `dl-<project>-net` whatever the file calls it; several become `dl-<project>-<network>` each.
 */
function stackNetworkNames(project, networks) {
    if (networks.length <= 1)
        return new Map(networks.map((n) => [n, stackNetworkName(project)]));
    return new Map(networks.map((n) => [n, `dl-${project}-${n}`]));
}
/** The container a service runs in. */
function containerName(project, service) {
    return `${project}-${service}`;
}
/** The engine name of a declared volume (`prefix` defaults to the project). */
function volumeName(prefix, volume) {
    return `${prefix}_${volume}`;
}
/** `run` options that put a container on `networks` (one, or the first and then each other). */
function joinNetworks(networks) {
    const [network, ...more] = typeof networks === 'string' ? [networks] : networks;
    return { network, ...(more.length > 0 ? { networks: more.map((name) => ({ name })) } : {}) };
}

// EXTERNAL MODULE: ./packages/core/src/commands.ts
var src_commands = __webpack_require__(508);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(296);
;// CONCATENATED MODULE: ./packages/core/src/exec.ts
/**
 * The one way digestline runs external programs (podman, docker, skopeo...).
 *
 * Every command is an argv array (never a shell string), is judged by its exit code (never by
 * stderr being empty: engines print progress and warnings there), and fails with an `ExecError`
 * that shows the command and the tail of its stderr. Secrets never reach the log or a message.
 */



/** How many trailing stderr lines an `ExecError` carries: enough for an engine's error, not its progress bars. */
const STDERR_TAIL_LINES = 20;
/** Exit code the timeout supervisor uses when it had to kill the program (as coreutils `timeout`). */
const TIMEOUT_EXIT_CODE = 124;
const KILL_GRACE_MS = 5_000;
/**
 * Runs argv in a child with a deadline. @actions/exec never exposes the child process, so the
 * deadline is enforced by this small Node program placed between us and the command; Node is the
 * one program certain to exist wherever an action runs (coreutils `timeout` is not, e.g. on Alpine
 * its options differ).
 */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const [ms, graceMs, bin, ...args] = process.argv.slice(1);
const child = spawn(bin, args, { stdio: 'inherit' });
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), Number(graceMs)).unref();
}, Number(ms));
child.on('error', (err) => {
  clearTimeout(timer);
  process.stderr.write(String(err && err.message) + '\\n');
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (timedOut) process.exit(${TIMEOUT_EXIT_CODE});
  if (code !== null) process.exit(code);
  process.stderr.write('killed by ' + signal + '\\n');
  process.exit(128 + (require('node:os').constants.signals[signal] || 0));
});
`;
/** Replaces every occurrence of each secret in `text` by `***`. Empty secrets are ignored. */
function redact(text, secrets) {
    let out = text;
    // Longest first, so a secret containing another is not left half-visible.
    for (const secret of [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join('***');
    }
    return out;
}
/** The last `n` lines of `text`, without trailing blank lines. */
function tailLines(text, n = STDERR_TAIL_LINES) {
    const lines = text.replace(/\s+$/, '').split(/\r?\n/);
    return lines.slice(-n).join('\n');
}
/** Echoes output line by line so that a secret split across two chunks is still redacted. */
class LineEcho {
    secrets;
    write;
    partial = '';
    constructor(secrets, write) {
        this.secrets = secrets;
        this.write = write;
    }
    push(chunk) {
        const lines = (this.partial + chunk.toString('utf8')).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.write(redact(line, this.secrets));
    }
    flush() {
        if (this.partial !== '')
            this.write(redact(this.partial, this.secrets));
        this.partial = '';
    }
}
/**
 * Runs external programs. Inject an instance where commands are run (engines take one in their
 * constructor) so that tests can `vi.spyOn(exec, 'exec')` and see the exact argv.
 */
class Exec {
    /**
     * Runs `bin` with `args` and collects its output.
     *
     * @param bin program name (looked up on PATH) or path
     * @param args arguments, passed as they are: no shell, no quoting needed
     * @throws ExecError if the program cannot be started, exits non-zero (unless `ignoreReturnCode`)
     *   or exceeds `timeoutMs`; the message names the redacted command and ends with the last
     *   {@link STDERR_TAIL_LINES} lines of stderr.
     */
    async exec(bin, args, opts = {}) {
        const secrets = (opts.secrets ?? []).filter((s) => s !== '');
        for (const secret of secrets)
            (0,src_commands/* setSecret */.Pq)(secret);
        const argv = [bin, ...args].map((a) => redact(a, secrets));
        const echo = !opts.silent;
        const write = (line) => {
            process.stdout.write(`${line}\n`);
        };
        const out = new LineEcho(secrets, write);
        const err = new LineEcho(secrets, write);
        if (echo)
            write(`[command]${argv.join(' ')}`);
        let program = bin;
        let programArgs = [...args];
        if (opts.timeoutMs !== undefined) {
            if (!(opts.timeoutMs > 0))
                throw new RangeError(`timeoutMs must be a positive number, got ${opts.timeoutMs}`);
            program = process.execPath;
            programArgs = ['-e', SUPERVISOR, '--', String(opts.timeoutMs), String(KILL_GRACE_MS), bin, ...args];
        }
        const started = Date.now();
        let result;
        try {
            result = await (0,exec/* getExecOutput */.H)(program, programArgs, {
                silent: true,
                ignoreReturnCode: true,
                cwd: opts.cwd,
                env: opts.env ? mergeEnv(opts.env) : undefined,
                input: opts.input === undefined ? undefined : Buffer.from(opts.input),
                listeners: echo ? { stdout: (d) => out.push(d), stderr: (d) => err.push(d) } : {},
            });
        }
        catch (cause) {
            // @actions/exec throws only when the program cannot be found or started.
            const reason = cause instanceof Error ? cause.message : String(cause);
            throw new src_errors/* ExecError */.cI(argv, null, '', `${argv.join(' ')} could not be started: ${redact(reason, secrets)}`, {
                cause,
            });
        }
        finally {
            out.flush();
            err.flush();
        }
        const stderrTail = redact(tailLines(result.stderr), secrets);
        if (opts.timeoutMs !== undefined &&
            result.exitCode === TIMEOUT_EXIT_CODE &&
            Date.now() - started >= opts.timeoutMs) {
            const what = `${argv.join(' ')} did not finish within ${formatMs(opts.timeoutMs)} and was killed`;
            throw new src_errors/* ExecError */.cI(argv, null, stderrTail, stderrTail === '' ? what : `${what}:\n${stderrTail}`);
        }
        if (result.exitCode !== 0 && !opts.ignoreReturnCode) {
            const what = `${argv.join(' ')} exited with code ${result.exitCode}`;
            if (stderrTail !== '')
                throw new src_errors/* ExecError */.cI(argv, result.exitCode, stderrTail, `${what}:\n${stderrTail}`);
            // Some tools report failures on stdout; an empty stderr must not leave the reader with nothing.
            const stdoutTail = redact(tailLines(result.stdout), secrets);
            throw new src_errors/* ExecError */.cI(argv, result.exitCode, '', stdoutTail === ''
                ? `${what} and printed nothing`
                : `${what} (stderr empty; stdout ends):\n${stdoutTail}`);
        }
        return result;
    }
}
function mergeEnv(extra) {
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            env[k] = v;
    return Object.assign(env, extra);
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
/** The shared instance used when none is injected. */
const defaultExec = new Exec();

;// CONCATENATED MODULE: ./packages/core/src/stack/redaction.ts
/**
 * Secrets out of diagnostics bundles: env values of secret-looking names (from the engine's inspect
 * JSON) and values the caller names are replaced by `***` in every file written.
 */

/** Env names whose values are replaced by `***` in bundles. */
const SECRET_ENV_NAME = /PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE/i;
/** Secret env values shorter than this are redacted only as `NAME=value`, not wherever they occur. */
const MIN_REDACTED_LENGTH = 4;
/** Env entries with secret-looking names (and a value) in raw inspect JSON (`Config.Env`). */
function secretEnvEntries(inspectJson) {
    let parsed;
    try {
        parsed = JSON.parse(inspectJson);
    }
    catch {
        return [];
    }
    const entries = [];
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
        const env = item?.Config?.Env;
        if (!Array.isArray(env))
            continue;
        for (const entry of env) {
            if (typeof entry !== 'string')
                continue;
            const eq = entry.indexOf('=');
            const name = entry.slice(0, eq);
            if (eq > 0 && SECRET_ENV_NAME.test(name) && entry.length > eq + 1)
                entries.push({ name, value: entry.slice(eq + 1) });
        }
    }
    return entries;
}
/**
 * A redactor for bundle files: replaces `NAME=value` of every secret env entry everywhere (Env,
 * podman's CreateCommand), then the bare values, unless so short that replacing them would garble
 * every file (a 1-character "secret" protects nothing anyway), and every string in `secrets`.
 * Entries added to `secretEnv` later apply to later calls.
 */
function bundleRedactor(secretEnv, secrets) {
    return (text) => {
        let out = text;
        for (const { name, value } of secretEnv)
            out = out.split(`${name}=${value}`).join(`${name}=***`);
        return redact(out, [
            ...secrets,
            ...secretEnv.map((e) => e.value).filter((v) => v.length >= MIN_REDACTED_LENGTH),
        ]);
    };
}

;// CONCATENATED MODULE: ./packages/core/src/stack/status.ts
/**
 * The status of service `s` from its container's inspect `info`, on the first of the stack's
 * `networks` the container is on.
 */
function serviceStatus(networks, s, info) {
    const order = typeof networks === 'string' ? [networks] : networks;
    const net = order.map((name) => info.networks.find((n) => n.name === name)).find((n) => n !== undefined);
    const aliases = [s.name, ...(net?.aliases ?? []).filter((a) => a !== s.name && !info.id.startsWith(a))];
    const status = {
        service: s.name,
        container: s.container,
        containerId: info.id,
        image: s.image,
        imageId: info.image,
        status: info.state.status,
        running: info.state.running,
        exitCode: info.state.exitCode,
        aliases,
        urls: {},
    };
    if (info.imageDigest !== undefined)
        status.imageDigest = info.imageDigest;
    if (info.state.health !== undefined)
        status.health = info.state.health;
    if (net?.ipAddress !== undefined)
        status.ipAddress = net.ipAddress;
    if (s.port !== undefined) {
        // Same form as Stack.internalUrls(), which callers may use before the stack is up.
        status.urls.internal = `http://${s.name}:${s.port}`;
        const published = info.ports.find((p) => p.containerPort === s.port && p.protocol === 'tcp') ??
            info.ports.find((p) => p.protocol === 'tcp');
        if (published !== undefined)
            status.urls.published = publishedUrl(published.hostIp, published.hostPort);
    }
    return status;
}
/** The URL of a published port; wildcard host addresses are reached on loopback. */
function publishedUrl(hostIp, hostPort) {
    const host = hostIp === '' || hostIp === '0.0.0.0' ? '127.0.0.1' : hostIp === '::' ? '::1' : hostIp;
    return `http://${host.includes(':') ? `[${host}]` : host}:${hostPort}`;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/bundle.ts
/**
 * The diagnostics bundle of a stack: what a reader needs to see why a stack failed (logs, the
 * engine's raw inspect, who was where on which network), written with secrets redacted.
 */






/**
 * Writes the bundle of `stack` into `dir` (see `Stack.collectBundle`). Never throws for one
 * container: a failure is written into the bundle as `errors.txt`.
 * @returns the files written
 */
async function collectBundle(stack, dir, opts = {}) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const written = [];
    const errors = [];
    const secretEnv = [];
    const redactSecrets = bundleRedactor(secretEnv, opts.redact ?? []);
    const write = async (file, text) => {
        const path = (0,external_node_path_.join)(dir, file);
        await (0,promises_.writeFile)(path, redactSecrets(text));
        written.push(path);
    };
    const { engine } = stack;
    const containers = await engine.containerList({ label: `${STACK_LABEL}=${stack.project}`, all: true });
    const raws = [];
    for (const c of containers) {
        try {
            const raw = await engine.inspectContainerRaw(c.id);
            raws.push({ name: c.name, raw });
            secretEnv.push(...secretEnvEntries(raw));
        }
        catch (err) {
            errors.push(`inspect ${c.name}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    for (const { name, raw } of raws) {
        await write(`${name}.inspect.json`, raw);
        try {
            const logs = await engine.logs(name);
            await write(`${name}.stdout.log`, logs.stdout);
            await write(`${name}.stderr.log`, logs.stderr);
        }
        catch (err) {
            errors.push(`logs ${name}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    const networkMap = [];
    const statuses = [];
    for (const c of containers) {
        try {
            const info = await engine.inspectContainer(c.id);
            networkMap.push(networkEntry(stack.networks, info));
            const record = stack.services.find((s) => s.container === info.name);
            if (record)
                statuses.push(serviceStatus(stack.networks, record, info));
        }
        catch (err) {
            errors.push(`network map ${c.name}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    const map = { network: stack.networks[0], networks: stack.networks, containers: networkMap };
    await write('network.json', JSON.stringify(map, null, 2));
    await write('services.json', JSON.stringify({ project: stack.project, services: statuses, timings: stack.timings }, null, 2));
    if (errors.length > 0)
        await write('errors.txt', errors.join('\n') + '\n');
    return written;
}
function networkEntry(networks, info) {
    const on = networks.flatMap((name) => info.networks.filter((n) => n.name === name));
    const net = on[0];
    const entry = {
        container: info.name,
        aliases: net?.aliases ?? [],
        networks: on.map((n) => ({
            network: n.name,
            aliases: n.aliases,
            ...(n.ipAddress !== undefined ? { ipAddress: n.ipAddress } : {}),
        })),
    };
    if (info.labels[SERVICE_LABEL] !== undefined)
        entry.service = info.labels[SERVICE_LABEL];
    if (net?.ipAddress !== undefined)
        entry.ipAddress = net.ipAddress;
    return entry;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/errors.ts
/** What starting a stack's services and `Stack.verifyDigests` throw. */
/**
 * Starting the services failed: one exited, could not be started, or was not ready in time. Thrown by
 * up.ts and readiness.ts; `Stack.up` turns it into a {@link StackStartError} carrying the half-started
 * stack.
 */
class ServiceStartFailure extends Error {
    services;
    name = 'ServiceStartFailure';
    /** @param services the services the failure is about */
    constructor(services, message, options) {
        super(message, options);
        this.services = services;
    }
}
/**
 * A container runs something other than the digest the stack was given. (Not the registry client's
 * `DigestMismatchError`, which is about bytes a registry served.)
 */
class RunningDigestMismatchError extends Error {
    name = 'RunningDigestMismatchError';
}

;// CONCATENATED MODULE: ./packages/core/src/stack/files.ts
/**
 * The host side of a stack's mounts: the files it writes for secrets and configs given as `content:`
 * or `environment:` (one directory per stack, mode 0700, removed by `down`), and bind-mount sources
 * Compose would create (`create_host_path`). The directory's name follows from the project alone,
 * so that a later process that attaches to the stack removes it too.
 */





/** The directory of the files a stack writes (under os.tmpdir(), which outlives the job's runner temp: deployed services restart from it). */
function stackFilesDir(project) {
    return (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `digestline-${project}-files`);
}
/** The host file of the `index`-th mount of `service` when it is a `content` mount. */
function contentFilePath(project, service, index) {
    return (0,external_node_path_.join)(stackFilesDir(project), `${service}-${index}`);
}
/**
 * Writes every `content` mount of the stack into a fresh {@link stackFilesDir} (mode 0o444 unless
 * the file says otherwise) and creates missing `createHostPath` bind sources as directories.
 * Nothing is written when the stack has neither.
 * @throws ServiceStartFailure when a file or directory cannot be written (the caller takes the stack down)
 */
async function prepareHostFiles(project, spec) {
    try {
        await writeHostFiles(project, spec);
    }
    catch (err) {
        throw new ServiceStartFailure([], `stack ${project}: writing secret and config files failed: ${(0,src_errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
}
async function writeHostFiles(project, spec) {
    const dir = stackFilesDir(project);
    let made = false;
    for (const service of spec.services) {
        for (const [i, mount] of service.volumes.entries()) {
            if (mount.bind !== undefined && mount.createHostPath === true)
                await (0,promises_.mkdir)(mount.bind, { recursive: true });
            if (mount.content === undefined)
                continue;
            if (!made) {
                // A directory left by an earlier run of the same project (or planted there) is not trusted.
                await (0,promises_.rm)(dir, { recursive: true, force: true });
                await (0,promises_.mkdir)(dir, { mode: 0o700 });
                made = true;
            }
            const path = contentFilePath(project, service.name, i);
            await (0,promises_.writeFile)(path, mount.content, { mode: 0o600, flag: 'wx' });
            await (0,promises_.chmod)(path, mount.mode ?? 0o444);
        }
    }
}
/** Removes the stack's files directory (nothing when there is none). */
async function removeHostFiles(project) {
    await (0,promises_.rm)(stackFilesDir(project), { recursive: true, force: true });
}
/** Secret text shorter than this is not redacted wherever it occurs: that would garble every file. */
const files_MIN_REDACTED_LENGTH = 4;
/**
 * What to redact from bundles for the secrets the stack mounts: each secret's text (trimmed, as a
 * service prints it) and each of its lines, so that one line of a key file printed alone is caught.
 */
function secretTexts(spec) {
    const texts = spec.services.flatMap((s) => s.volumes.filter((v) => v.secret === true && v.content !== undefined).map((v) => v.content));
    const parts = texts.flatMap((t) => [t.trim(), ...t.split('\n').map((l) => l.trim())]);
    // Longest first, so that a whole secret is replaced before a line of it.
    return [...new Set(parts)]
        .filter((p) => p.length >= files_MIN_REDACTED_LENGTH)
        .sort((a, b) => b.length - a.length);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/host-access.ts
/** The evidence check's name. */
const HOST_ACCESS_CHECK = 'host access';
/** Each allow-* input, its HostAccess field and what it lets a stack do. */
const HOST_ACCESS_INPUTS = [
    {
        input: 'allow-host-paths',
        field: 'hostPaths',
        what: 'bind mounts and secret files outside the workspace',
    },
    {
        input: 'allow-privileged',
        field: 'privileged',
        what: 'privileged, cap_add, devices, pid: host and ipc: host',
    },
    {
        input: 'writable-bind-mounts',
        field: 'writableBinds',
        what: 'bind mounts writable during validation where the file says so',
    },
];
/** The allow-* inputs set to true, in the order of {@link HOST_ACCESS_INPUTS}. */
function allowedInputs(allow) {
    return HOST_ACCESS_INPUTS.filter((i) => allow?.[i.field] === true);
}
/** One warning line per allowed mode, for the log when the stack starts. */
function hostAccessWarnings(project, allow) {
    return allowedInputs(allow).map((i) => `stack ${project}: ${i.input}: true: the stack may use ${i.what}; the evidence records it`);
}
/**
 * The evidence check: PASSED with `none` when no allow-* input is true, SKIPPED naming each one that
 * is otherwise and what each service was given under it (the stack ran with less confinement than the
 * default; a policy can refuse that).
 */
function hostAccessCheck(spec) {
    const allowed = allowedInputs(spec.allow);
    if (allowed.length === 0)
        return { name: HOST_ACCESS_CHECK, result: 'PASSED', durationMs: 0, detail: 'none' };
    const used = spec.services.flatMap((s) => s.hostAccess !== undefined ? [`${s.name} ${hostAccessText(s.hostAccess)}`] : []);
    return {
        name: HOST_ACCESS_CHECK,
        result: 'SKIPPED',
        durationMs: 0,
        detail: `HOST ACCESS ALLOWED: ${allowed.map((i) => `${i.input}: true (${i.what})`).join('; ')}` +
            (used.length > 0 ? `; given: ${used.join('; ')}` : ''),
    };
}
/** `privileged, cap_add NET_ADMIN, pid: host`: the host access of a service, for the log and evidence. */
function hostAccessText(access) {
    const parts = [];
    if (access.privileged)
        parts.push('privileged');
    if (access.capAdd !== undefined)
        parts.push(`cap_add ${access.capAdd.join(' ')}`);
    if (access.devices !== undefined)
        parts.push(`devices ${access.devices.join(' ')}`);
    if (access.pid !== undefined)
        parts.push('pid: host');
    if (access.ipc !== undefined)
        parts.push('ipc: host');
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./packages/core/src/engine/staging.ts
/**
 * Copy mode (engine/access.ts): files of this process reach containers through the engine, never as
 * host-path bind mounts. A named volume is filled through a never-started helper container (`cp`
 * works on created containers and on engines on other hosts), then mounted; a single file that must
 * appear at a target path is bound from the volume's Mountpoint, a path on the engine's host.
 */




/** Label on every staged volume and its helper container: what the copy was made for. */
const STAGED_LABEL = 'dev.digestline.staged';
/** Where the helper container mounts the volume. */
const STAGE_DIR = '/dl-stage';
/**
 * The helper container: created, never started, so its image needs no shell and no command of ours
 * runs; the entrypoint is only there because docker refuses to create a container without one.
 */
function helperOptions(volume, image, labels) {
    return {
        image,
        name: `${volume}-stager`,
        labels: { ...labels, [STAGED_LABEL]: volume },
        volumes: [{ source: volume, target: STAGE_DIR }],
        entrypoint: '/digestline-stager-never-started',
    };
}
/** Runs `fn` with a helper container that mounts `volume`; the helper is removed whatever happens. */
async function withHelper(engine, volume, image, labels, fn) {
    const helper = await engine.create(helperOptions(volume, image, labels));
    try {
        return await fn(helper);
    }
    finally {
        await engine.remove(helper, { force: true }).catch(() => undefined);
    }
}
/**
 * Creates `opts.volume` and copies every entry into it through the engine. On failure the volume
 * (and the helper) are removed before the error is thrown.
 * @throws Error naming the volume and the entry that could not be copied
 */
async function stageVolume(engine, opts) {
    await engine.volumeCreate(opts.volume, { labels: { ...opts.labels, [STAGED_LABEL]: opts.volume } });
    try {
        await withHelper(engine, opts.volume, opts.image, opts.labels, async (helper) => {
            await makeParents(engine, helper, opts.entries);
            for (const entry of opts.entries) {
                const [from, to] = entry.path === ''
                    ? [`${entry.source}/.`, STAGE_DIR]
                    : [entry.source, external_node_path_.posix.join(STAGE_DIR, entry.path)];
                try {
                    await engine.copyInto(from, helper, to);
                }
                catch (err) {
                    throw new Error(`copying ${entry.source} into volume ${opts.volume}: ${(0,src_errors/* errorMessage */.gJ)(err)}`, {
                        cause: err,
                    });
                }
            }
        });
    }
    catch (err) {
        await engine.volumeRemove(opts.volume, { force: true }).catch(() => undefined);
        throw err;
    }
}
/**
 * `cp FILE CTR:DIR/NAME` needs DIR to exist: the parent directories of all entries are made locally
 * (empty) and copied in once.
 */
async function makeParents(engine, helper, entries) {
    const parents = [...new Set(entries.map((e) => external_node_path_.posix.dirname(e.path)).filter((d) => d !== '.'))];
    if (parents.length === 0)
        return;
    const skeleton = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'digestline-stage-'));
    try {
        for (const dir of parents)
            await (0,promises_.mkdir)((0,external_node_path_.join)(skeleton, dir), { recursive: true });
        await engine.copyInto(`${skeleton}/.`, helper, STAGE_DIR);
    }
    finally {
        await (0,promises_.rm)(skeleton, { recursive: true, force: true });
    }
}
/**
 * Copies `path` of `volume` (its whole content by default) into the local directory `dest` (made if
 * missing), through a never-started helper of `image`.
 */
async function copyVolumeOut(engine, opts) {
    await mkdir(opts.dest, { recursive: true });
    const from = posix.join(STAGE_DIR, opts.path ?? '');
    await withHelper(engine, opts.volume, opts.image, opts.labels, (helper) => engine.copyFrom(helper, `${from}/.`, opts.dest));
}
/**
 * Copy mode for one container: every mount whose source is a path of ours (absolute) is copied into
 * `volume` as `<n>/<name>` and bound from there (the volume's Mountpoint, on the engine's host), so
 * files and directories keep their target paths, owners and modes. Bind mode: the options as given.
 * The volume carries the container's labels (a stack's `down` finds it).
 */
async function stageRunMounts(engine, options, volume) {
    const mounts = options.volumes ?? [];
    const ours = mounts.flatMap((m, n) => m.source.startsWith('/') ? [{ m, path: `${n}/${basename(m.source)}` }] : []);
    if (engine.files !== 'copy' || ours.length === 0)
        return { options, writable: [] };
    await stageVolume(engine, {
        volume,
        labels: options.labels ?? {},
        image: options.image,
        entries: ours.map(({ m, path }) => ({ source: m.source, path })),
    });
    const staged = new Map();
    try {
        for (const { m, path } of ours)
            staged.set(m.source, await stagedHostPath(engine, volume, path));
    }
    catch (err) {
        await engine.volumeRemove(volume, { force: true }).catch(() => undefined);
        throw err;
    }
    return {
        options: {
            ...options,
            volumes: mounts.map((m) => ({ ...m, source: staged.get(m.source) ?? m.source })),
        },
        volume,
        writable: ours.filter(({ m }) => m.readonly !== true).map(({ m, path }) => ({ local: m.source, path })),
    };
}
/**
 * After the run: copies each writable mount's copy back to its local directory (a report the
 * container wrote), then removes the staging volume. Both are tried; the first failure is thrown.
 */
async function finishStagedRun(engine, run) {
    if (run.volume === undefined)
        return;
    const volume = run.volume;
    let failure;
    for (const w of run.writable) {
        await copyVolumeOut(engine, {
            volume,
            image: run.options.image,
            labels: run.options.labels ?? {},
            dest: w.local,
            path: w.path,
        }).catch((err) => (failure ??= err));
    }
    await engine.volumeRemove(volume, { force: true }).catch((err) => (failure ??= err));
    if (failure !== undefined)
        throw failure;
}
/** The path on the engine's host of `path` inside `volume`, for a bind mount of one staged file. */
async function stagedHostPath(engine, volume, path) {
    return external_node_path_.posix.join(await engine.volumeMountpoint(volume), path);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/staged-mounts.ts
/**
 * Copy mode for a stack (engine/access.ts): every host path its services mount (bind mounts, the
 * files written for `content:`/`environment:` secrets and configs, deploy-staging's snapshot copies)
 * is copied into one volume through the engine, and each mount binds that copy's path on the
 * engine's host (`<Mountpoint>/<n>/<name>`) instead: Docker 20.10 has no volume subpath, and a
 * single file must still appear at its target path.
 */






/** The volume holding a stack's staged host files (removed by `down` whatever it keeps). */
function stagedFilesVolume(project) {
    return `dl-${project}-files`;
}
/** The host path a mount of `service` reads (its bind source or written content file), if any. */
function hostSourceOf(project, service, mount, index) {
    if (mount.bind !== undefined)
        return mount.bind;
    return mount.content !== undefined ? contentFilePath(project, service, index) : undefined;
}
/**
 * Copies every host path the stack mounts into {@link stagedFilesVolume} and returns, for each, the
 * path on the engine's host to bind instead. Nothing is made when the stack mounts no host path.
 * @throws ServiceStartFailure when a copy fails (the volume is removed first)
 */
async function stageHostMounts(engine, project, spec, labels) {
    const sources = new Set();
    for (const service of spec.services) {
        for (const [i, mount] of service.volumes.entries()) {
            const source = hostSourceOf(project, service.name, mount, i);
            if (source !== undefined)
                sources.add(source);
        }
    }
    const staged = new Map();
    const first = spec.services[0];
    if (sources.size === 0 || first === undefined)
        return staged;
    const volume = stagedFilesVolume(project);
    const entries = [...sources].map((source, n) => ({ source, path: `${n}/${(0,external_node_path_.basename)(source)}` }));
    try {
        // The helper is created from a service's image: resolved (present) by now, whatever engine.
        await stageVolume(engine, { volume, labels, image: (0,src_reference/* pinnedReference */.ct)(first.image), entries });
        for (const entry of entries)
            staged.set(entry.source, await stagedHostPath(engine, volume, entry.path));
    }
    catch (err) {
        throw new ServiceStartFailure([], `stack ${project}: copying mounted files through the engine failed: ${(0,src_errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
    return staged;
}
/** Which of `volumes` hold staged copies (the stack's, a test container's): `down` removes them always. */
async function stagedAmong(engine, volumes) {
    if (volumes.length === 0)
        return [];
    const staged = new Set(await engine.volumeList({ label: STAGED_LABEL }));
    return volumes.filter((v) => staged.has(v));
}

// EXTERNAL MODULE: ./packages/core/src/ip.ts
var ip = __webpack_require__(3159);
;// CONCATENATED MODULE: ./packages/core/src/registry/loopback.ts
/**
 * Loopback detection, apart from the registry client: actions use it while reading their inputs,
 * before the client is loaded.
 */

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    return (0,ip/* isIPv4 */.w)(h) && h.startsWith('127.');
}
/**
 * True when an image registry (`host[:port]`, as in a reference: `127.0.0.1:5000`, `[::1]:5000`,
 * `localhost`) is on loopback. The one place that decides whether a registry may be spoken to over
 * plain http without an explicit insecure input.
 */
function isLoopbackRegistry(registry) {
    try {
        return isLoopbackHost(new URL(`http://${registry}`).hostname);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/waiting.ts
/**
 * The waiting primitives of `up`: one-shot signals between service tasks, and sleeps and waits that
 * end early when `up` is aborted (a service failed, or the deadline passed).
 */

/** A new unresolved {@link Deferred}. */
function deferred() {
    let resolve;
    const d = { promise: new Promise((r) => (resolve = r)), resolve: () => { }, done: false };
    d.resolve = () => {
        d.done = true;
        resolve();
    };
    return d;
}
/** Thrown inside `up` tasks when another task failed or the deadline passed. */
class Aborted extends Error {
}
/** Waits `ms`; rejects with {@link Aborted} as soon as `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new Aborted());
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Aborted());
        };
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
/** Settles as `promise` does; rejects with {@link Aborted} as soon as `signal` aborts. */
function untilAborted(promise, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new Aborted());
        const onAbort = () => reject(new Aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e instanceof Error ? e : new Error((0,src_errors/* errorMessage */.gJ)(e)));
        });
    });
}
/** `250ms`, `2s`, `1.5s`: durations in messages. */
function waiting_formatMs(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/plan.ts




/** Inspects every service image once, pulling the ones not present locally. */
async function resolveImages(engine, spec, log) {
    const images = new Map(spec.services.map((s) => [(0,src_reference/* pinnedReference */.ct)(s.image), s.image]));
    const infos = await Promise.all([...images].map(async ([ref, image]) => {
        try {
            return [ref, await engine.inspectImage(ref)];
        }
        catch {
            log.info(`pulling ${ref}`);
            await engine.pull(ref, { insecure: isLoopbackRegistry(image.registry) });
            return [ref, await engine.inspectImage(ref)];
        }
    }));
    return new Map(infos);
}
/**
 * Plans every service of `order` (the start order): its record, readiness mode and the signals its
 * dependants wait for.
 * @throws Error for a service that needs a network probe when there is no `probeImage`, or a
 *   `service_healthy` dependency on a service without a health check
 */
function planServices(spec, order, images, opts) {
    const oneShot = new Set(spec.services.flatMap((s) => s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service)));
    const plans = new Map();
    order.forEach((service, index) => {
        const image = images.get((0,src_reference/* pinnedReference */.ct)(service.image));
        const hasHealthcheck = service.healthcheck !== undefined || (!service.healthcheckDisabled && image.healthcheck !== undefined);
        const port = tcpPorts(service)[0]?.containerPort ?? service.expose[0] ?? firstTcpPort(image.exposedPorts);
        const mode = readinessMode(service, { oneShot: oneShot.has(service.name), hasHealthcheck, port });
        if (mode === 'network-probe' && opts.probeImage === undefined) {
            throw new Error(`${spec.source}: service "${service.name}" listens on port ${port} but has no health check and no published port, so its readiness needs a probe container: pass probeImage (an image with bash), or give it a healthcheck`);
        }
        const record = {
            name: service.name,
            container: containerName(opts.project, service.name),
            image: (0,src_reference/* pinnedReference */.ct)(service.image),
            order: index,
        };
        if (port !== undefined)
            record.port = port;
        plans.set(service.name, {
            spec: service,
            record,
            mode,
            hasHealthcheck,
            ...(service.healthcheck === undefined && !service.healthcheckDisabled && image.healthcheck !== undefined
                ? { imageHealthcheck: image.healthcheck }
                : {}),
            status: 'not started',
            started: deferred(),
            ready: deferred(),
            timing: { mode },
        });
    });
    checkHealthyDependencies(spec, plans);
    return plans;
}
function readinessMode(service, facts) {
    if (facts.oneShot)
        return 'completed';
    if (facts.hasHealthcheck)
        return 'health';
    if (tcpPorts(service).length > 0)
        return 'published-port';
    if (facts.port !== undefined)
        return 'network-probe';
    return 'running';
}
/** `condition: service_healthy` needs a health check on the dependency, or it could never be met. */
function checkHealthyDependencies(spec, plans) {
    for (const service of spec.services) {
        for (const dep of service.dependsOn) {
            const target = plans.get(dep.service);
            if (target === undefined && dep.required === false)
                continue;
            if (dep.condition === 'service_healthy' && !target?.hasHealthcheck) {
                throw new Error(`${spec.source}: service "${service.name}" waits for "${dep.service}" to be healthy, but "${dep.service}" has no health check (none in the stack file or its image); add one or use condition: service_started`);
            }
        }
    }
}
/** The published tcp ports: a udp port is never probed nor given an http URL. */
function tcpPorts(service) {
    return service.ports.filter((p) => p.protocol === undefined);
}
/** The first tcp port among EXPOSEd ones (`8080/tcp`). */
function firstTcpPort(exposed) {
    for (const entry of exposed) {
        const [port, proto = 'tcp'] = entry.split('/');
        const n = Number(port);
        if (proto === 'tcp' && Number.isInteger(n) && n > 0)
            return n;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/records.ts


/** Whether an engine error says the thing is already gone (removed meanwhile, or never made). */
function isGone(err) {
    return /no such|not found|does not exist|no container with|no volume with|unable to find network/i.test((0,src_errors/* errorMessage */.gJ)(err));
}
/** The service containers of `project` (probes left out), from their labels, in start order. */
async function findServiceRecords(project, engine) {
    const containers = await engine.containerList({ label: `${STACK_LABEL}=${project}`, all: true });
    const records = [];
    for (const c of containers) {
        let info;
        try {
            info = await engine.inspectContainer(c.id);
        }
        catch (err) {
            if (isGone(err))
                continue;
            throw err;
        }
        const service = info.labels[SERVICE_LABEL];
        if (service === undefined || info.labels[CONTAINER_ROLE_LABEL] === 'probe')
            continue;
        const record = {
            name: service,
            container: info.name,
            image: info.labels[IMAGE_LABEL] ?? info.imageRef,
            order: Number(info.labels[ORDER_LABEL] ?? records.length),
        };
        const port = Number(info.labels[PORT_LABEL]);
        if (Number.isInteger(port) && port > 0)
            record.port = port;
        records.push(record);
    }
    return records.sort((a, b) => a.order - b.order);
}

// EXTERNAL MODULE: ./packages/core/src/stack/names.ts
var stack_names = __webpack_require__(3031);
;// CONCATENATED MODULE: ./packages/core/src/stack/compose/types.ts
/** A stack file does not parse or uses something outside the supported subset. */
class StackFileError extends Error {
    source;
    path;
    reason;
    line;
    name = 'StackFileError';
    /**
     * @param source the file (or other origin) the text came from
     * @param path dotted path of the offending key, e.g. `services.backend.build` (`''` for the file)
     * @param reason what is wrong and, where possible, what to write instead
     * @param line 1-based line in the file, when known
     */
    constructor(source, path, reason, line) {
        super(`${source}${line !== undefined ? `:${line}` : ''}: ${path === '' ? '' : `${path}: `}${reason}`);
        this.source = source;
        this.path = path;
        this.reason = reason;
        this.line = line;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/compose/order.ts
/** The start order of a stack's services, from their `depends_on`. */

/**
 * The services in an order that starts every service after those it depends on: a stable
 * topological sort (file order among services whose dependencies are met).
 * @throws StackFileError naming the services of a dependency cycle
 */
function startOrder(spec) {
    const byName = new Map(spec.services.map((s) => [s.name, s]));
    const done = new Set();
    const order = [];
    while (order.length < spec.services.length) {
        const next = spec.services.find((s) => !done.has(s.name) && s.dependsOn.every((d) => done.has(d.service) || !byName.has(d.service)));
        if (next === undefined) {
            const cycle = findCycle(spec.services.filter((s) => !done.has(s.name)));
            throw new StackFileError(spec.source, 'services', `depends_on has a cycle: ${cycle.join(' -> ')}; no service in it could ever start`);
        }
        done.add(next.name);
        order.push(next);
    }
    return order;
}
/** One cycle among `remaining` (every one of which has an unmet dependency), as a closed path. */
function findCycle(remaining) {
    const byName = new Map(remaining.map((s) => [s.name, s]));
    const path = [];
    let current = remaining[0];
    while (current !== undefined && !path.includes(current.name)) {
        path.push(current.name);
        current = current.dependsOn.map((d) => byName.get(d.service)).find((s) => s !== undefined);
    }
    return current === undefined ? path : [...path.slice(path.indexOf(current.name)), current.name];
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./packages/core/src/stack/port-probe.ts
/** Readiness by TCP: whether something answers on a port, from this process. */

/**
 * Answers whether something listens on a loopback port, from this process. A connection is
 * "answered" when the peer sends bytes or keeps it open for `holdMs`: docker's userland proxy
 * accepts on the published port even when nothing listens in the container, then closes at once.
 * An HTTP request is sent so that HTTP servers answer right away.
 */
function probePort(host, port, opts = {}) {
    const timeoutMs = opts.timeoutMs ?? 1000;
    const holdMs = opts.holdMs ?? 200;
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host, port });
        let settled = false;
        const finish = (ok) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            clearTimeout(hold);
            socket.destroy();
            resolve(ok);
        };
        const deadline = setTimeout(() => finish(false), timeoutMs);
        let hold;
        socket.once('connect', () => {
            socket.write(`GET / HTTP/1.0\r\nHost: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n\r\n`);
            hold = setTimeout(() => finish(true), holdMs);
        });
        socket.once('data', () => finish(true));
        socket.once('error', () => finish(false));
        socket.once('close', () => finish(false));
    });
}

;// CONCATENATED MODULE: ./packages/core/src/stack/readiness.ts






/** How many log lines a start failure quotes. */
const LOG_TAIL_LINES = 15;
/** bash script for the network probe: retries a TCP connect until it works. */
const NETWORK_PROBE_SCRIPT = 'until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do sleep 0.1; done; echo "reachable $1:$2"';
/** The engine networks a service joins, each with its DNS names there (service name first). */
function serviceNetworks(ctx, service) {
    const joined = service.networks ?? [];
    if (joined.length === 0)
        return [{ name: ctx.network, aliases: [service.name, ...service.aliases] }];
    return joined.map((n) => ({
        name: ctx.networks?.get(n.network) ?? ctx.network,
        aliases: [service.name, ...n.aliases.filter((a) => a !== service.name)],
    }));
}
/** States of a container that has not run yet (podman's `configured`/`initialized` come before `running`). */
const NOT_YET_RUN = new Set(['created', 'configured', 'initialized']);
/** Whether the container ran and has stopped (podman says `stopped` until its cleanup ran, then `exited`). */
function hasExited(info) {
    return !info.state.running && !NOT_YET_RUN.has(info.state.status);
}
/** Fails when the container is no longer running (unless it is a one-shot that exited 0). */
async function checkAlive(ctx, plan) {
    const info = await ctx.engine.inspectContainer(plan.record.container);
    plan.lastInfo = info;
    if (!hasExited(info))
        return info;
    if (plan.mode === 'completed' && info.state.exitCode === 0)
        return info;
    let tail;
    try {
        const logs = await ctx.engine.logs(plan.record.container);
        tail = tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), LOG_TAIL_LINES);
    }
    catch (err) {
        tail = `(logs unavailable: ${(0,src_errors/* errorMessage */.gJ)(err)})`;
    }
    const what = plan.mode === 'completed' ? 'one-shot service' : 'service';
    throw new ServiceStartFailure([plan.spec.name], `stack ${ctx.project}: ${what} "${plan.spec.name}" exited with code ${info.state.exitCode} during start (container ${plan.record.container}, status ${info.state.status})${tail === '' ? ' and logged nothing' : `; last log lines:\n${tail}`}`);
}
/** Resolves once the service is ready by its plan's mode; rejects when it exits or `up` is aborted. */
async function waitReady(ctx, plan) {
    const { engine, signal, pollMs } = ctx;
    const container = plan.record.container;
    switch (plan.mode) {
        case 'running':
            plan.status = 'checking it runs';
            await checkAlive(ctx, plan);
            return;
        case 'completed':
            for (;;) {
                plan.status = 'running (one-shot, waiting for exit 0)';
                const info = await checkAlive(ctx, plan);
                if (hasExited(info))
                    return;
                await sleep(pollMs, signal);
            }
        case 'health':
            for (;;) {
                // The check itself takes ~100 ms (an exec into the container): count it against the poll interval.
                const pollStart = Date.now();
                try {
                    await engine.runHealthcheck(container);
                }
                catch {
                    // The container may have stopped between polls: the inspect below says how.
                }
                const info = await checkAlive(ctx, plan);
                if (info.state.health === 'healthy')
                    return;
                plan.status = `health: ${info.state.health ?? 'unknown'}`;
                await sleep(Math.max(0, pollMs - (Date.now() - pollStart)), signal);
            }
        case 'published-port': {
            // Copy mode: this process is not on the engine's host, so its loopback is not where the port
            // was published; the stack network is reachable through the engine.
            if (engine.files === 'copy' && ctx.probeImage !== undefined)
                return networkProbe(ctx, plan);
            const first = await checkAlive(ctx, plan);
            const tcp = first.ports.filter((p) => p.protocol === 'tcp');
            const binding = tcp.find((p) => p.containerPort === plan.record.port) ?? tcp[0];
            if (binding === undefined)
                throw new Error(`the engine reports no published port for ${container}`);
            const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0' ? '127.0.0.1' : binding.hostIp;
            plan.status = `no answer on ${host}:${binding.hostPort}`;
            // Probing is cheap and inspecting is not (an engine process or two), so they run side by side at
            // their own pace: a service is seen ready within probeMs, and an exit within pollMs.
            await whileAlive(ctx, plan, async (until) => {
                for (;;) {
                    if (await probePort(host, binding.hostPort))
                        return;
                    await sleep(ctx.probeMs, until);
                }
            });
            return;
        }
        case 'network-probe':
            return networkProbe(ctx, plan);
    }
}
/**
 * Runs `work` while checking every `pollMs` that the container still runs (see {@link checkAlive}):
 * resolves when `work` does, rejects when either fails. `work` gets a signal that aborts when the
 * liveness check failed or `up` is aborted, so that it stops polling.
 */
async function whileAlive(ctx, plan, work) {
    const stop = new AbortController();
    const abort = () => stop.abort();
    ctx.signal.addEventListener('abort', abort, { once: true });
    if (ctx.signal.aborted)
        stop.abort();
    const liveness = (async () => {
        for (;;) {
            await sleep(ctx.pollMs, stop.signal);
            await checkAlive(ctx, plan);
        }
    })();
    const working = work(stop.signal);
    // The loser settles later (Aborted, or an inspect still in flight): observed, never awaited, so
    // that readiness is reported without waiting for an engine process.
    liveness.catch(() => undefined);
    working.catch(() => undefined);
    try {
        await Promise.race([working, liveness]);
    }
    finally {
        stop.abort();
        ctx.signal.removeEventListener('abort', abort);
    }
}
/** Runs a probe container on a network of the service that exits 0 once `<service>:<port>` accepts connections. */
async function networkProbe(ctx, plan) {
    const { engine, signal, pollMs } = ctx;
    const port = plan.record.port;
    const probe = `${plan.record.container}-probe`;
    const network = serviceNetworks(ctx, plan.spec)[0]?.name ?? ctx.network;
    plan.status = `port ${port} not reachable on network ${network}`;
    const run = engine.runToCompletion({
        image: ctx.probeImage,
        name: probe,
        network,
        rm: true,
        entrypoint: '',
        labels: { ...ctx.labels, [CONTAINER_ROLE_LABEL]: 'probe', [SERVICE_LABEL]: plan.spec.name },
        command: ['bash', '-c', NETWORK_PROBE_SCRIPT, 'probe', plan.spec.name, String(port)],
    });
    let finished = false;
    const result = run.finally(() => {
        finished = true;
    });
    try {
        while (!finished) {
            await checkAlive(ctx, plan);
            await Promise.race([sleep(pollMs, signal), result]);
        }
        const r = await result;
        if (r.exitCode !== 0) {
            throw new Error(`the probe container (${ctx.probeImage}) exited with ${r.exitCode}: ${tailLines(r.stderr, 5)}`);
        }
    }
    finally {
        if (!finished) {
            await engine.remove(probe, { force: true }).catch(() => undefined);
            await result.catch(() => undefined);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/up.ts









/**
 * Creates the stack's networks and those of its volumes that do not exist yet (a stable volume
 * prefix reuses them; a network left by an earlier run of the same project is reused).
 * @throws ServiceStartFailure when the engine refuses
 */
async function createResources(stack, networks, volumes, labels) {
    const { engine, project } = stack;
    try {
        const present = new Set(await engine.networkList());
        for (const n of networks) {
            if (present.has(n.name))
                continue;
            await engine.networkCreate(n.name, {
                labels,
                ...(n.internal ? { internal: true } : {}),
                // Several networks must be kept apart by address too, not only by name.
                ...(networks.length > 1 ? { isolate: true } : {}),
            });
        }
        const existing = new Set(await engine.volumeList());
        for (const volume of volumes) {
            if (!existing.has(volume))
                await engine.volumeCreate(volume, { labels });
        }
    }
    catch (err) {
        throw new ServiceStartFailure([], `stack ${project}: creating network/volumes failed: ${(0,src_errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
}
/**
 * Runs every planned service to readiness, concurrently as far as their dependencies allow.
 * @throws ServiceStartFailure for the first service that failed, or naming every service not ready
 *   within `timeoutMs` and what each was doing
 */
async function startServices(ctx, timeoutMs) {
    const { project, plans } = ctx;
    const controller = new AbortController();
    let failure;
    const fail = (err) => {
        failure ??= err;
        controller.abort();
    };
    const deadline = setTimeout(() => controller.abort(), timeoutMs);
    const run = { ...ctx, signal: controller.signal };
    try {
        await Promise.all([...plans.values()].map(async (plan) => {
            try {
                await runService(run, plan);
            }
            catch (err) {
                if (err instanceof Aborted)
                    return;
                fail(err instanceof ServiceStartFailure
                    ? err
                    : new ServiceStartFailure([plan.spec.name], `stack ${project}: service "${plan.spec.name}": ${(0,src_errors/* errorMessage */.gJ)(err)}`, { cause: err }));
            }
        }));
    }
    finally {
        clearTimeout(deadline);
    }
    if (failure)
        throw failure;
    const waiting = [...plans.values()].filter((p) => !p.ready.done);
    if (waiting.length > 0)
        throw await notReadyError(ctx.engine, project, waiting, timeoutMs);
}
async function notReadyError(engine, project, waiting, timeoutMs) {
    const details = await Promise.all(waiting.map(async (p) => {
        const last = p.started.done ? await lastLogLine(engine, p.record.container) : '';
        return `${p.spec.name} (${p.status}${last === '' ? '' : `; last log line: ${JSON.stringify(last)}`})`;
    }));
    return new ServiceStartFailure(waiting.map((p) => p.spec.name), `stack ${project}: not ready within ${waiting_formatMs(timeoutMs)}: ${details.join('; ')}`);
}
async function lastLogLine(engine, container) {
    try {
        const logs = await engine.logs(container);
        return tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), 1);
    }
    catch {
        return '';
    }
}
function conditionText(dep) {
    return dep.condition === 'service_healthy'
        ? `${dep.service} to be healthy`
        : dep.condition === 'service_completed_successfully'
            ? `${dep.service} to complete`
            : `${dep.service} to start`;
}
async function runService(ctx, plan) {
    const { engine, signal, project } = ctx;
    const service = plan.spec;
    for (const dep of service.dependsOn) {
        const target = ctx.plans.get(dep.service);
        // `required: false`: a dependency the stack does not have is not waited for.
        if (target === undefined && dep.required === false)
            continue;
        if (target === undefined)
            throw new Error(`depends on "${dep.service}", which is not in the stack`);
        plan.status = `waiting for ${conditionText(dep)}`;
        await untilAborted(dep.condition === 'service_started' ? target.started.promise : target.ready.promise, signal);
    }
    plan.status = 'starting';
    const [first, ...more] = serviceNetworks(ctx, service);
    const hosts = {};
    for (const n of [first, ...more]) {
        for (const [name, ip] of Object.entries(ctx.hosts[n?.name ?? ''] ?? {}))
            hosts[name] ??= ip;
    }
    const run = {
        image: (0,src_reference/* pinnedReference */.ct)(service.image),
        name: plan.record.container,
        network: first?.name ?? ctx.network,
        aliases: first?.aliases ?? [service.name],
        ...(more.length > 0 ? { networks: more } : {}),
        // Its dependencies have started: their names resolve without the engine's DNS server (only
        // those on a network it joins).
        hosts,
        env: service.environment,
        labels: {
            ...ctx.labels,
            [SERVICE_LABEL]: service.name,
            [IMAGE_LABEL]: (0,src_reference/* pinnedReference */.ct)(service.image),
            [ORDER_LABEL]: String(plan.record.order),
            [CONTAINER_ROLE_LABEL]: 'service',
            ...(plan.record.port !== undefined ? { [PORT_LABEL]: String(plan.record.port) } : {}),
        },
        ports: service.ports.map((p) => ({
            host: p.host,
            containerPort: p.containerPort,
            ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
            ...(p.protocol !== undefined ? { protocol: p.protocol } : {}),
        })),
        volumes: service.volumes.map((v, i) => {
            const host = hostSourceOf(project, service.name, v, i);
            // Copy mode: the engine cannot see our paths; its own copy of them is bound instead.
            const source = host !== undefined ? (ctx.staged?.get(host) ?? host) : v.volume;
            return {
                source: source === undefined ? '' : host !== undefined ? source : volumeName(ctx.prefix, source),
                target: v.target,
                readonly: v.readonly,
            };
        }),
        ...confinementOf(service),
        ...hostAccessOf(service),
    };
    if (service.command !== undefined)
        run.command = service.command;
    if (service.healthcheck !== undefined)
        run.healthcheck = toEngineHealthcheck(service.healthcheck);
    else if (service.healthcheckDisabled)
        run.healthcheck = { test: ['NONE'] };
    // Podman gives a container its image's health check only when it creates the container itself: a
    // podman 5 remote client against a podman 4.3 service (a job container behind the host's socket)
    // creates it without one, and `healthcheck run` then says there is none. Stated, it is the same
    // check either way. (Docker applies the image's check in the daemon, and its CLI would run an
    // exec-form check through /bin/sh.)
    else if (plan.imageHealthcheck !== undefined && engine.kind === 'podman')
        run.healthcheck = plan.imageHealthcheck;
    if (signal.aborted)
        throw new Aborted();
    if (service.hostAccess !== undefined) {
        ctx.log.warning(`stack ${ctx.project}: ${service.name} runs with access to the host (allowed by allow-privileged): ${hostAccessText(service.hostAccess)}`);
    }
    await engine.run(run);
    plan.timing.startedAt = Date.now();
    const attached = (await engine.inspectContainer(plan.record.container)).networks;
    for (const n of [first, ...more]) {
        const ip = attached.find((a) => a.name === n?.name)?.ipAddress;
        if (n === undefined || ip === undefined)
            continue;
        const pinned = (ctx.hosts[n.name] ??= {});
        for (const name of n.aliases)
            pinned[name] = ip;
    }
    plan.started.resolve();
    ctx.log.info(`stack ${ctx.project}: started ${service.name} (${(0,src_reference/* pinnedReference */.ct)(service.image)}); readiness: ${plan.mode}`);
    await waitReady(ctx, plan);
    plan.timing.readyAt = Date.now();
    plan.status = 'ready';
    plan.ready.resolve();
}
/** What the stack file says about how the process runs: user, entrypoint, init, read-only, capabilities, tmpfs, restart. */
function confinementOf(service) {
    const run = {};
    if (service.entrypoint !== undefined)
        run.entrypoint = service.entrypoint;
    if (service.user !== undefined)
        run.user = service.user;
    if (service.workingDir !== undefined)
        run.workdir = service.workingDir;
    if (service.init)
        run.init = true;
    if (service.readOnly)
        run.readOnly = true;
    if (service.capDrop !== undefined && service.capDrop.length > 0)
        run.capDrop = service.capDrop;
    if (service.securityOpt !== undefined && service.securityOpt.length > 0)
        run.securityOpt = service.securityOpt;
    if (service.tmpfs !== undefined && service.tmpfs.length > 0)
        run.tmpfs = service.tmpfs;
    if (service.restart !== undefined)
        run.restart = service.restart;
    if (service.hostname !== undefined)
        run.hostname = service.hostname;
    if (service.memoryBytes !== undefined)
        run.memoryBytes = service.memoryBytes;
    if (service.cpus !== undefined)
        run.cpus = service.cpus;
    if (service.pidsLimit !== undefined)
        run.pidsLimit = service.pidsLimit;
    if (service.stopSignal !== undefined)
        run.stopSignal = service.stopSignal;
    if (service.stopGracePeriodS !== undefined)
        run.stopTimeoutS = service.stopGracePeriodS;
    return run;
}
/** What allow-privileged let the service have (the builder set `hostAccess` only when it was allowed). */
function hostAccessOf(service) {
    const access = service.hostAccess;
    if (access === undefined)
        return {};
    const run = {};
    if (access.privileged)
        run.privileged = true;
    if (access.capAdd !== undefined)
        run.capAdd = access.capAdd;
    if (access.devices !== undefined)
        run.devices = access.devices;
    if (access.pid !== undefined)
        run.pid = access.pid;
    if (access.ipc !== undefined)
        run.ipc = access.ipc;
    return run;
}
function toEngineHealthcheck(hc) {
    return {
        test: hc.test,
        intervalMs: hc.intervalMs,
        timeoutMs: hc.timeoutMs,
        retries: hc.retries,
        startPeriodMs: hc.startPeriodMs,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/stack/stack.ts
















/** `up` failed: a service exited, could not be started, or was not ready in time. */
class StackStartError extends Error {
    services;
    name = 'StackStartError';
    // Private, so that loggers which print an error's own fields do not dump the whole stack object.
    #partialStack;
    /**
     * @param partialStack the half-started stack: collect its bundle, then `down()` it
     * @param services the services the failure is about
     */
    constructor(partialStack, services, message, options) {
        super(message, options);
        this.services = services;
        this.#partialStack = partialStack;
    }
    /** The half-started stack: collect its bundle, then `down()` it. */
    get partialStack() {
        return this.#partialStack;
    }
}
/**
 * A running stack. Make one with {@link Stack.up}, or find one again with {@link Stack.attach}.
 */
class Stack {
    project;
    engine;
    services;
    volumes;
    /** Per-service timestamps of the `up` that made this instance (empty after `attach`). */
    timings = {};
    /**
     * Every service as the last readiness check of the `up` that made this instance saw it (start
     * order), so that a caller can start its tests without another {@link inspect} of every
     * container; undefined after `attach` or a failed `up`. Names, URLs, published ports and aliases
     * do not change while a container lives; `status`/`health` are those of that check.
     */
    readyStatuses;
    /** The text of the secrets the stack mounts (from the `up` that made it): redacted from its bundles. */
    secrets = [];
    constructor(project, engine, services, volumes, networks = []) {
        this.project = project;
        this.engine = engine;
        this.services = services;
        this.volumes = volumes;
        this.networks = networks.length > 0 ? networks : [stackNetworkName(project)];
    }
    /**
     * The stack's engine networks, its first network first: `dl-<project>-net` for a stack with one
     * network, `dl-<project>-<network>` for each of several.
     */
    networks;
    /** The stack's first network (its only one, unless the file names several). */
    get network() {
        return this.networks[0];
    }
    /**
     * `run` options that put a container on every network of the stack (test and browser containers
     * address any service by name).
     */
    get joinAll() {
        return joinNetworks(this.networks);
    }
    /** Service names in start order. */
    get serviceNames() {
        return [...this.services].sort((a, b) => a.order - b.order).map((s) => s.name);
    }
    /**
     * Creates the network and volumes, starts the services in dependency order and waits until each
     * is ready (see {@link ReadinessMode}; `condition: service_healthy` waits for the dependency's
     * health check). Services without dependencies between them start concurrently. Before each
     * poll (every `pollMs`) the health check is run via `engine.runHealthcheck`: with podman that runs
     * it now, not on the check's `interval` (without systemd podman would never run it); docker runs
     * checks itself on their `interval`, so keep it short there.
     *
     * `up` never removes what it created: on failure the thrown {@link StackStartError} carries the
     * stack as `partialStack`, so the caller can `collectBundle` (logs of the failing service) and
     * then `down` (or a later process can `Stack.attach` it by project).
     *
     * @throws StackStartError when a service cannot be started, exits (naming it, its exit code and
     *   its last log lines), or not every service is ready within `timeoutMs` (naming those that are
     *   not and what each was doing)
     * @throws Error for a bad project name, a dependency cycle, a `service_healthy` dependency without
     *   a health check, or a service that needs a network probe when no `probeImage` was given
     */
    static async up(opts) {
        const { project, engine, spec } = opts;
        if (!stack_names/* STACK_NAME_PATTERN */.K.test(project)) {
            throw new Error(`stack project name ${JSON.stringify(project)} must match ${stack_names/* STACK_NAME_PATTERN */.K.source}`);
        }
        const log = opts.log ?? silentLog;
        const prefix = opts.volumePrefix ?? project;
        const order = startOrder(spec);
        const labels = { ...opts.labels, [STACK_LABEL]: project };
        const images = await resolveImages(engine, spec, log);
        const plans = planServices(spec, order, images, { project, probeImage: opts.probeImage });
        const volumes = spec.volumes.map((v) => volumeName(prefix, v));
        const declared = spec.networks ?? [];
        const networkNames = stackNetworkNames(project, declared.map((n) => n.name));
        const stack = new Stack(project, engine, [...plans.values()].map((p) => p.record), volumes, [...new Set(networkNames.values())]);
        log.info(`stack ${project}: network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}, services ${order.map((s) => s.name).join(' → ')}`);
        for (const warning of hostAccessWarnings(project, spec.allow))
            log.warning(warning);
        let startedAt = 0;
        await carryingStack(stack, async () => {
            const networks = declared.length === 0
                ? [{ name: stack.network }]
                : declared.map((n) => ({ ...n, name: networkNames.get(n.name) }));
            await prepareHostFiles(project, spec);
            stack.secrets = secretTexts(spec);
            await createResources(stack, networks, volumes, labels);
            const staged = engine.files === 'copy' ? await stageHostMounts(engine, project, spec, labels) : undefined;
            opts.onStarting?.(stack);
            startedAt = Date.now();
            await startServices({
                project,
                engine,
                plans,
                labels,
                network: stack.network,
                networks: networkNames,
                prefix,
                pollMs: opts.readiness?.pollMs ?? 100,
                probeMs: opts.readiness?.probeMs ?? 25,
                probeImage: opts.probeImage,
                log,
                hosts: {},
                ...(staged !== undefined ? { staged } : {}),
            }, opts.readiness?.timeoutMs ?? 120_000);
        });
        for (const plan of plans.values())
            stack.timings[plan.spec.name] = plan.timing;
        const seen = [...plans.values()];
        if (seen.every((p) => p.lastInfo !== undefined)) {
            stack.readyStatuses = seen.map((p) => stack.statusOf(p.record, p.lastInfo));
        }
        log.info(`stack ${project}: all ${plans.size} services ready after ${waiting_formatMs(Date.now() - startedAt)}`);
        return stack;
    }
    /**
     * Finds a stack started earlier (possibly by another process) by its labels.
     * @param _opts.exec ignored (see {@link StackUpOptions.exec})
     * @throws Error when no container, network or volume carries the project's label
     */
    static async attach(project, engine, _opts = {}) {
        const label = `${STACK_LABEL}=${project}`;
        const services = await findServiceRecords(project, engine);
        const volumes = await engine.volumeList({ label });
        const networks = await engine.networkList({ label });
        // A stack that failed before its first container still has a network (and volumes) to clean up.
        if (services.length === 0 && volumes.length === 0 && networks.length === 0) {
            throw new Error(`no stack "${project}": no container, network or volume has the label ${label}`);
        }
        const single = stackNetworkName(project);
        const ordered = networks.includes(single) ? [single] : networks.sort();
        return new Stack(project, engine, services, volumes, ordered);
    }
    /** Current state of every service (start order). */
    async inspect() {
        return Promise.all(this.ordered().map(async (s) => this.statusOf(s, await this.engine.inspectContainer(s.container))));
    }
    /**
     * Name → IP of every running service (service names and aliases, on the first of the stack's
     * networks it is on), for the `hosts` of containers that join every network of the stack later
     * (test and browser containers, {@link joinAll}): /etc/hosts
     * entries do not depend on the engine's DNS server, which podman 4.3's aardvark-dns answers late
     * while other networks are created or removed.
     */
    async hosts() {
        const hosts = {};
        for (const status of await this.inspect()) {
            if (status.ipAddress === undefined || !status.running)
                continue;
            for (const name of status.aliases)
                hosts[name] = status.ipAddress;
        }
        return hosts;
    }
    /**
     * The internal URL (`http://<service>:<port>`, as {@link inspect} reports it in `urls.internal`) of
     * every service (start order), from the stack alone: known before any container runs.
     */
    internalUrls() {
        return this.ordered().map((s) => s.port !== undefined ? { service: s.name, url: `http://${s.name}:${s.port}` } : { service: s.name });
    }
    ordered() {
        return [...this.services].sort((a, b) => a.order - b.order);
    }
    statusOf(s, info) {
        return serviceStatus(this.networks, s, info);
    }
    /**
     * Checks that every service container runs exactly the image its digest names: the container's
     * image id must be the local image that the digest reference resolves to, that image must list
     * the digest among its repo digests, and the engine's digest for the container (when it knows
     * one) must be that digest.
     * @throws RunningDigestMismatchError listing every service that runs something else
     */
    async verifyDigests() {
        const problems = [];
        for (const s of this.ordered()) {
            const expected = (0,src_reference/* parseReference */.F2)(s.image).digest;
            try {
                const info = await this.engine.inspectContainer(s.container);
                const image = await this.engine.inspectImage(s.image);
                if (expected === undefined)
                    problems.push(`${s.name}: its stack image ${s.image} has no digest`);
                else if (info.image !== image.id) {
                    problems.push(`${s.name}: container ${s.container} runs image ${info.image}, but ${s.image} is ${image.id}`);
                }
                else if (!image.digests.some((d) => d.endsWith(`@${expected}`))) {
                    problems.push(`${s.name}: image ${image.id} does not carry digest ${expected} (it has ${image.digests.join(', ') || 'none'})`);
                }
                else if (info.imageDigest !== undefined && info.imageDigest !== expected) {
                    problems.push(`${s.name}: the engine reports digest ${info.imageDigest}, expected ${expected}`);
                }
            }
            catch (err) {
                problems.push(`${s.name}: cannot check (${(0,src_errors/* errorMessage */.gJ)(err)})`);
            }
        }
        if (problems.length > 0) {
            throw new RunningDigestMismatchError(`stack ${this.project}: containers do not run the given digests:\n${problems.join('\n')}`);
        }
    }
    /**
     * Writes a diagnostics bundle into `dir`: per container `<name>.stdout.log`, `<name>.stderr.log`
     * and `<name>.inspect.json` (the engine's raw inspect), plus `network.json` (aliases and IPs of
     * every container on the stack network) and `services.json` (`inspect()` and timings).
     * Values of env variables named like *PASSWORD*, *TOKEN*, *SECRET*, *KEY* and every string in
     * `redact` are replaced by `***` in every file (logs included).
     * Never throws for one container: a failure is written into the bundle as `errors.txt`.
     * @returns the files written
     */
    async collectBundle(dir, opts = {}) {
        return collectBundle({
            project: this.project,
            networks: this.networks,
            engine: this.engine,
            services: this.services,
            timings: this.timings,
        }, dir, { ...opts, redact: [...(opts.redact ?? []), ...this.secrets] });
    }
    /**
     * Removes the stack: every container with its label (stopped in reverse start order, then
     * removed), its networks, anonymous volumes (`volumes: 'anonymous'`, the default) and also the
     * named volumes (`'all'`); `'none'` keeps every volume. Idempotent: what is already gone is fine.
     * Tries everything before failing.
     * @param opts.stopTimeoutS grace period per container before it is killed (default 10; 0 kills at once)
     * @throws CleanupError listing everything that could not be removed
     */
    async down(opts = {}) {
        const mode = opts.volumes ?? 'anonymous';
        const stopTimeoutS = opts.stopTimeoutS ?? 10;
        const label = `${STACK_LABEL}=${this.project}`;
        const errors = [];
        const attempt = async (what, fn) => {
            try {
                await fn();
            }
            catch (err) {
                if (!isGone(err))
                    errors.push(`${what}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
            }
        };
        let containers = [];
        await attempt('listing containers', async () => {
            containers = await this.engine.containerList({ label, all: true });
        });
        const orderOf = (name) => this.services.find((s) => s.container === name)?.order ?? -1;
        containers.sort((a, b) => orderOf(b.name) - orderOf(a.name));
        for (const c of containers) {
            if (stopTimeoutS > 0)
                await attempt(`stopping ${c.name}`, () => this.engine.stop(c.id, stopTimeoutS));
            await attempt(`removing ${c.name}`, () => this.engine.remove(c.id, { force: true, volumes: mode !== 'none' }));
        }
        let networks = [];
        await attempt('listing networks', async () => {
            networks = await this.engine.networkList({ label });
        });
        for (const network of new Set([...networks, ...this.networks])) {
            await attempt(`removing network ${network}`, () => this.engine.networkRemove(network));
        }
        let volumes = [];
        await attempt('listing volumes', async () => {
            volumes = await this.engine.volumeList({ label });
        });
        // Copies of our files (copy mode) are no data of the stack's: they go whatever is kept.
        let staged = [];
        if (mode !== 'all') {
            await attempt('listing staged volumes', async () => {
                staged = await stagedAmong(this.engine, volumes);
            });
        }
        for (const volume of staged) {
            await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
        }
        if (mode === 'all') {
            for (const volume of new Set([...volumes, ...this.volumes])) {
                await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
            }
        }
        await attempt('removing the stack files', () => removeHostFiles(this.project));
        if (errors.length > 0) {
            throw new src_errors/* CleanupError */.pJ(`stack ${this.project}: cleanup left resources behind:\n${errors.join('\n')}`);
        }
    }
}
/**
 * Runs the start of `stack`'s resources and services; a {@link ServiceStartFailure} leaves as a
 * {@link StackStartError} that carries the half-started stack, for the caller to bundle and remove.
 */
async function carryingStack(stack, start) {
    try {
        await start();
    }
    catch (err) {
        if (!(err instanceof ServiceStartFailure))
            throw err;
        const options = err.cause !== undefined ? { cause: err.cause } : undefined;
        throw new StackStartError(stack, err.services, err.message, options);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/deploy/deployments.ts
/**
 * Queries over the ledger's records, grouped per deployment (pure): which deployment is live,
 * which are pending, which one a rollback goes back to, and how a new deployment is named.
 */

/** Final statuses after which a deployment's digests are known good. */
const GOOD = new Set(['verified', 'rolled-back']);
/** Groups records by deployment id, in order of first appearance (pure). */
function deploymentsOf(records) {
    const byId = new Map();
    for (const r of records) {
        let entry = byId.get(r.id);
        if (entry === undefined) {
            entry = { id: r.id, latest: r };
            byId.set(r.id, entry);
        }
        if (r.status === 'started')
            entry.started ??= r;
        else
            entry.final = r;
        entry.latest = entry.final ?? r;
    }
    return [...byId.values()];
}
/** The deployment whose digests should be live: the most recent one that verified (pure). */
function currentDeployment(records) {
    return deploymentsOf(records)
        .filter((d) => d.final !== undefined && GOOD.has(d.final.status))
        .at(-1);
}
/** Deployments that verified, oldest first (pure). */
function verifiedDeployments(records) {
    return deploymentsOf(records).filter((d) => d.final !== undefined && GOOD.has(d.final.status));
}
/** Deployments with a `started` record and no final record, oldest first (pure). */
function pendingDeployments(records) {
    return deploymentsOf(records).filter((d) => d.final === undefined && d.started !== undefined);
}
function sameDigests(a, b) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}
/**
 * The deployment a manual rollback goes back to (pure): `to` when given (it must have verified),
 * else the most recent verified deployment before the current one whose digests differ from the
 * current digests (rolling back to what already runs would change nothing).
 *
 * @throws Error when `to` is unknown or never verified, or there is nothing to roll back to
 */
function rollbackTarget(records, to) {
    const verified = verifiedDeployments(records);
    if (to !== undefined && to !== '') {
        const all = deploymentsOf(records);
        const entry = all.find((d) => d.id === to);
        if (entry === undefined) {
            throw new Error(`deployment ${JSON.stringify(to)} is not in the ledger (${all.length} deployments)`);
        }
        if (!verified.some((v) => v.id === entry.id)) {
            throw new Error(`deployment ${to} ended ${entry.latest.status}; only a deployment that verified can be rolled back to`);
        }
        return entry;
    }
    const current = verified.at(-1);
    if (current === undefined)
        throw new Error('no deployment has verified yet: there is nothing to roll back to');
    const target = verified
        .slice(0, -1)
        .reverse()
        .find((d) => !sameDigests(d.latest.digests, current.latest.digests));
    if (target === undefined) {
        throw new Error(`no verified deployment before ${current.id} runs other digests: there is nothing to roll back to`);
    }
    return target;
}
/** A new deployment id: UTC time to the second plus 4 random hex digits, so ids sort by time. */
function newDeploymentId(now = new Date()) {
    const stamp = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `${stamp}-${(0,external_node_crypto_.randomBytes)(2).toString('hex')}`;
}

// EXTERNAL MODULE: ./packages/core/src/deploy/health.ts
var health = __webpack_require__(882);
;// CONCATENATED MODULE: ./packages/core/src/deploy/metrics.ts
/**
 * Prometheus text-format metrics of the last deployment, written as a file for node_exporter's
 * textfile collector (or any scraper that reads files). The file is replaced atomically (write a
 * temporary file in the same directory, fsync, rename), so a scrape never sees half a file.
 */



/** Results a deployment run ends with. */
const DEPLOY_RESULTS = ['deployed', 'rolled-back', 'failed'];
/** Escapes a label value (backslash, double quote, newline), as the text format requires. */
function escapeLabel(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function labels(pairs) {
    return `{${Object.entries(pairs)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',')}}`;
}
function seconds(ms) {
    return String(Math.round(ms) / 1000);
}
/** Renders the metrics (pure). */
function renderMetrics(input) {
    const env = { environment: input.environment };
    const out = [];
    const family = (name, type, help, samples) => {
        out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
    };
    family('digestline_deploy_duration_seconds', 'gauge', 'Duration of the last deployment run by phase.', [
        `digestline_deploy_duration_seconds${labels({ ...env, phase: 'deploy' })} ${seconds(input.deployMs)}`,
        `digestline_deploy_duration_seconds${labels({ ...env, phase: 'soak' })} ${seconds(input.soakMs)}`,
        `digestline_deploy_duration_seconds${labels({ ...env, phase: 'total' })} ${seconds(input.deployMs + input.soakMs)}`,
    ]);
    family('digestline_deploy_result', 'gauge', 'Result of the last deployment run: 1 for the result it had, 0 for the others.', DEPLOY_RESULTS.map((r) => `digestline_deploy_result${labels({ ...env, result: r })} ${r === input.result ? 1 : 0}`));
    family('digestline_deploy_info', 'gauge', 'Digest each service of the environment runs after the last deployment run.', Object.entries(input.services)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, digest]) => `digestline_deploy_info${labels({ ...env, service, digest })} 1`));
    if (input.lastSuccess !== undefined) {
        family('digestline_deploy_last_success_timestamp_seconds', 'gauge', 'Unix time the last deployment or rollback of the environment verified.', [
            `digestline_deploy_last_success_timestamp_seconds${labels(env)} ${Math.floor(input.lastSuccess.getTime() / 1000)}`,
        ]);
    }
    if (input.totals !== undefined) {
        family('digestline_deployments_total', 'counter', 'Deployments recorded in the ledger, by final status.', Object.entries(input.totals)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([status, n]) => `digestline_deployments_total${labels({ ...env, status })} ${n}`));
    }
    return `${out.join('\n')}\n`;
}
/** Replaces `path` with `text` atomically (temporary file in the same directory, fsync, rename). */
async function writeFileAtomic(path, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    const handle = await (0,promises_.open)(tmp, 'w', 0o644);
    try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    try {
        await (0,promises_.rename)(tmp, path);
    }
    catch (err) {
        await (0,promises_.unlink)(tmp).catch(() => undefined);
        throw err;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./packages/core/src/deploy/ledger-record.ts
/**
 * What one line of the deployment ledger (`ledger.jsonl`) holds, and how ledger text is read back
 * into records (pure). Writing, locking and the queries over deployments live beside it
 * (ledger.ts, ledger-lock.ts, deployments.ts).
 */

/** Ledger file name inside the state directory. */
const LEDGER_FILE = 'ledger.jsonl';
/** Where torn fragments are copied to (one JSON line per fragment). */
const TORN_FILE = 'ledger.torn.jsonl';
/**
 * Status a record gives its deployment. `started` comes first; exactly one final status follows:
 * `verified` (deployed, digests checked, soak passed), `failed`, `rolled-back` (a rollback that
 * verified its target), or `interrupted` (a later run found the `started` record orphaned).
 */
const DEPLOYMENT_STATUSES = ['started', 'verified', 'failed', 'rolled-back', 'interrupted'];
/** True for a plain JSON object (not null, not an array). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Checks one parsed ledger line.
 *
 * @throws Error naming the first field that is missing or malformed
 */
function parseLedgerRecord(value) {
    if (!isRecord(value))
        throw new Error('not a JSON object');
    for (const field of ['id', 'time', 'environment', 'commit', 'runUrl']) {
        if (typeof value[field] !== 'string' || value[field] === '')
            throw new Error(`${field} is missing`);
    }
    if (value.kind !== 'deploy' && value.kind !== 'rollback')
        throw new Error('kind is not deploy/rollback');
    if (!DEPLOYMENT_STATUSES.includes(value.status)) {
        throw new Error(`status ${JSON.stringify(value.status)} is not one of ${DEPLOYMENT_STATUSES.join(', ')}`);
    }
    if (!isRecord(value.digests) || !Object.values(value.digests).every((d) => typeof d === 'string')) {
        throw new Error('digests is not a map of name to reference');
    }
    if (!isRecord(value.durations))
        throw new Error('durations is missing');
    return value;
}
/**
 * Splits ledger text into records and unreadable lines (pure). Text after the last newline is the
 * torn tail; it is not parsed even when it happens to be valid JSON, since its write never finished.
 */
function parseLedger(text) {
    const contents = { records: [], unreadable: [] };
    const end = text.lastIndexOf('\n');
    const complete = end < 0 ? '' : text.slice(0, end);
    const tail = text.slice(end + 1);
    if (tail !== '')
        contents.tornTail = tail;
    if (end < 0)
        return contents;
    complete.split('\n').forEach((line, index) => {
        if (line.trim() === '')
            return;
        try {
            contents.records.push(parseLedgerRecord(JSON.parse(line)));
        }
        catch (err) {
            contents.unreadable.push({ line: index + 1, text: line, reason: (0,src_errors/* errorMessage */.gJ)(err) });
        }
    });
    return contents;
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/ledger-lock.ts
/**
 * The writers' lock of a ledger: `ledger.lock`, created with `O_EXCL` and holding the owner's pid and
 * host. A lock whose owner is gone is taken over (see {@link acquireLock}).
 */






/** The writers' lock file. */
const LOCK_FILE = 'ledger.lock';
/** Whether a process with this pid exists on this host (EPERM means it exists but is not ours). */
function processAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/**
 * Takes the writers' lock at `lockPath` (its directory must exist): creates it with `O_EXCL`,
 * holding pid, host and time. When it exists, its owner is checked: a pid that no longer runs on
 * this host (a killed run) makes the lock stale and it is taken over at once; a live owner is
 * waited for up to `timeoutMs`; an owner on another host is waited for until its lock is older
 * than `foreignStaleMs`.
 *
 * @throws Error naming the owner when the lock could not be had in time
 */
async function acquireLock(lockPath, opts) {
    const timeoutMs = opts.timeoutMs ?? 600_000;
    const pollMs = opts.pollMs ?? 250;
    const foreignStaleMs = opts.foreignStaleMs ?? 6 * 3600_000;
    const deadline = Date.now() + timeoutMs;
    const owner = {
        pid: process.pid,
        hostname: (0,external_node_os_.hostname)(),
        since: new Date().toISOString(),
        purpose: opts.purpose,
    };
    const text = `${JSON.stringify(owner)}\n`;
    let announced = false;
    for (;;) {
        try {
            const handle = await (0,promises_.open)(lockPath, promises_.constants.O_WRONLY | promises_.constants.O_CREAT | promises_.constants.O_EXCL, 0o644);
            try {
                await handle.write(text);
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            return { owner, release: () => releaseLock(lockPath, text) };
        }
        catch (err) {
            if (err.code !== 'EEXIST') {
                throw new Error(`cannot create the lock ${lockPath}: ${(0,src_errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
        }
        const held = await readLock(lockPath);
        if (held !== undefined) {
            const stale = staleness(held, foreignStaleMs);
            if (stale !== undefined) {
                if (await takeOver(lockPath, held.raw)) {
                    opts.log?.info(`ledger lock: took over a stale lock (${stale})`);
                }
                continue;
            }
            if (Date.now() >= deadline) {
                throw new Error(`the ledger lock ${lockPath} is held by ${describeOwner(held.owner)}; gave up after ${Math.round(timeoutMs / 1000)}s`);
            }
            if (!announced) {
                opts.log?.info(`ledger lock: waiting for ${describeOwner(held.owner)}`);
                announced = true;
            }
        }
        await (0,external_node_timers_promises_.setTimeout)(pollMs);
    }
}
async function readLock(lockPath) {
    try {
        const [raw, info] = await Promise.all([(0,promises_.readFile)(lockPath, 'utf8'), (0,promises_.stat)(lockPath)]);
        let owner;
        try {
            const parsed = JSON.parse(raw);
            if (isRecord(parsed) && typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
                owner = parsed;
            }
        }
        catch {
            // An owner killed between creating and writing the file leaves it empty or partial.
        }
        return owner !== undefined ? { owner, raw, mtimeMs: info.mtimeMs } : { raw, mtimeMs: info.mtimeMs };
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
/** Why the lock is stale, or undefined when its owner may still be working. */
function staleness(held, foreignStaleMs) {
    const age = Date.now() - held.mtimeMs;
    if (held.owner === undefined)
        return age > 10_000 ? 'unreadable lock file older than 10s' : undefined;
    if (held.owner.hostname === (0,external_node_os_.hostname)()) {
        return processAlive(held.owner.pid) ? undefined : `${describeOwner(held.owner)} no longer runs`;
    }
    return age > foreignStaleMs
        ? `${describeOwner(held.owner)} is older than ${foreignStaleMs / 1000}s`
        : undefined;
}
/**
 * Moves a stale lock out of the way. Two runs may judge the same lock stale: the rename is atomic,
 * so only one moves it; if what we moved is not the lock we judged (another run already replaced
 * it with its own), it is put back with link(), which fails rather than overwrite a newer lock.
 */
async function takeOver(lockPath, judged) {
    const aside = `${lockPath}.stale-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    try {
        await (0,promises_.rename)(lockPath, aside);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
    const moved = await (0,promises_.readFile)(aside, 'utf8').catch(() => '');
    if (moved !== judged) {
        await (0,promises_.link)(aside, lockPath).catch(() => undefined);
        await (0,promises_.unlink)(aside).catch(() => undefined);
        return false;
    }
    await (0,promises_.unlink)(aside).catch(() => undefined);
    return true;
}
/** Removes the lock file, only if it still holds what we wrote (a taken-over lock is not ours). */
async function releaseLock(lockPath, text) {
    const current = await (0,promises_.readFile)(lockPath, 'utf8').catch(() => undefined);
    if (current === text)
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
}
function describeOwner(owner) {
    if (owner === undefined)
        return 'an unknown owner';
    return `pid ${owner.pid} on ${owner.hostname} (${owner.purpose}, since ${owner.since})`;
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/ledger.ts
/**
 * The deployment ledger of one environment: `<state-dir>/ledger.jsonl`, one JSON record per line,
 * append-only.
 *
 * Durability: each record is one `write()` of a complete line to a descriptor opened with
 * `O_APPEND`, then `fsync`. The file is never rewritten in place (write-new-and-rename would also
 * be atomic, but it rewrites every earlier entry on every deployment: a bug or a full disk there
 * can lose history, an append cannot). A crash can at worst leave the last line torn (a write cut
 * short); the next writer notices the missing newline, copies the fragment to
 * `ledger.torn.jsonl` and terminates it with a newline, so the fragment stays where it was (readers
 * report it as unreadable) and later records start on a line of their own.
 *
 * Writers are serialised by `ledger.lock`, created with `O_EXCL` and holding the owner's pid and
 * host; a lock whose owner is gone is taken over (see ledger-lock.ts).
 *
 * The record format lives in ledger-record.ts, the queries over deployments in deployments.ts and
 * the lock in ledger-lock.ts.
 */






async function fsyncDir(dir) {
    let handle;
    try {
        handle = await (0,promises_.open)(dir, promises_.constants.O_RDONLY);
        await handle.sync();
    }
    catch {
        // Some filesystems refuse fsync on directories; the data itself is synced already.
    }
    finally {
        await handle?.close();
    }
}
/**
 * The ledger of one environment, in `stateDir`. Reads need no lock (every line is written whole);
 * appends must happen while holding {@link Ledger.lock}.
 */
class Ledger {
    stateDir;
    constructor(stateDir) {
        this.stateDir = stateDir;
    }
    /** Path of `ledger.jsonl`. */
    get path() {
        return (0,external_node_path_.join)(this.stateDir, LEDGER_FILE);
    }
    /** Path of the lock file. */
    get lockPath() {
        return (0,external_node_path_.join)(this.stateDir, LOCK_FILE);
    }
    /** Reads and parses the whole ledger; a missing file is an empty ledger. */
    async read() {
        let text;
        try {
            text = await (0,promises_.readFile)(this.path, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return { records: [], unreadable: [] };
            throw new Error(`cannot read the ledger ${this.path}: ${(0,src_errors/* errorMessage */.gJ)(err)}`, { cause: err });
        }
        return parseLedger(text);
    }
    /**
     * Appends one record: a single `write()` of the complete line (O_APPEND), then `fsync`. A torn
     * tail left by a crash is set aside first (see {@link Ledger.setAsideTornTail}).
     *
     * @throws Error when the write is short or fails (the line may then be torn; the next append sets it aside)
     */
    async append(record) {
        parseLedgerRecord(record);
        await (0,promises_.mkdir)(this.stateDir, { recursive: true });
        await this.setAsideTornTail();
        const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
        let created = false;
        try {
            await (0,promises_.stat)(this.path);
        }
        catch {
            created = true;
        }
        const handle = await (0,promises_.open)(this.path, promises_.constants.O_WRONLY | promises_.constants.O_APPEND | promises_.constants.O_CREAT, 0o644);
        try {
            const { bytesWritten } = await handle.write(line, 0, line.length);
            if (bytesWritten !== line.length) {
                throw new Error(`short write to ${this.path}: ${bytesWritten} of ${line.length} bytes`);
            }
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        if (created)
            await fsyncDir(this.stateDir);
    }
    /**
     * When the ledger does not end with a newline (a write cut short by a crash), copies the fragment
     * to `ledger.torn.jsonl` (with the time and its byte offset) and appends the newline that ends it.
     * The fragment itself stays in the ledger as an unreadable line; nothing is dropped or rewritten.
     *
     * @returns the fragment, when there was one
     */
    async setAsideTornTail() {
        let handle;
        try {
            handle = await (0,promises_.open)(this.path, promises_.constants.O_RDWR | promises_.constants.O_APPEND);
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return undefined;
            throw err;
        }
        try {
            const { size } = await handle.stat();
            if (size === 0)
                return undefined;
            const last = Buffer.alloc(1);
            await handle.read(last, 0, 1, size - 1);
            if (last[0] === 0x0a)
                return undefined;
            // The fragment is at most one record long; read back far enough to find its line start.
            const window = Math.min(size, 1024 * 1024);
            const buf = Buffer.alloc(window);
            await handle.read(buf, 0, window, size - window);
            const nl = buf.lastIndexOf(0x0a);
            const fragment = buf.subarray(nl + 1).toString('utf8');
            const offset = size - (window - nl - 1);
            const aside = await (0,promises_.open)((0,external_node_path_.join)(this.stateDir, TORN_FILE), promises_.constants.O_WRONLY | promises_.constants.O_APPEND | promises_.constants.O_CREAT, 0o644);
            try {
                const entry = `${JSON.stringify({ detectedAt: new Date().toISOString(), offset, fragment })}\n`;
                await aside.write(entry);
                await aside.sync();
            }
            finally {
                await aside.close();
            }
            await handle.write(Buffer.from('\n'));
            await handle.sync();
            return fragment;
        }
        finally {
            await handle.close();
        }
    }
    /**
     * Takes the writers' lock (`ledger.lock`, see {@link acquireLock}): a stale lock of a killed run is
     * taken over, a live owner is waited for.
     *
     * @throws Error naming the owner when the lock could not be had in time
     */
    async lock(opts) {
        await (0,promises_.mkdir)(this.stateDir, { recursive: true });
        return acquireLock(this.lockPath, opts);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/options.ts


/** Label put on everything of an environment's stack, next to the stack's own labels. */
const ENVIRONMENT_LABEL = 'dev.digestline.environment';
/**
 * Checks the environment name and applies the defaults.
 *
 * @throws Error when the environment cannot name containers and volumes
 */
function options_resolve(o) {
    if (!stack_names/* STACK_NAME_PATTERN */.K.test(o.environment)) {
        throw new Error(`environment ${JSON.stringify(o.environment)} must match ${stack_names/* STACK_NAME_PATTERN */.K.source} (it names containers and volumes)`);
    }
    return {
        log: o.log,
        ledger: new Ledger(o.stateDir),
        runUrl: o.runUrl ?? 'unknown',
        soakIntervalMs: o.soakIntervalMs ?? 1000,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/user-code.ts
/**
 * Keeping the signing key out of reach of the user's code (fast-check's checks, integration-test's
 * test command) when that code runs on the runner itself.
 *
 * The key arrives in the action's environment (`INPUT_SIGNING-KEY`). Scrubbing the child's env is
 * not enough: a process of the same uid reads the action's initial environment from
 * `/proc/<pid>/environ`, which node cannot clear. So, with a key, user code on the runner runs as
 * an unprivileged uid (when we are root), or not at all (when we are not), unless the workflow says
 * in so many words that it accepts the risk. In a container the code has its own PID namespace and
 * only the env and mounts we give it; {@link userEnvironment} is applied there too.
 */




/** The uid:gid user code runs as on the runner when we are root and a key is given (nobody:nogroup). */
const UNPRIVILEGED_USER = { uid: 65534, gid: 65534 };
/** Name of the evidence check that records how user code was kept from the key. */
const KEY_ISOLATION_CHECK = 'signing key isolation';
/**
 * Variables no user code gets, in any mode: the action's inputs (`INPUT_*`, the signing key among
 * them) and the runner's own plumbing (`ACTIONS_*`: runtime and cache tokens).
 */
function isActionVariable(name) {
    const upper = name.toUpperCase();
    return upper.startsWith('INPUT_') || upper.startsWith('ACTIONS_');
}
/**
 * The distinctive parts of a PEM key: the whole PEM and each base64 line of its body (the
 * `-----BEGIN…` lines are the same in every key). A value holding any of them holds key material.
 */
function keyMaterial(pem) {
    const body = pem
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length >= 16 && !l.startsWith('-----'));
    return [pem.trim(), ...body].filter((s) => s !== '');
}
/**
 * The environment user code gets on the runner: `env` minus {@link isActionVariable} names and
 * minus any variable whose value holds key material (a workflow that also put the key in `env:`).
 * @param secrets PEM keys whose material must not pass (see {@link keyMaterial})
 */
function userEnvironment(env, secrets = []) {
    const material = secrets.flatMap(keyMaterial);
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || isActionVariable(name))
            continue;
        if (material.some((m) => value.includes(m)))
            continue;
        out[name] = value;
    }
    return out;
}
/**
 * Decides how user code that runs on the runner is kept from the signing key. Pure; call it before
 * anything runs.
 * @param uid this process's uid (`process.getuid()`); undefined where there are no uids (Windows)
 * @throws InputError naming the key input, the container input and the unsafe input when a key is
 *   given, we are not root, and the risk was not accepted
 */
function decideHostIsolation(o) {
    if (!o.signed)
        return { mode: 'no-key' };
    if (o.unsafe)
        return { mode: 'unsafe', uid: o.uid };
    if (o.uid === 0)
        return { mode: 'dropped', user: UNPRIVILEGED_USER };
    const who = o.uid === undefined ? 'this platform has no uids' : `this step runs as uid ${o.uid}, not root`;
    throw new InputError(o.inputs.key, `input "${o.inputs.key}" is set and the user's commands would run on the runner, where they could read the key ` +
        `(from /proc/<pid>/environ of this step, same uid); ${who}, so they cannot be run as another user. ` +
        `Set input "${o.inputs.container}" to run them in a container, or run the job as root (they then run as ` +
        `uid ${UNPRIVILEGED_USER.uid}), or set input "${o.inputs.unsafe}: true" to run them anyway ` +
        '(the evidence then records that the key was within their reach)');
}
/** Whether `user` may search (x) or write (w) `st` by its mode bits (ACLs are not read). */
function allowed(st, user, bit) {
    const shift = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
    return ((st.mode >> shift) & bit) !== 0;
}
/**
 * The first directory on the way to `dir` (itself included) that `user` cannot enter, or undefined.
 * Only mode bits are read: an ACL granting access is not seen.
 */
async function unreachableBy(dir, user) {
    const chain = [];
    for (let d = resolve(dir);; d = dirname(d)) {
        chain.unshift(d);
        if (dirname(d) === d)
            break;
    }
    for (const d of chain) {
        const st = await lstat(d);
        if (!allowed(st, user, 1))
            return d;
    }
    return undefined;
}
/** Whether `user` may create files in `dir` (mode bits only). */
async function writableBy(dir, user) {
    const st = await lstat(dir);
    return allowed(st, user, 2) && allowed(st, user, 1);
}
/**
 * Readies {@link UNPRIVILEGED_USER}-like `user` to run commands in `dirs`: every dir must be
 * reachable (else an InputError naming the key input says which directory and the ways out), a
 * fresh HOME owned by it is made under the system temp dir, and a workspace it cannot write gives
 * a warning (`npm ci` and the like will fail there with EACCES).
 */
async function prepareHostUser(user, dirs, inputs) {
    const ways = `Run them in a container (input "${inputs.container}"), make the path searchable for that uid ` +
        `(e.g. chmod o+x on it), or set "${inputs.unsafe}: true" to run them as this step's user`;
    for (const dir of new Set(dirs.cwds)) {
        const blocked = await unreachableBy(dir, user);
        if (blocked !== undefined) {
            throw new InputError(inputs.key, `input "${inputs.key}" is set, so the user's commands run as uid ${user.uid}:${user.gid} (they must not read ` +
                `the key from this step's /proc entries), but that uid cannot enter ${blocked} on the way to ${dir}. ${ways}.`);
        }
    }
    const warnings = [];
    if (!(await writableBy(dirs.workspace, user))) {
        warnings.push(`the workspace ${dirs.workspace} is not writable by uid ${user.uid}:${user.gid}, which the commands run as ` +
            `because "${inputs.key}" is set: commands that write there (npm ci, coverage, build output) fail with ` +
            `EACCES. Run them in a container (input "${inputs.container}") or make the workspace writable for that uid.`);
    }
    const home = await mkdtemp(join(tmpdir(), 'digestline-home-'));
    await chown(home, user.uid, user.gid);
    return { user, home, warnings, cleanup: () => rm(home, { recursive: true, force: true }) };
}
/** One log line saying who the user's commands run as, and why. */
function describeHostIsolation(isolation, what) {
    switch (isolation.mode) {
        case 'no-key':
            return `${what} run on the runner as this step's user (no signing key given)`;
        case 'dropped':
            return (`${what} run on the runner as uid ${isolation.user.uid}:${isolation.user.gid} with a fresh HOME, ` +
                'so that they cannot read the signing key from this step (its env or /proc/<pid>/environ)');
        case 'unsafe':
            return (`UNSAFE: ${what} run on the runner as this step's uid${isolation.uid !== undefined ? ` (${isolation.uid})` : ''}: ` +
                'they can read the signing key from /proc/<pid>/environ of this step and sign anything with it. ' +
                'The evidence records this.');
    }
}
/**
 * The evidence check that records how user code on the runner was kept from the key: PASSED when it
 * ran as another uid, SKIPPED (with the reason) when the workflow accepted the risk; none without a key.
 */
function keyIsolationCheck(isolation, unsafeInput) {
    if (isolation.mode === 'dropped') {
        return {
            name: KEY_ISOLATION_CHECK,
            result: 'PASSED',
            durationMs: 0,
            detail: `user commands ran on the runner as uid ${isolation.user.uid}:${isolation.user.gid}, apart from the signer`,
        };
    }
    if (isolation.mode === 'unsafe') {
        return {
            name: KEY_ISOLATION_CHECK,
            result: 'SKIPPED',
            durationMs: 0,
            detail: `NOT ISOLATED (${unsafeInput}: true): user commands ran on the runner as the signer's uid and could read the signing key`,
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/compose/document.ts
/** Helpers the stack builder shares: key paths, and describing a wrong value in a message. */
/** `services.api.ports[0]`. */
function formatPath(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** A wrong value as a message names it: `a list`, `string "x"`, `nothing`. */
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    return `${typeof value} ${JSON.stringify(value)}`;
}
/** Whether `value` is a YAML map (as plain data). */
function document_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/image.ts
/**
 * Which image a service runs: its image set entry (by service name), its own digest reference, or
 * the digest its own tag was resolved to at start (stack/resolve.ts).
 */


/**
 * Every image set entry must name a service: an entry that names none is a typo that would
 * otherwise leave the image under test out of the stack.
 */
function checkImageSet(images, services, problems) {
    for (const entry of images) {
        if (services.includes(entry.name))
            continue;
        problems.error(['services'], `the images input has an entry ${JSON.stringify(entry.name)} but the file has no service of that name (services: ${services.join(', ') || 'none'}); images are injected by service name`);
    }
}
/**
 * The key a tag is resolved under: the fully qualified `registry/repository:tag` (`postgres:16` →
 * `docker.io/library/postgres:16`; no tag means `latest`, as docker and podman pull it).
 */
function tagReference(ref) {
    return (0,src_reference/* formatReference */.FH)({ registry: ref.registry, repository: ref.repository, tag: ref.tag ?? 'latest' });
}
/** A service's own tag: pinned to its resolved digest, or reported (to resolve, or refused). */
function taggedImage(name, text, ref, ctx) {
    const at = ['services', name, 'image'];
    const key = tagReference(ref);
    const shown = (0,src_reference/* familiarString */.Dq)({ ...ref, tag: ref.tag ?? 'latest' });
    if (ctx.requireDigests === true) {
        ctx.problems.error(at, `${JSON.stringify(text)} is a tag and the input require-digests is true: pin it by digest (${shown}@sha256:<hex>; skopeo inspect or docker buildx imagetools inspect prints it), or pass it in the images input (${name}=<repository>@sha256:<hex>)`);
        return undefined;
    }
    const digest = ctx.resolved?.get(key);
    if (digest === undefined) {
        ctx.tags.set(key, [...(ctx.tags.get(key) ?? []), name]);
        ctx.problems.warning(at, `${shown} is resolved to a digest at start; pin it (${shown}@sha256:…) to make the file say what runs`);
        return undefined;
    }
    ctx.problems.warning(at, `${shown} was resolved to ${digest} at start; pin it (${shown}@${digest}) to make the file say what runs`);
    return (0,src_reference/* pinImage */.nH)(name, { registry: ref.registry, repository: ref.repository, digest });
}
/**
 * The image service `name` runs. An image set entry named like the service wins over its `image:`
 * (and makes its `build:` irrelevant); otherwise its own `image:` pinned by digest
 * (`name:tag@sha256:…` is accepted: the digest wins, as with Docker), or its tag's digest as
 * resolved at start (an unresolved tag is recorded in `ctx.tags`, with a warning).
 * @returns undefined after reporting the problem, or while its tag is unresolved
 */
function serviceImage(name, service, ctx) {
    const { images, problems } = ctx;
    const at = ['services', name];
    const entry = images.find((e) => e.name === name);
    if (entry !== undefined)
        return entry;
    if (service.image === undefined) {
        problems.error(service.build === undefined ? at : [...at, 'build'], service.build === undefined
            ? `has neither image nor build: give it an image pinned by digest, or pass its image in the images input (${name}=<repository>@sha256:<hex>)`
            : `build-only service: pass its image in the images input (${name}=<repository>@sha256:<hex>); digestline runs images built and pushed before, it does not build`);
        return undefined;
    }
    if (typeof service.image !== 'string') {
        problems.error([...at, 'image'], 'must be an image reference');
        return undefined;
    }
    let ref;
    try {
        ref = (0,src_reference/* parseReference */.F2)(service.image.trim());
    }
    catch (err) {
        if (!(err instanceof src_errors/* ImageReferenceError */.rI))
            throw err;
        problems.error([...at, 'image'], err.message);
        return undefined;
    }
    if (service.build !== undefined) {
        problems.warning([...at, 'build'], 'not built: the image named by image runs as pinned (pass an image in the images input to run another)');
    }
    try {
        if (ref.digest === undefined)
            return taggedImage(name, service.image.trim(), ref, ctx);
        return (0,src_reference/* pinImage */.nH)(name, { registry: ref.registry, repository: ref.repository, digest: ref.digest });
    }
    catch (err) {
        if (!(err instanceof src_errors/* ImageReferenceError */.rI))
            throw err;
        problems.error([...at, 'image'], err.message);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/keys.ts
/**
 * What the stack builder does with each key of a normalised service: the table behind the
 * "Compose keys" section of docs/stack-format.md. A key missing here is an error naming it, so that
 * no key of a user's file is ever dropped without a word.
 */
const SUPPORTED = { kind: 'supported' };
/** Service keys and their rule. */
const SERVICE_KEY_RULES = {
    image: SUPPORTED,
    build: SUPPORTED,
    environment: SUPPORTED,
    command: SUPPORTED,
    entrypoint: SUPPORTED,
    ports: SUPPORTED,
    expose: SUPPORTED,
    healthcheck: SUPPORTED,
    depends_on: SUPPORTED,
    volumes: SUPPORTED,
    tmpfs: SUPPORTED,
    networks: SUPPORTED,
    user: SUPPORTED,
    working_dir: SUPPORTED,
    init: SUPPORTED,
    read_only: SUPPORTED,
    cap_drop: SUPPORTED,
    security_opt: SUPPORTED,
    restart: SUPPORTED,
    network_mode: SUPPORTED,
    // pid, ipc, privileged, cap_add, devices: refused unless allow-privileged (host-access.ts).
    pid: SUPPORTED,
    ipc: SUPPORTED,
    privileged: SUPPORTED,
    cap_add: SUPPORTED,
    devices: SUPPORTED,
    hostname: SUPPORTED,
    pids_limit: SUPPORTED,
    stop_signal: SUPPORTED,
    stop_grace_period: SUPPORTED,
    // mem_limit, cpus and deploy (resources.limits; the rest is swarm's): resources.ts.
    mem_limit: SUPPORTED,
    cpus: SUPPORTED,
    deploy: SUPPORTED,
    domainname: {
        kind: 'ignored',
        why: 'podman has no flag for it; set the whole name with hostname (db.example) if the service needs it',
    },
    // The normaliser has applied it: services outside the active profiles are gone.
    profiles: SUPPORTED,
    // Files mounted read-only (build/secrets.ts).
    secrets: SUPPORTED,
    configs: SUPPORTED,
    container_name: {
        kind: 'ignored',
        why: 'digestline names every container <project>-<service> so that parallel runs do not clash; other services reach it by its service name',
    },
    logging: {
        kind: 'ignored',
        why: 'logs stay with the engine’s default driver, where digestline reads them for the failure bundle',
    },
    stdin_open: { kind: 'ignored', why: 'services run detached, with no terminal or stdin attached' },
    tty: { kind: 'ignored', why: 'services run detached, with no terminal or stdin attached' },
    labels: {
        kind: 'ignored',
        why: 'labels are not applied: digestline labels containers itself (dev.digestline.*)',
    },
};
/** Top-level keys of the normalised model; `x-*` extensions are always allowed. */
const TOP_LEVEL_KEYS = ['name', 'services', 'networks', 'volumes', 'secrets', 'configs'];

;// CONCATENATED MODULE: ./packages/core/src/stack/build/problems.ts

/** The problems found so far; never throws, so that a file reports everything at once. */
class Problems {
    where;
    list = [];
    constructor(where) {
        this.where = where;
    }
    /** Something that stops the stack from starting. */
    error(path, message) {
        this.add('error', path, message);
    }
    /** Something the stack does differently from Compose, said once so nobody is surprised. */
    warning(path, message) {
        this.add('warning', path, message);
    }
    /** True when an error has been reported. */
    get hasErrors() {
        return this.list.some((p) => p.severity === 'error');
    }
    add(severity, path, message) {
        const { file, line } = this.where(path);
        const problem = { severity, file, path: formatPath(path), message };
        if (line !== undefined)
            problem.line = line;
        this.list.push(problem);
    }
}
/** `value` as a list of strings, or undefined when it is not one. */
function stringList(value) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/relations.ts

const CONDITIONS = [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
];
/** Reads `depends_on` (long syntax) of service `name`; `services` are the services of the file. */
function buildDependsOn(name, value, services, problems) {
    const at = ['services', name, 'depends_on'];
    if (value === undefined || value === null)
        return [];
    if (!document_isRecord(value)) {
        problems.error(at, `must be a map of service: {condition}, got ${describe(value)}`);
        return [];
    }
    const deps = [];
    for (const [service, options] of Object.entries(value)) {
        const where = [...at, service];
        const o = document_isRecord(options) ? options : {};
        const condition = o.condition ?? 'service_started';
        if (typeof condition !== 'string' || !CONDITIONS.includes(condition)) {
            problems.error([...where, 'condition'], `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`);
            continue;
        }
        const dep = { service, condition: condition };
        if (o.required === false)
            dep.required = false;
        if (o.restart === true) {
            problems.warning([...where, 'restart'], `ignored: digestline does not restart ${name} when ${service} restarts`);
        }
        if (service === name)
            problems.error(where, 'a service cannot depend on itself');
        else if (!services.includes(service) && dep.required !== false) {
            problems.error(where, `depends on ${JSON.stringify(service)}, which is not a service of the stack (services: ${services.join(', ')}); add required: false if it may be absent`);
        }
        else
            deps.push(dep);
    }
    return deps;
}
/**
 * Reads the networks of every service and checks each network is one the stack can create itself:
 * each becomes a network of the stack's own (kept apart from the others), so fixed addresses,
 * `external` networks and driver options are refused.
 */
function buildNetworks(model, problems) {
    const aliases = new Map();
    const perService = new Map();
    const used = [];
    for (const [name, service] of Object.entries(model.services)) {
        const at = ['services', name, 'networks'];
        const networks = document_isRecord(service.networks) ? service.networks : {};
        const joined = Object.keys(networks).map((network) => ({
            network,
            aliases: serviceAliases([...at, network], networks[network], problems),
        }));
        for (const j of joined)
            if (!used.includes(j.network))
                used.push(j.network);
        perService.set(name, joined);
        aliases.set(name, joined[0]?.aliases ?? []);
    }
    const specs = used.map((network) => checkNetwork(model, network, problems));
    const result = { aliases, services: new Map() };
    if (specs.length > 1) {
        result.services = perService;
        result.networks = specs;
    }
    else if (specs.length === 1 && specs[0]?.internal === true)
        result.networks = specs;
    return result;
}
function serviceAliases(at, options, problems) {
    if (!document_isRecord(options))
        return [];
    const aliases = [];
    for (const [key, value] of Object.entries(options)) {
        if (key === 'aliases' && Array.isArray(value)) {
            value.forEach((alias, i) => {
                if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
                    problems.error([...at, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
                }
                else if (!aliases.includes(alias))
                    aliases.push(alias);
            });
        }
        else if (key !== 'priority') {
            problems.error([...at, key], `${key} is not supported: the engine assigns addresses on the stack's own networks, so fixed addresses could collide with another run; address the service by name`);
        }
    }
    return aliases;
}
/**
 * What digestline does instead of a network's `name`, `driver`, `driver_opts`, `ipam` and `attachable`:
 * each network is a bridge of the stack's own, named per run, with addresses the engine picks.
 */
function networkNote(model, network, key, value, problems) {
    const at = ['networks', network, key];
    if (key === 'name') {
        // The normaliser names every network <project>_<network>; only a name the file gives is noted.
        if (model.name !== undefined && value !== `${model.name}_${network}`) {
            problems.warning(at, `ignored: digestline names each network per run (dl-<project>-${network}), so that parallel runs never share one`);
        }
    }
    else if (key === 'driver') {
        if (value === 'bridge')
            return;
        if (value === 'overlay') {
            problems.warning(at, 'overlay (swarm’s multi-host network) becomes a bridge: on one host each network of the stack is a bridge of its own, with the same separation between networks');
        }
        else {
            problems.error(at, `network driver ${JSON.stringify(value)} is not supported: each network of the stack is a bridge of its own, the same on podman and docker; use driver: bridge or leave driver out`);
        }
    }
    else if (key === 'ipam') {
        const trivial = !document_isRecord(value) ||
            Object.entries(value).every(([k, v]) => (k === 'driver' && v === 'default') || (Array.isArray(v) && v.length === 0));
        if (!trivial) {
            problems.warning(at, 'ignored: the engine picks each network’s addresses, so that they cannot collide with another run’s');
        }
    }
    else if (key === 'driver_opts') {
        if (document_isRecord(value) && Object.keys(value).length > 0) {
            problems.warning(at, 'ignored: each network is a plain bridge with the engine’s default options');
        }
    }
    else {
        problems.warning(at, 'ignored: a stack’s network is attached to by the stack’s own containers only');
    }
}
/** A network of the stack: digestline creates its own; options it cannot honour are errors. */
function checkNetwork(model, network, problems) {
    const spec = { name: network };
    const definition = model.networks?.[network];
    if (!document_isRecord(definition))
        return spec;
    const at = ['networks', network];
    for (const [key, value] of Object.entries(definition)) {
        if (key.startsWith('x-') || (key === 'attachable' && value !== true))
            continue;
        if (key === 'name' ||
            key === 'driver' ||
            key === 'driver_opts' ||
            key === 'ipam' ||
            key === 'attachable') {
            networkNote(model, network, key, value, problems);
        }
        else if (key === 'labels') {
            problems.warning([...at, key], 'not applied: digestline labels the network itself');
        }
        else if (key === 'external' && value === true) {
            problems.error([...at, key], 'external networks are not supported: every network of a stack is its own, created and removed with it, so that runs never share one; remove external');
        }
        else if (key === 'internal' && value === true) {
            spec.internal = true;
        }
        else if (value !== false) {
            problems.error([...at, key], `network option ${key} is not supported: each network of the stack is a plain bridge network of its own, the same on podman and docker`);
        }
    }
    return spec;
}

;// CONCATENATED MODULE: ./packages/core/src/paths.ts
/** Host path helpers shared by the lanes, the stack builder and deployments. */

/**
 * True when `path` is `dir` or below it (both absolute and normalised; resolve symlinks first where
 * they could lead out). A name that merely starts with `..` (`..x`) is inside.
 */
function isInside(path, dir) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/mounts.ts
/**
 * A service's mounts: named and anonymous volumes, tmpfs, and bind mounts of host paths (inside the
 * workspace, or anywhere with `allow-host-paths`); the engine socket is refused always.
 */




/** Engine sockets, and the directories that hold them: mounting one hands the stack the host's engine. */
const ENGINE_SOCKET = /(^|\/)(docker|podman|containerd|crio|buildkitd)\.sock$/;
const SOCKET_DIRS = new Set([
    '/',
    '/run',
    '/var/run',
    '/run/podman',
    '/var/run/podman',
    '/run/docker',
    '/var/run/docker',
    '/run/containerd',
    '/var/run/containerd',
]);
/** True when mounting `source` would expose a container engine's API socket. */
function isEngineSocket(source) {
    const path = source.replace(/\/+$/, '') || '/';
    return ENGINE_SOCKET.test(path) || SOCKET_DIRS.has(path) || /^\/run\/user\/\d+(\/podman)?$/.test(path);
}
const SIZE_UNITS = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** `1000`, `"1000"`, `64m`, `1g` → bytes; undefined when not a size. */
function parseSize(value) {
    const match = /^(\d+)\s*([bkmg]?)b?$/i.exec(String(value).trim());
    if (typeof value !== 'number' && typeof value !== 'string')
        return undefined;
    if (!match)
        return undefined;
    return Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()];
}
/** Reads `volumes` (long syntax) of a service; `declared` are the top-level volume names. */
function buildMounts(at, value, declared, problems, host) {
    const mounts = { volumes: [], tmpfs: [] };
    if (value === undefined || value === null)
        return mounts;
    if (!Array.isArray(value)) {
        problems.error(at, `must be a list of mounts, got ${describe(value)}`);
        return mounts;
    }
    value.forEach((item, i) => {
        const where = [...at, i];
        if (!document_isRecord(item) || typeof item.target !== 'string') {
            problems.error(where, `must be a mount with a target, got ${describe(item)}`);
            return;
        }
        const mount = item;
        if (mount.type === 'bind') {
            const bind = bindMount(where, mount, host, problems);
            if (bind !== undefined)
                mounts.volumes.push(bind);
        }
        else if (mount.type === 'volume') {
            const volume = volumeMount(where, mount, declared, problems);
            if (volume !== undefined)
                mounts.volumes.push(volume);
        }
        else if (mount.type === 'tmpfs') {
            const tmpfs = tmpfsMount(where, mount, problems);
            if (tmpfs !== undefined)
                mounts.tmpfs.push(tmpfs);
        }
        else {
            problems.error(where, `mounts of type ${JSON.stringify(mount.type)} are not supported; use a named volume or tmpfs`);
        }
    });
    return mounts;
}
/**
 * `path` with every symlink resolved; for a path that does not exist (yet), its nearest existing
 * ancestor resolved and the rest appended, so that a symlinked parent cannot lead outside either.
 */
function realPath(path) {
    if ((0,external_node_fs_.existsSync)(path))
        return (0,external_node_fs_.realpathSync)(path);
    const parent = (0,external_node_path_.dirname)(path);
    return parent === path ? path : (0,external_node_path_.join)(realPath(parent), (0,external_node_path_.basename)(path));
}
/**
 * The rules every host path of a stack follows (bind mounts, secret and config files): never the
 * engine socket (also not through a symlink), inside the workspace after resolving symlinks, or
 * outside with `allow-host-paths` (a warning). A missing path is not checked here.
 * @param what how the path is used in messages (`bind mount`, `secret file`)
 */
function checkHostPath(at, source, what, host, problems) {
    if (!(0,external_node_path_.isAbsolute)(source)) {
        problems.error(at, `${what} ${JSON.stringify(source)} must be a host path`);
        return undefined;
    }
    const real = realPath((0,external_node_path_.resolve)(source));
    if (/[:,]/.test(real)) {
        problems.error(at, `${what} ${real}: a host path with ':' or ',' cannot be mounted (the engines split on them); rename it`);
        return undefined;
    }
    if (isEngineSocket(source) || isEngineSocket(real)) {
        problems.error(at, `mounts the container engine's socket (${isEngineSocket(source) ? source : `${source} → ${real}`}): that hands the stack control of the host's engine and every container on it; refused, always`);
        return undefined;
    }
    const workspace = realPath((0,external_node_path_.resolve)(host.workspace));
    const inside = isInside(real, workspace);
    if (!inside && host.allow.hostPaths !== true) {
        problems.error(at, `${what} ${source} is outside the workspace (${workspace}): set the input allow-host-paths: true to allow host paths, or keep the file in the repository`);
        return undefined;
    }
    if (!inside) {
        problems.warning(at, `${what} ${source} is outside the workspace; allowed by allow-host-paths: true`);
    }
    return { real, exists: (0,external_node_fs_.existsSync)(real), inside };
}
function bindMount(where, mount, host, problems) {
    const source = mount.source ?? '';
    const checked = checkHostPath(where, source, 'bind mount of', host, problems);
    if (checked === undefined)
        return undefined;
    const create = mount.bind?.create_host_path === true && checked.inside;
    if (!checked.exists && !create) {
        problems.error(where, `bind mount source ${source} does not exist${mount.bind?.create_host_path === true ? ' (only a path inside the workspace is created)' : ''}; create it in an earlier step or fix the path`);
        return undefined;
    }
    if (checked.exists && (0,external_node_fs_.statSync)(checked.real).isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(checked.real, '.git'))) {
        problems.warning(where, `${source} contains .git: a checkout may keep its token in .git/config, and the service can read it; mount a subdirectory instead`);
    }
    else if (checked.real.split(external_node_path_.sep).includes('.git')) {
        problems.warning(where, `${source} is inside .git: a checkout may keep its token in .git/config, and the service can read it`);
    }
    for (const key of ['propagation', 'selinux']) {
        if (mount.bind?.[key] !== undefined) {
            problems.warning([...where, 'bind', key], `ignored: digestline mounts host paths without ${key === 'selinux' ? 'SELinux relabelling' : 'mount propagation'}`);
        }
    }
    let readonly = mount.read_only === true;
    if (!readonly && host.mode === 'validation' && host.allow.writableBinds !== true) {
        readonly = true;
        problems.warning(where, 'mounted read-only during validation; set writable-bind-mounts: true if the service writes there');
    }
    const spec = { bind: checked.real, target: mount.target, readonly };
    if (!checked.exists)
        spec.createHostPath = true;
    return spec;
}
function volumeMount(where, mount, declared, problems) {
    if (mount.volume?.subpath !== undefined) {
        problems.error([...where, 'volume', 'subpath'], 'volume subpaths are not supported yet; mount the whole volume');
        return undefined;
    }
    if (mount.volume?.nocopy === true) {
        problems.warning([...where, 'volume', 'nocopy'], 'ignored: a new volume is filled from the image as usual');
    }
    const spec = { target: mount.target, readonly: mount.read_only === true };
    if (mount.source === undefined || mount.source === '')
        return spec;
    if (!declared.includes(mount.source)) {
        problems.error([...where, 'source'], `volume ${JSON.stringify(mount.source)} is not declared under the top-level volumes key`);
        return undefined;
    }
    return { volume: mount.source, ...spec };
}
function tmpfsMount(where, mount, problems) {
    const tmpfs = { target: mount.target };
    const size = mount.tmpfs?.size;
    if (size !== undefined) {
        const bytes = parseSize(size);
        if (bytes === undefined) {
            problems.error([...where, 'tmpfs', 'size'], `must be a size like 1000, 64m or 1g, got ${describe(size)}`);
            return undefined;
        }
        tmpfs.sizeBytes = bytes;
    }
    if (mount.tmpfs?.mode !== undefined)
        tmpfs.mode = mount.tmpfs.mode;
    if (mount.read_only === true)
        tmpfs.options = ['ro'];
    return tmpfs;
}
/** Mount flags of `tmpfs:` entries that both engines' `--tmpfs` take (podman 4.3, Docker 20.10). */
const TMPFS_FLAGS = ['rw', 'ro', 'exec', 'noexec', 'suid', 'nosuid', 'dev', 'nodev'];
/** Reads the service key `tmpfs`: a path or list of `path[:size=…,mode=…,uid=…,gid=…,<flag>…]`. */
function buildTmpfs(at, value, problems) {
    if (value === undefined || value === null)
        return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list)) {
        problems.error(at, `must be a path or a list of paths, got ${describe(value)}`);
        return [];
    }
    const mounts = [];
    list.forEach((item, i) => {
        const where = typeof value === 'string' ? at : [...at, i];
        const [target = '', options] = typeof item === 'string' ? item.split(/:(.*)/s) : [];
        if (!target.startsWith('/')) {
            problems.error(where, `must be an absolute path, got ${describe(item)}`);
            return;
        }
        const tmpfs = { target };
        const flags = [];
        for (const option of options === undefined || options === '' ? [] : options.split(',')) {
            const [key = '', v = ''] = option.split('=');
            if (key === 'size' && parseSize(v) !== undefined)
                tmpfs.sizeBytes = parseSize(v);
            else if (key === 'mode' && /^[0-7]{3,4}$/.test(v))
                tmpfs.mode = parseInt(v, 8);
            else if ((key === 'uid' || key === 'gid') && /^\d+$/.test(v))
                flags.push(`${key}=${v}`);
            else if (TMPFS_FLAGS.includes(option))
                flags.push(option);
            else {
                problems.error(where, `tmpfs option ${JSON.stringify(option)} is not supported; use size=<bytes|64m>, mode=<octal>, uid=<n>, gid=<n> or ${TMPFS_FLAGS.join(', ')}`);
                return;
            }
        }
        if (flags.length > 0)
            tmpfs.options = flags;
        mounts.push(tmpfs);
    });
    return mounts;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/secrets.ts
/**
 * Secrets and configs without a swarm, as Compose runs them: each is a file mounted read-only into
 * the services that name it. A `file:` is bind-mounted (the host-path rules of bind mounts apply);
 * a `content:` or `environment:` value is written by the stack into a directory of its own and
 * removed with the stack (stack/files.ts).
 */



const SINGULAR = { secrets: 'secret', configs: 'config' };
/** Top-level `secrets` and `configs`: each checked once, whether or not a service uses it. */
function declaredFiles(model, ctx, problems) {
    return {
        secrets: definitions(model, 'secrets', ctx, problems),
        configs: definitions(model, 'configs', ctx, problems),
    };
}
function definitions(model, kind, ctx, problems) {
    const out = new Map();
    for (const [name, definition] of Object.entries(model[kind] ?? {})) {
        const at = [kind, name];
        out.set(name, document_isRecord(definition) ? definitionSource(at, kind, definition, ctx, problems) : undefined);
        if (!document_isRecord(definition))
            problems.error(at, `must be a mapping, got ${describe(definition)}`);
    }
    return out;
}
function definitionSource(at, kind, d, ctx, problems) {
    const what = SINGULAR[kind];
    for (const key of Object.keys(d)) {
        if (!['name', 'file', 'content', 'environment', 'external'].includes(key) && !key.startsWith('x-')) {
            problems.error([...at, key], `${what} option ${key} is not supported; use file:, content: or environment:`);
        }
    }
    if (d.external === true) {
        problems.error([...at, 'external'], `external ${kind} need a swarm, which digestline does not run; use file:, content: or environment:`);
        return undefined;
    }
    if (typeof d.file === 'string') {
        const checked = checkHostPath([...at, 'file'], d.file, `${what} file`, ctx, problems);
        if (checked === undefined)
            return undefined;
        if (!checked.exists) {
            problems.error([...at, 'file'], `${what} file ${d.file} does not exist; create it in an earlier step or fix the path`);
            return undefined;
        }
        return { file: checked.real };
    }
    if (typeof d.content === 'string')
        return { content: d.content };
    if (typeof d.environment === 'string') {
        const value = ctx.env[d.environment];
        if (value === undefined) {
            problems.error([...at, 'environment'], `environment variable ${d.environment} is not set in the job's environment; set it (env: of the step) or use file:`);
            return undefined;
        }
        return { content: value };
    }
    problems.error(at, `${what} ${JSON.stringify(at[1])} needs file:, content: or environment:`);
    return undefined;
}
/** Where a reference mounts: secrets under /run/secrets unless absolute, configs at `/<source>` by default. */
function targetOf(kind, ref) {
    const target = ref.target ?? (kind === 'secrets' ? ref.source : `/${ref.source}`);
    if (external_node_path_.posix.isAbsolute(target))
        return target;
    return kind === 'secrets' ? external_node_path_.posix.join('/run/secrets', target) : external_node_path_.posix.join('/', target);
}
/** A service's `secrets` or `configs` (long syntax, as normalised) → read-only file mounts. */
function buildFileMounts(at, kind, value, declared, problems) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        problems.error(at, `must be a list of ${kind}, got ${describe(value)}`);
        return [];
    }
    const mounts = [];
    value.forEach((item, i) => {
        const where = [...at, i];
        if (!document_isRecord(item) || typeof item.source !== 'string') {
            problems.error(where, `must name a ${SINGULAR[kind]} (source), got ${describe(item)}`);
            return;
        }
        const ref = item;
        if (!declared[kind].has(ref.source)) {
            problems.error(where, `${SINGULAR[kind]} ${JSON.stringify(ref.source)} is not declared under the top-level ${kind} key`);
            return;
        }
        const source = declared[kind].get(ref.source);
        // Its definition has an error, reported there.
        if (source === undefined)
            return;
        const target = targetOf(kind, ref);
        const owner = ['uid', 'gid'].filter((k) => ref[k] !== undefined);
        if ('file' in source) {
            for (const key of [...owner, ...(ref.mode !== undefined ? ['mode'] : [])]) {
                problems.warning([...where, key], `ignored for file ${kind}, as Compose does: the file is mounted as it is`);
            }
            mounts.push({ bind: source.file, target, readonly: true });
            return;
        }
        for (const key of owner) {
            problems.warning([...where, key], 'ignored: the file belongs to the user the stack runs as (mode is honoured)');
        }
        const mount = { content: source.content, target, readonly: true };
        if (typeof ref.mode === 'number')
            mount.mode = ref.mode;
        if (kind === 'secrets')
            mount.secret = true;
        mounts.push(mount);
    });
    return mounts;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/compose/duration.ts
/** Compose's duration syntax (`1m30s`, `500ms`), as health checks use it. */
/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
function parseComposeDuration(text) {
    const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
    if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text))
        return undefined;
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
        total += Number(match[1]) * unit[match[2]];
    }
    return Math.round(total);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/health.ts


const KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable'];
/** Reads `healthcheck`; `disable: true` and `test: [NONE]` switch the image's check off. */
function buildHealthcheck(at, value, problems) {
    if (value === undefined || value === null)
        return undefined;
    if (!document_isRecord(value)) {
        problems.error(at, `must be a map, got ${describe(value)}`);
        return undefined;
    }
    const hc = value;
    let ok = true;
    for (const key of Object.keys(value)) {
        if (!KEYS.includes(key)) {
            problems.error([...at, key], `unknown healthcheck key; a healthcheck may have ${KEYS.join(', ')}`);
            ok = false;
        }
    }
    if (hc.disable === true)
        return 'disabled';
    const test = hc.test;
    if (test === undefined) {
        const timing = Object.keys(value).filter((k) => k !== 'disable');
        if (timing.length > 0) {
            problems.warning(at, `has ${timing.join(', ')} but no test: the image's own HEALTHCHECK applies with its own timing; add a test to use these`);
        }
        return undefined;
    }
    if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
        problems.error([...at, 'test'], `must be [CMD, …], [CMD-SHELL, script] or [NONE], got ${describe(test)}`);
        return undefined;
    }
    const [kind] = test;
    if (kind === 'NONE')
        return 'disabled';
    if (!(kind === 'CMD' && test.length >= 2) && !(kind === 'CMD-SHELL' && test.length === 2)) {
        problems.error([...at, 'test'], `must be [CMD, program, args…], [CMD-SHELL, script] or [NONE], got ${JSON.stringify(test)}`);
        return undefined;
    }
    const duration = (key) => {
        const text = hc[key];
        if (text === undefined)
            return undefined;
        const ms = typeof text === 'string' ? parseComposeDuration(text) : undefined;
        if (ms === undefined) {
            problems.error([...at, key], `must be a duration like 500ms, 10s or 1m30s, got ${describe(text)}`);
            ok = false;
        }
        return ms;
    };
    const spec = {
        test,
        intervalMs: duration('interval') ?? 30_000,
        timeoutMs: duration('timeout') ?? 30_000,
        retries: 3,
        startPeriodMs: duration('start_period') ?? 0,
    };
    const startInterval = duration('start_interval');
    if (startInterval !== undefined)
        spec.startIntervalMs = startInterval;
    if (hc.retries !== undefined) {
        if (typeof hc.retries !== 'number' || !Number.isInteger(hc.retries) || hc.retries < 1) {
            problems.error([...at, 'retries'], `must be a whole number >= 1, got ${describe(hc.retries)}`);
            ok = false;
        }
        else
            spec.retries = hc.retries;
    }
    return ok ? spec : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/host-access.ts


/** Why each key is refused by default (the first half of its error). */
const WHY = {
    privileged: 'a privileged container can take over the host: it has every capability and every device',
    cap_add: 'added capabilities let a stack reach into the host; stacks may only drop capabilities (cap_drop)',
    devices: 'host devices give a stack direct access to the host’s hardware',
    pid: 'the service would see and signal the host’s processes',
    ipc: 'the service would share the host’s shared memory and semaphores',
};
const CAPABILITY = /^(CAP_)?[A-Z][A-Z_]*$|^ALL$/i;
const DEVICE_PERMISSIONS = /^[rwm]{1,3}$/;
/** `source[:target[:permissions]]` from the short or long (`{source, target, permissions}`) form. */
function deviceSpec(item) {
    if (typeof item === 'string') {
        const [source = '', target, permissions, extra] = item.split(':');
        const ok = source.startsWith('/') &&
            (target === undefined ||
                target.startsWith('/') ||
                (permissions === undefined && DEVICE_PERMISSIONS.test(target))) &&
            (permissions === undefined || DEVICE_PERMISSIONS.test(permissions)) &&
            extra === undefined;
        return ok ? item : undefined;
    }
    if (!document_isRecord(item) || typeof item.source !== 'string' || !item.source.startsWith('/'))
        return undefined;
    const target = typeof item.target === 'string' && item.target !== '' ? item.target : item.source;
    const permissions = typeof item.permissions === 'string' && item.permissions !== '' ? item.permissions : 'rwm';
    if (!target.startsWith('/') || !DEVICE_PERMISSIONS.test(permissions))
        return undefined;
    return `${item.source}:${target}:${permissions}`;
}
/** What each requested key asks for, or an error for a value the engines would not take. */
function requested(name, service, problems) {
    const at = ['services', name];
    const access = {};
    if (service.privileged === true)
        access.privileged = true;
    if (service.cap_add !== undefined) {
        const caps = stringList(service.cap_add);
        if (caps === undefined || caps.some((c) => !CAPABILITY.test(c))) {
            problems.error([...at, 'cap_add'], `must be a list of capabilities such as NET_ADMIN, got ${describe(service.cap_add)}`);
        }
        else if (caps.length > 0)
            access.capAdd = caps;
    }
    if (service.devices !== undefined) {
        const list = Array.isArray(service.devices) ? service.devices : [service.devices];
        const devices = [];
        list.forEach((item, i) => {
            const spec = deviceSpec(item);
            if (spec === undefined) {
                problems.error([...at, 'devices', i], `must be a device like /dev/fuse or /dev/fuse:/dev/fuse:rwm, got ${describe(item)}`);
            }
            else
                devices.push(spec);
        });
        if (devices.length > 0)
            access.devices = devices;
    }
    for (const key of ['pid', 'ipc']) {
        const value = service[key];
        if (value === undefined ||
            value === '' ||
            (key === 'ipc' && (value === 'private' || value === 'shareable')))
            continue;
        if (value === 'host')
            access[key] = 'host';
        else {
            problems.error([...at, key], `${key} ${JSON.stringify(value)} is not supported yet: each service has namespaces of its own; remove it`);
        }
    }
    return access;
}
const KEY_OF = {
    privileged: 'privileged',
    capAdd: 'cap_add',
    devices: 'devices',
    pid: 'pid',
    ipc: 'ipc',
};
/** What each granted access is, in the words of the file (`cap_add NET_ADMIN`, `pid: host`). */
function describeAccess(field, access) {
    switch (field) {
        case 'privileged':
            return 'privileged: true';
        case 'capAdd':
            return `cap_add ${(access.capAdd ?? []).join(', ')}`;
        case 'devices':
            return `devices ${(access.devices ?? []).join(', ')}`;
        default:
            return `${field}: host`;
    }
}
/**
 * Reads `privileged`, `cap_add`, `devices`, `pid` and `ipc` of service `name`.
 * @param allowed the input allow-privileged: without it each use is an error naming that input;
 *   with it each use is a warning
 * @returns what the service is granted; undefined when it asks for none of it (or is refused)
 */
function buildHostAccess(name, service, allowed, problems) {
    const access = requested(name, service, problems);
    const fields = Object.keys(access);
    for (const field of fields) {
        const key = KEY_OF[field];
        const at = ['services', name, key];
        if (allowed) {
            problems.warning(at, `allowed by allow-privileged: ${describeAccess(field, access)} (${WHY[key]}); the stack logs it when it starts and the lane records it`);
        }
        else {
            problems.error(at, `refused: ${WHY[key]}. Remove ${describeAccess(field, access)}, or set the input allow-privileged: true if the stack truly needs it`);
        }
    }
    return allowed && fields.length > 0 ? access : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/lifecycle.ts


/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** `SIGINT`, `INT`, `SIGRTMIN+3` or a number, as both engines' --stop-signal take it. */
const SIGNAL = /^(SIG)?[A-Z][A-Z0-9]*([+-]\d+)?$|^\d+$/;
function integer(value) {
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}
/** Fills `hostname`, `pidsLimit`, `stopSignal` and `stopGracePeriodS` of `spec`. */
function lifecycleKeys(spec, service, problems) {
    const at = ['services', spec.name];
    const { hostname, pids_limit: pids, stop_signal: signal, stop_grace_period: grace } = service;
    if (hostname !== undefined && hostname !== '') {
        if (typeof hostname === 'string' && HOSTNAME.test(hostname))
            spec.hostname = hostname;
        else
            problems.error([...at, 'hostname'], `must be a host name like db or db.example, got ${describe(hostname)}`);
    }
    if (pids !== undefined && pids !== null) {
        const n = integer(pids);
        // 0 is Docker's "unset": the engine's default applies.
        if (n === undefined || n < -1) {
            problems.error([...at, 'pids_limit'], `must be a whole number of processes (-1: unlimited), got ${describe(pids)}`);
        }
        else if (n !== 0)
            spec.pidsLimit = n;
    }
    if (signal !== undefined && signal !== '') {
        if (typeof signal === 'string' && SIGNAL.test(signal))
            spec.stopSignal = signal;
        else
            problems.error([...at, 'stop_signal'], `must be a signal like SIGINT or SIGQUIT, got ${describe(signal)}`);
    }
    if (grace !== undefined && grace !== '') {
        const ms = typeof grace === 'string' ? parseComposeDuration(grace) : undefined;
        if (ms === undefined) {
            problems.error([...at, 'stop_grace_period'], `must be a duration like 10s or 1m30s, got ${describe(grace)}`);
        }
        else
            spec.stopGracePeriodS = Math.ceil(ms / 1000);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/resources.ts


function memory(at, value, problems) {
    const bytes = parseSize(value);
    if (bytes === undefined || bytes === 0)
        problems.error(at, `must be a size like 512m or 1g, got ${describe(value)}`);
    return bytes === 0 ? undefined : bytes;
}
function cpus(at, value, problems) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n) && n > 0)
        return n;
    problems.error(at, `must be a number of CPUs above 0 like 0.5 or 2, got ${describe(value)}`);
    return undefined;
}
/** `deploy.resources`: limits are applied where the service key does not say otherwise; reservations are noted. */
function deployResources(spec, at, value, problems) {
    if (!document_isRecord(value))
        return;
    for (const [key, v] of Object.entries(value)) {
        if (key === 'limits' && document_isRecord(v)) {
            for (const [limit, amount] of Object.entries(v)) {
                const where = [...at, key, limit];
                if (limit === 'memory')
                    spec.memoryBytes ??= memory(where, amount, problems);
                else if (limit === 'cpus')
                    spec.cpus ??= cpus(where, amount, problems);
                else if (limit === 'pids' && typeof amount === 'number' && Number.isInteger(amount))
                    spec.pidsLimit ??= amount;
                else
                    problems.error(where, `resource limit ${limit} is not supported: use memory, cpus or pids`);
            }
        }
        else if (document_isRecord(v) && Object.keys(v).length > 0) {
            problems.warning([...at, key], `ignored: ${key} are a scheduling hint for swarm; one host runs the service with what it has`);
        }
    }
}
/** Fills `memoryBytes`, `cpus` (and `pidsLimit` from deploy when pids_limit is absent) of `spec`. */
function resourceKeys(spec, service, problems) {
    const at = ['services', spec.name];
    if (service.mem_limit !== undefined && service.mem_limit !== null) {
        const bytes = memory([...at, 'mem_limit'], service.mem_limit, problems);
        if (bytes !== undefined)
            spec.memoryBytes = bytes;
    }
    if (service.cpus !== undefined && service.cpus !== null && service.cpus !== 0) {
        const n = cpus([...at, 'cpus'], service.cpus, problems);
        if (n !== undefined)
            spec.cpus = n;
    }
    const deploy = service.deploy;
    if (deploy === undefined || deploy === null)
        return;
    if (!document_isRecord(deploy)) {
        problems.error([...at, 'deploy'], `must be a map, got ${describe(deploy)}`);
        return;
    }
    for (const [key, value] of Object.entries(deploy)) {
        const where = [...at, 'deploy', key];
        if (key === 'resources')
            deployResources(spec, where, value, problems);
        else if (key === 'replicas') {
            if (value !== 1) {
                problems.error(where, `replicas ${describe(value)} is not supported: a stack runs each service once, reached by its name; run more as services of their own`);
            }
        }
        else if (key === 'mode') {
            if (value !== 'replicated' && value !== 'global')
                problems.error(where, `must be replicated or global, got ${describe(value)}`);
        }
        else if (!(document_isRecord(value) && Object.keys(value).length === 0) && value !== null) {
            problems.warning(where, `ignored: deploy.${key} is for swarm; digestline runs the service once on one host${key === 'restart_policy' ? ' (use restart)' : ''}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/ports.ts
/** A service's `ports` (long syntax, published to loopback only) and `expose`. */


/** Addresses that mean "every interface": moved to loopback with a note rather than refused. */
const ANY_ADDRESS = ['', '0.0.0.0', '::', '[::]'];
function portNumber(text) {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    return n >= 1 && n <= 65535 ? n : undefined;
}
/** `8080` → [8080]; `8000-8002` → [8000, 8001, 8002]; undefined when neither. */
function portRange(text) {
    const [from = '', to, extra] = text.split('-');
    const first = portNumber(from.trim());
    const last = to === undefined ? first : portNumber(to.trim());
    if (first === undefined || last === undefined || extra !== undefined || last < first)
        return undefined;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
/** Reads `ports`: every host address becomes or must be loopback; tcp and udp. */
function buildPorts(at, value, problems) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        problems.error(at, `must be a list of ports, got ${describe(value)}`);
        return [];
    }
    const ports = [];
    value.forEach((item, i) => {
        const where = [...at, i];
        if (!document_isRecord(item) || typeof item.target !== 'number') {
            problems.error(where, `must be a port with a target, got ${describe(item)}`);
            return;
        }
        const port = item;
        if (port.protocol !== undefined && port.protocol !== 'tcp' && port.protocol !== 'udp') {
            problems.error([...where, 'protocol'], `${port.protocol} ports are not supported: publish tcp or udp ports`);
            return;
        }
        const hostIp = port.host_ip ?? '';
        let host = hostIp.toLowerCase() === 'localhost' ? '127.0.0.1' : hostIp.replace(/^\[(.*)\]$/, '$1');
        if (ANY_ADDRESS.includes(hostIp)) {
            problems.warning(where, `published on ${hostIp === '' ? 'every interface (no host_ip)' : hostIp}: moved to 127.0.0.1, because stacks publish to loopback only; write host_ip 127.0.0.1 (or "127.0.0.1:…" in short syntax) to silence this`);
            host = '127.0.0.1';
        }
        else if (!isLoopbackHost(hostIp)) {
            problems.error(where, `publishes on ${JSON.stringify(hostIp)}: stacks publish to loopback only (127.x.x.x or ::1); remove the address or use 127.0.0.1`);
            return;
        }
        const spec = { host, containerPort: port.target };
        // udp is published the same way; readiness and the <SERVICE>_URL variables look at tcp only.
        if (port.protocol === 'udp')
            spec.protocol = 'udp';
        if (port.published !== undefined && port.published !== '') {
            const range = portRange(String(port.published));
            if (range === undefined || range.length !== 1) {
                problems.error(where, range === undefined
                    ? `published port ${JSON.stringify(port.published)} is not a port number (1-65535)`
                    : `publishes container port ${port.target} on a host port range (${port.published}): give one host port, or leave it out and let the engine pick`);
                return;
            }
            spec.hostPort = range[0];
        }
        ports.push(spec);
    });
    return ports;
}
/** Reads `expose`: container ports (ranges expanded), not published; udp ones are noted and left out. */
function buildExpose(at, value, problems) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        problems.error(at, `must be a list of ports, got ${describe(value)}`);
        return [];
    }
    const ports = [];
    value.forEach((item, i) => {
        const [text = '', proto = 'tcp'] = String(item).split('/');
        const range = portRange(text);
        if ((typeof item !== 'string' && typeof item !== 'number') || range === undefined) {
            problems.error([...at, i], `must be a port or range like 8080 or 8000-8010/tcp, got ${describe(item)}`);
        }
        else if (proto !== 'tcp') {
            problems.warning([...at, i], `${proto} port ${text} is not used: readiness looks at tcp ports only`);
        }
        else {
            ports.push(...range);
        }
    });
    return ports;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/service.ts













const RESTART = /^(no|always|unless-stopped|on-failure(:[1-9]\d*)?)$/;
const NO_NEW_PRIVILEGES = /^no-new-privileges([:=](true|false))?$/;
/** Says something for a refused key's value: `privileged: false`, `cap_add: []` say nothing. */
function saysSomething(value) {
    if (value === undefined || value === null || value === false)
        return false;
    if (Array.isArray(value))
        return value.length > 0;
    return true;
}
/** Applies the key table: notes for ignored keys, errors for refused and unknown ones. */
function checkKeys(name, service, problems) {
    for (const [key, value] of Object.entries(service)) {
        if (key.startsWith('x-'))
            continue;
        const rule = SERVICE_KEY_RULES[key];
        const at = ['services', name, key];
        if (rule === undefined) {
            problems.error(at, `${key} is not supported: digestline does not know how to run it, and does not drop keys silently; remove it (see docs/stack-format.md, "Compose keys")`);
        }
        else if (rule.kind === 'refused' && saysSomething(value)) {
            problems.error(at, `refused: ${rule.why}`);
        }
        else if (rule.kind === 'ignored' && saysSomething(value) && !isEmptyMap(value)) {
            problems.warning(at, `ignored: ${rule.why}`);
        }
    }
}
function isEmptyMap(value) {
    return (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}
/** `network_mode`: sharing a network namespace with the host or another container (`pid`, `ipc`: host-access.ts). */
function checkNamespaces(name, service, problems) {
    const at = ['services', name];
    const mode = service.network_mode;
    if (mode !== undefined && mode !== 'default') {
        problems.error([...at, 'network_mode'], mode === 'host'
            ? 'network_mode host is refused, whatever is allowed: the stack would share the runner’s network, publish on every interface and reach anything the runner reaches; publish ports instead'
            : `network_mode ${JSON.stringify(mode)} is not supported yet: every service joins the stack's own networks; remove it and reach the other service by its name`);
    }
}
/** Fills the process keys: user, working_dir, init, read_only, cap_drop, security_opt, restart. */
function processKeys(spec, service, ctx) {
    const at = ['services', spec.name];
    const { problems } = ctx;
    if (typeof service.user === 'string' && service.user !== '')
        spec.user = service.user;
    if (typeof service.working_dir === 'string' && service.working_dir !== '')
        spec.workingDir = service.working_dir;
    if (service.init === true)
        spec.init = true;
    if (service.read_only === true)
        spec.readOnly = true;
    if (service.cap_drop !== undefined) {
        const caps = stringList(service.cap_drop);
        if (caps === undefined)
            problems.error([...at, 'cap_drop'], `must be a list of capabilities, got ${describe(service.cap_drop)}`);
        else if (caps.length > 0)
            spec.capDrop = caps;
    }
    const opts = stringList(service.security_opt ?? []);
    if (opts === undefined)
        problems.error([...at, 'security_opt'], 'must be a list of options');
    opts?.forEach((opt, i) => {
        if (!NO_NEW_PRIVILEGES.test(opt)) {
            problems.error([...at, 'security_opt', i], `${JSON.stringify(opt)} is refused: it would loosen the container's confinement; only no-new-privileges is allowed`);
        }
        else if (!opt.endsWith('false'))
            spec.securityOpt = ['no-new-privileges'];
    });
    if (service.restart === undefined)
        return;
    if (typeof service.restart !== 'string' || !RESTART.test(service.restart)) {
        problems.error([...at, 'restart'], `must be no, always, on-failure[:N] or unless-stopped, got ${describe(service.restart)}`);
    }
    else if (ctx.mode === 'deploy') {
        spec.restart = service.restart;
    }
    else if (service.restart !== 'no') {
        problems.warning([...at, 'restart'], 'ignored during validation: a crash must fail the lane, not be restarted away (deploy-staging honours it)');
    }
}
/** Builds service `name`; undefined when it has an error (already reported). */
function buildService(name, service, ctx) {
    const { problems } = ctx;
    const at = ['services', name];
    const errorsBefore = problems.list.filter((p) => p.severity === 'error').length;
    if (!stack_names/* STACK_NAME_PATTERN */.K.test(name)) {
        problems.error(at, `service names must match ${stack_names/* STACK_NAME_PATTERN */.K.source}: they name containers and DNS entries`);
    }
    checkKeys(name, service, problems);
    const hostAccess = buildHostAccess(name, service, ctx.host.allow.privileged === true, problems);
    checkNamespaces(name, service, problems);
    const image = serviceImage(name, service, ctx);
    const mounts = buildMounts([...at, 'volumes'], service.volumes, ctx.volumes, problems, ctx.host);
    for (const kind of ['secrets', 'configs']) {
        mounts.volumes.push(...buildFileMounts([...at, kind], kind, service[kind], ctx.files, problems));
    }
    const environment = {};
    for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (value !== null && value !== undefined)
            environment[key] = String(value);
    }
    const spec = {
        name,
        image: image,
        environment,
        ports: buildPorts([...at, 'ports'], service.ports, problems),
        expose: buildExpose([...at, 'expose'], service.expose, problems),
        healthcheckDisabled: false,
        dependsOn: buildDependsOn(name, service.depends_on, ctx.services, problems),
        volumes: mounts.volumes,
        aliases: ctx.aliases.get(name) ?? [],
    };
    const networks = ctx.networks?.get(name);
    if (networks !== undefined)
        spec.networks = networks;
    const command = stringList(service.command);
    if (command !== undefined)
        spec.command = command;
    const entrypoint = stringList(service.entrypoint);
    if (entrypoint !== undefined)
        spec.entrypoint = entrypoint;
    const hc = buildHealthcheck([...at, 'healthcheck'], service.healthcheck, problems);
    if (hc === 'disabled')
        spec.healthcheckDisabled = true;
    else if (hc !== undefined)
        spec.healthcheck = hc;
    const tmpfs = [...buildTmpfs([...at, 'tmpfs'], service.tmpfs, problems), ...mounts.tmpfs];
    if (tmpfs.length > 0)
        spec.tmpfs = tmpfs;
    processKeys(spec, service, ctx);
    lifecycleKeys(spec, service, problems);
    resourceKeys(spec, service, problems);
    if (hostAccess !== undefined)
        spec.hostAccess = hostAccess;
    const errorsAfter = problems.list.filter((p) => p.severity === 'error').length;
    return image === undefined || errorsAfter > errorsBefore ? undefined : spec;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/build/build.ts










/** Top-level `volumes`: their names; options a stack cannot honour are errors. */
function declaredVolumes(model, problems) {
    const names = [];
    for (const [name, definition] of Object.entries(model.volumes ?? {})) {
        const at = ['volumes', name];
        if (!stack_names/* STACK_NAME_PATTERN */.K.test(name)) {
            problems.error(at, `volume names must match ${stack_names/* STACK_NAME_PATTERN */.K.source}`);
            continue;
        }
        names.push(name);
        if (!document_isRecord(definition))
            continue;
        for (const [key, value] of Object.entries(definition)) {
            if (key === 'name' || key.startsWith('x-') || (key === 'driver' && value === 'local'))
                continue;
            if (key === 'labels')
                problems.warning([...at, key], 'not applied: digestline labels volumes itself');
            else if (key === 'external' && value === true) {
                problems.error([...at, key], 'external volumes are not supported yet: the stack creates its volumes itself');
            }
            else if (value !== false) {
                problems.error([...at, key], `volume option ${key} is not supported yet: stack volumes are plain local volumes`);
            }
        }
    }
    return names;
}
/** Cycles in depends_on, as a problem (startOrder throws on them). */
function checkCycles(spec, problems) {
    try {
        startOrder(spec);
    }
    catch (err) {
        if (!(err instanceof StackFileError))
            throw err;
        problems.error(['services'], err.reason);
    }
}
/**
 * Builds the stack of a normalised compose file.
 * @returns `spec` when there is no error; `problems` always (the normaliser's first, then the builder's)
 */
function buildStack(n, opts) {
    const problems = new Problems((path) => n.lineOf(path));
    const model = n.model;
    if (model === undefined)
        return { tags: [], problems: [...n.problems] };
    for (const key of Object.keys(model)) {
        if (!key.startsWith('x-') && !TOP_LEVEL_KEYS.includes(key)) {
            problems.error([key], `unknown top-level key ${key}; a compose file may have ${TOP_LEVEL_KEYS.join(', ')}`);
        }
    }
    const serviceNames = Object.keys(document_isRecord(model.services) ? model.services : {});
    if (serviceNames.length === 0)
        problems.error(['services'], 'the file has no services');
    checkImageSet(opts.images, serviceNames, problems);
    const volumes = declaredVolumes(model, problems);
    const networks = buildNetworks(model, problems);
    const tagMap = new Map();
    const host = { workspace: opts.workspace, allow: opts.allow ?? {}, mode: opts.mode };
    const files = declaredFiles(model, { ...host, env: opts.env ?? {} }, problems);
    const ctx = {
        host,
        files,
        images: opts.images,
        resolved: opts.resolved,
        requireDigests: opts.requireDigests,
        tags: tagMap,
        mode: opts.mode,
        services: serviceNames,
        volumes,
        aliases: networks.aliases,
        networks: networks.services,
        problems,
    };
    const services = [];
    for (const name of serviceNames) {
        const service = buildService(name, model.services[name] ?? {}, ctx);
        if (service !== undefined)
            services.push(service);
    }
    const spec = { source: n.lineOf([]).file, services, volumes };
    if (networks.networks !== undefined)
        spec.networks = networks.networks;
    if (Object.values(opts.allow ?? {}).some((v) => v === true))
        spec.allow = { ...opts.allow };
    const name = opts.project ?? model.name;
    if (name !== undefined && stack_names/* STACK_NAME_PATTERN */.K.test(name))
        spec.name = name;
    if (!problems.hasErrors && tagMap.size === 0)
        checkCycles(spec, problems);
    const all = [...n.problems, ...problems.list];
    const tags = [...tagMap].map(([reference, names]) => ({ reference, services: names }));
    return all.some((p) => p.severity === 'error') || tags.length > 0
        ? { tags, problems: all }
        : { spec, tags, problems: all };
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/context.ts
/** What every step of the normaliser shares: the project, its environment, its problems. */

/** A host path as Compose resolves it: `~` is home, relative is against `dir`. */
function resolveHostPath(ctx, dir, p) {
    if (p === '~' || p.startsWith('~/'))
        return external_node_path_default().join(ctx.home, p.slice(1));
    return external_node_path_default().resolve(dir, p);
}
/** Whether `value` is a YAML map as plain data. */
function context_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `services.backend.ports[0]`. */
function context_formatPath(at) {
    return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** A scalar as Compose stringifies it (numbers and booleans as written); undefined for maps and lists. */
function scalarString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** A boolean as Compose reads it after interpolation (`"true"`, `"yes"`, `"off"`…). */
function toBool(value) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value !== 'string')
        return undefined;
    const v = value.toLowerCase();
    if (['true', 'yes', 'y', 'on', '1'].includes(v))
        return true;
    if (['false', 'no', 'n', 'off', '0'].includes(v))
        return false;
    return undefined;
}
/** An integer given as a number or as text (after interpolation). */
function toInt(value) {
    if (typeof value === 'number' && Number.isInteger(value))
        return value;
    if (typeof value === 'string' && /^[-+]?\d+$/.test(value.trim()))
        return Number(value);
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/interpolate.ts
/**
 * Compose variable interpolation (compose-spec): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, nested in the
 * default / message / alternative, and `$$` for a literal `$`. Names are `[_a-zA-Z][_a-zA-Z0-9]*`.
 */
/** A failed interpolation: a required variable is missing, or a `$` starts nothing valid. */
class InterpolationError extends Error {
}
/** Interpolates `template`; `onUnset` hears each plain `$VAR` / `${VAR}` that is not set. */
function interpolate(template, lookup, onUnset = () => { }) {
    let out = '';
    let i = 0;
    while (i < template.length) {
        const dollar = template.indexOf('$', i);
        if (dollar < 0)
            return out + template.slice(i);
        out += template.slice(i, dollar);
        const [value, next] = substitution(template, dollar, lookup, onUnset);
        out += value;
        i = next;
    }
    return out;
}
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
/** The value of the substitution starting at `template[at] === '$'`, and the index after it. */
function substitution(template, at, lookup, onUnset) {
    const rest = template.slice(at + 1);
    if (rest.startsWith('$'))
        return ['$', at + 2];
    const named = NAME.exec(rest);
    if (named)
        return [plain(named[0], lookup, onUnset), at + 1 + named[0].length];
    if (!rest.startsWith('{'))
        throw invalid(template);
    const close = closingBrace(template, at + 1);
    const name = NAME.exec(rest.slice(1));
    if (close < 0 || !name)
        throw invalid(template);
    const body = template.slice(at + 2, close);
    const tail = body.slice(name[0].length);
    if (tail === '')
        return [plain(name[0], lookup, onUnset), close + 1];
    const op = /^:?[-+?]/.exec(tail);
    if (!op)
        throw invalid(template);
    const arg = tail.slice(op[0].length);
    return [modified(name[0], op[0], arg, lookup, onUnset), close + 1];
}
function plain(name, lookup, onUnset) {
    const value = lookup(name);
    if (value === undefined)
        onUnset(name);
    return value ?? '';
}
function modified(name, op, arg, lookup, onUnset) {
    const value = lookup(name);
    const nonEmpty = value !== undefined && value !== '';
    const present = op.startsWith(':') ? nonEmpty : value !== undefined;
    const argument = () => interpolate(arg, lookup, onUnset);
    switch (op.slice(-1)) {
        case '-':
            return present ? (value ?? '') : argument();
        case '+':
            return present ? argument() : '';
        default:
            if (!present)
                throw new InterpolationError(`required variable ${name} is missing a value: ${argument()}`);
            return value ?? '';
    }
}
/** Index of the `}` closing the `{` at `open`, counting nested `${`; -1 when there is none. */
function closingBrace(s, open) {
    let depth = 1;
    for (let i = open + 1; i < s.length; i++) {
        if (s[i] === '}') {
            if (--depth === 0)
                return i;
        }
        else if (s[i] === '$' && s[i + 1] === '{') {
            depth++;
            i++;
        }
    }
    return -1;
}
function invalid(template) {
    return new InterpolationError(`invalid interpolation format: ${JSON.stringify(template)}: write $$ for a literal $`);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/dotenv.ts
/**
 * `.env` and `env_file` files as Compose reads them: `KEY=value` (or `KEY: value`), an `export `
 * prefix, `#` comments (inline after a space on unquoted values), single quotes literal, double
 * quotes with `\n` `\r` `\"` `\\` escapes, interpolation in unquoted and double-quoted values, a bare
 * `KEY` taken from the environment when it is set there.
 */

/**
 * Parses `text`. Values are interpolated with `lookup` first (the project's environment), then the
 * variables defined earlier in the file; `onUnset` hears of each variable set in neither (line 1-based).
 */
function parseDotenv(text, lookup, onUnset = () => { }) {
    const vars = new Map();
    const resolve = (name) => lookup(name) ?? vars.get(name);
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/^\s+/, '');
        if (line === '' || line.startsWith('#'))
            continue;
        const statement = /^(?:export\s+)?([^\s=:#]+)\s*(?:([=:])\s*)?(.*)$/.exec(line);
        if (!statement || (statement[2] === undefined && statement[3] !== '')) {
            return { vars, error: { message: `line ${i + 1} is not KEY=VALUE`, line: i + 1 } };
        }
        const key = statement[1];
        if (!/^[\p{L}\p{N}_.-]+$/u.test(key)) {
            return {
                vars,
                error: { message: `unexpected character in variable name ${JSON.stringify(key)}`, line: i + 1 },
            };
        }
        if (statement[2] === undefined) {
            const inherited = lookup(key);
            if (inherited !== undefined)
                vars.set(key, inherited);
            continue;
        }
        const raw = statement[3];
        const quote = raw[0];
        if (quote === '"' || quote === "'") {
            const line = i + 1;
            const quoted = readQuoted(lines, i, raw, quote);
            if (quoted === undefined) {
                return { vars, error: { message: `unterminated quoted value for ${key}`, line: i + 1 } };
            }
            i = quoted.lastLine;
            vars.set(key, quote === "'" ? quoted.body : interpolate(dotenv_unescape(quoted.body), resolve, (n) => onUnset(n, line)));
            continue;
        }
        const value = raw.replace(/(^|\s)#.*$/, '').replace(/\s+$/, '');
        vars.set(key, interpolate(value, resolve, (n) => onUnset(n, i + 1)));
    }
    return { vars };
}
/** The body of a quoted value that may span lines, up to the first unescaped closing quote. */
function readQuoted(lines, first, raw, quote) {
    let text = raw.slice(1);
    for (let n = first; n < lines.length; n++) {
        for (let j = 0; j < text.length; j++) {
            if (text[j] === '\\') {
                j++;
                continue;
            }
            if (text[j] === quote)
                return { body: text.slice(0, j), lastLine: n };
        }
        if (n + 1 < lines.length)
            text += `\n${lines[n + 1]}`;
    }
    return undefined;
}
function dotenv_unescape(body) {
    return body.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/interpolate-tree.ts
/** Interpolation over a whole file: every string value (not keys), problems located. */


/** Interpolates every string value under `node` in place; `at` is its path. */
function interpolateTree(ctx, node, at) {
    const entries = Array.isArray(node)
        ? node.map((v, i) => [i, v])
        : context_isRecord(node)
            ? Object.entries(node)
            : [];
    for (const [key, value] of entries) {
        const here = [...at, key];
        if (typeof value === 'string') {
            const loc = ctx.locs.get(node, key);
            try {
                node[key] = interpolate(value, ctx.lookup, (name) => ctx.report('warning', here, `variable ${name} is not set: it is replaced by an empty string`, loc));
            }
            catch (err) {
                if (!(err instanceof InterpolationError))
                    throw err;
                ctx.report('error', here, `error while interpolating ${context_formatPath(here)}: ${err.message}`, loc);
            }
        }
        else {
            interpolateTree(ctx, value, here);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/environment.ts
/** A service's `env_file` files and `environment` folded into one map, `environment` winning. */


/** The merged environment, or undefined when the service has neither key. */
function serviceEnvironment(ctx, at, raw) {
    if (raw.env_file === undefined && raw.environment === undefined)
        return undefined;
    const out = {};
    envFiles(raw.env_file).forEach(({ path, required }, i) => {
        const file = resolveHostPath(ctx, ctx.dir, path);
        const text = ctx.readFile(file);
        const where = [...at, 'env_file', ...(Array.isArray(raw.env_file) ? [i] : [])];
        if (text === undefined) {
            if (required)
                ctx.report('error', where, `env_file ${path} does not exist (looked for ${file})`);
            return;
        }
        const parsed = parseDotenv(text, ctx.lookup, (name, line) => ctx.report('warning', where, `variable ${name} is not set: it is replaced by an empty string`, {
            file,
            line,
        }));
        if (parsed.error) {
            ctx.report('error', where, `env_file ${path}: ${parsed.error.message}`, {
                file,
                line: parsed.error.line,
            });
        }
        for (const [k, v] of parsed.vars)
            out[k] = v;
    });
    for (const [key, value] of environmentEntries(raw.environment)) {
        if (value !== undefined) {
            out[key] = value;
            continue;
        }
        // A bare key (or a null value) comes from the environment; unset there, Compose prints null.
        out[key] = ctx.lookup(key) ?? null;
    }
    return out;
}
function envFiles(value) {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return list.flatMap((entry) => {
        if (context_isRecord(entry)) {
            const path = scalarString(entry.path);
            return path === undefined ? [] : [{ path, required: toBool(entry.required) ?? true }];
        }
        const path = scalarString(entry);
        return path === undefined ? [] : [{ path, required: true }];
    });
}
/** `[key, value]` pairs; value undefined for a bare key (list) or a null value (map). */
function environmentEntries(value) {
    if (Array.isArray(value)) {
        return value.map((entry) => {
            const text = scalarString(entry) ?? '';
            const eq = text.indexOf('=');
            return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
        });
    }
    if (context_isRecord(value)) {
        return Object.entries(value).map(([k, v]) => [
            k,
            v === null ? undefined : (scalarString(v) ?? JSON.stringify(v)),
        ]);
    }
    return [];
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/syntax.ts
/** A short value that cannot be read; the message says what was expected. */
class SyntaxProblem extends Error {
}
/** `[ip:][host[-range]:]container[-range][/protocol]` → one long-syntax port per container port. */
function parsePortShort(spec) {
    let rest = spec;
    let protocol = 'tcp';
    const slash = rest.lastIndexOf('/');
    if (slash >= 0) {
        protocol = rest.slice(slash + 1);
        rest = rest.slice(0, slash);
    }
    let hostIp;
    const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
    if (v6) {
        hostIp = v6[1];
        rest = v6[2];
    }
    const parts = rest.split(':');
    if (hostIp === undefined && parts.length === 3)
        hostIp = parts.shift();
    if (parts.length > 2 || (hostIp !== undefined && parts.length !== 2)) {
        throw new SyntaxProblem(`port ${JSON.stringify(spec)} is not [ip:][host:]container[/protocol]`);
    }
    const container = range(parts[parts.length - 1], spec);
    const host = parts.length === 2 && parts[0] !== '' ? range(parts[0], spec) : undefined;
    const base = (target) => ({
        mode: 'ingress',
        target,
        protocol,
        ...(hostIp ? { host_ip: hostIp } : {}),
    });
    if (host === undefined)
        return container.map((t) => base(t));
    if (container.length === 1) {
        const published = host.length === 1 ? String(host[0]) : `${host[0]}-${host[host.length - 1]}`;
        return [{ ...base(container[0]), published }];
    }
    if (host.length !== container.length) {
        throw new SyntaxProblem(`port ${JSON.stringify(spec)}: the host range and the container range differ in length`);
    }
    return container.map((t, i) => ({ ...base(t), published: String(host[i]) }));
}
function range(text, spec) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(text);
    if (!m)
        throw new SyntaxProblem(`port ${JSON.stringify(spec)}: ${JSON.stringify(text)} is not a port or a range`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to > 65535)
        throw new SyntaxProblem(`port ${JSON.stringify(spec)}: invalid range ${text}`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const CONSISTENCY = new Set(['cached', 'delegated', 'consistent']);
/** `[source:]target[:options]` → a long-syntax mount; `resolve` makes a host path absolute. */
function parseVolumeShort(spec, resolve) {
    const parts = spec.split(':');
    if (parts.length > 3 || parts.some((p) => p === '')) {
        throw new SyntaxProblem(`volume ${JSON.stringify(spec)} is not [source:]target[:ro|rw|z|Z|nocopy|propagation]`);
    }
    if (parts.length === 1)
        return { type: 'volume', target: parts[0], volume: {} };
    const [source, target, options = ''] = parts;
    const isPath = /^[./~]/.test(source);
    const mount = isPath
        ? { type: 'bind', source: resolve(source), target }
        : { type: 'volume', source, target };
    const bind = {};
    const volume = {};
    for (const option of options === '' ? [] : options.split(',')) {
        if (option === 'ro')
            mount.read_only = true;
        else if (option === 'rw')
            mount.read_only = false;
        else if (option === 'z' || option === 'Z')
            bind.selinux = option;
        else if (option === 'nocopy')
            volume.nocopy = true;
        else if (PROPAGATION.has(option))
            bind.propagation = option;
        // Docker Desktop's file-sharing consistency: the reference accepts it and drops it.
        else if (CONSISTENCY.has(option))
            continue;
        else
            throw new SyntaxProblem(`volume ${JSON.stringify(spec)}: unknown option ${JSON.stringify(option)}`);
    }
    if (mount.read_only === false)
        delete mount.read_only;
    if (isPath)
        mount.bind = { ...bind, create_host_path: true };
    else {
        // An SELinux label on a named volume is kept under `bind`, as the reference prints it.
        if (Object.keys(bind).length > 0)
            mount.bind = bind;
        mount.volume = volume;
    }
    return mount;
}
/** Splits a command line into words as compose-go does (go-shellwords, no expansion). */
function shellSplit(line) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]))
                word += line[++i];
            else
                word += c;
        }
        else if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\' && i + 1 < line.length) {
            word += line[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (quote !== undefined)
        throw new SyntaxProblem(`unterminated ${quote} in ${JSON.stringify(line)}`);
    if (inWord)
        words.push(word);
    return words;
}
const UNIT_NS = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
/** A Go duration (`1m30s`, `500ms`, `1.5h`) printed the way Go's `time.Duration.String` does. */
function normaliseDuration(text) {
    const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
    if (text === '0')
        return '0s';
    if (!m)
        throw new SyntaxProblem(`${JSON.stringify(text)} is not a duration like 30s, 1m30s or 500ms`);
    let ns = 0;
    for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
        ns += Number(part[1]) * UNIT_NS[part[2]];
    }
    return formatDuration(Math.round(ns) * (m[1] === '-' ? -1 : 1));
}
function formatDuration(ns) {
    if (ns === 0)
        return '0s';
    const sign = ns < 0 ? '-' : '';
    let rest = Math.abs(ns);
    if (rest < 1e9) {
        const [unit, size] = rest < 1e3 ? ['ns', 1] : rest < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
        return `${sign}${trimFraction(rest / size)}${unit}`;
    }
    const hours = Math.floor(rest / 3600e9);
    rest -= hours * 3600e9;
    const minutes = Math.floor(rest / 60e9);
    rest -= minutes * 60e9;
    const seconds = `${trimFraction(rest / 1e9)}s`;
    if (hours > 0)
        return `${sign}${hours}h${minutes}m${seconds}`;
    if (minutes > 0)
        return `${sign}${minutes}m${seconds}`;
    return `${sign}${seconds}`;
}
function trimFraction(n) {
    return Number(n.toFixed(9)).toString();
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/service.ts



const BOOLEAN_KEYS = ['init', 'read_only', 'privileged', 'tty', 'stdin_open'];
/** Normalises service `name`; problems go to `ctx.report`. */
function normaliseService(ctx, name, raw) {
    const at = ['services', name];
    const out = { command: null, entrypoint: null };
    const guard = (key, fn) => {
        try {
            return fn();
        }
        catch (err) {
            if (!(err instanceof SyntaxProblem))
                throw err;
            ctx.report('error', [...at, ...key], err.message);
            return undefined;
        }
    };
    for (const [key, value] of Object.entries(raw)) {
        if (key.startsWith('x-') || key === 'extends' || key === 'env_file')
            continue;
        out[key] = value;
    }
    const environment = serviceEnvironment(ctx, at, raw);
    if (environment !== undefined)
        out.environment = environment;
    else
        delete out.environment;
    for (const key of ['command', 'entrypoint']) {
        const value = raw[key];
        if (typeof value === 'string')
            out[key] = guard([key], () => shellSplit(value)) ?? null;
        else if (Array.isArray(value))
            out[key] = value.map((v) => scalarString(v) ?? '');
    }
    for (const key of BOOLEAN_KEYS) {
        if (raw[key] === undefined)
            continue;
        const value = toBool(raw[key]) ?? raw[key];
        // The reference leaves these out when false (Go omitempty); `init` is a pointer and stays.
        if (value === false && key !== 'init')
            delete out[key];
        else
            out[key] = value;
    }
    if (raw.ports !== undefined)
        out.ports = ports(raw.ports, (i, fn) => guard(['ports', i], fn));
    if (Array.isArray(raw.expose))
        out.expose = raw.expose.map((e) => scalarString(e) ?? '');
    if (raw.volumes !== undefined)
        out.volumes = volumes(ctx, raw.volumes, (i, fn) => guard(['volumes', i], fn));
    if (typeof raw.tmpfs === 'string')
        out.tmpfs = [raw.tmpfs];
    if (raw.networks !== undefined)
        out.networks = listToMap(raw.networks);
    else if (raw.network_mode === undefined)
        out.networks = { default: null };
    out.depends_on = dependsOn(raw);
    if (Object.keys(out.depends_on).length === 0)
        delete out.depends_on;
    if (raw.secrets !== undefined)
        out.secrets = references(raw.secrets, (s) => `/run/secrets/${s}`);
    if (raw.configs !== undefined)
        out.configs = references(raw.configs, undefined);
    if (context_isRecord(raw.healthcheck))
        out.healthcheck = guard(['healthcheck'], () => healthcheck(raw.healthcheck));
    if (raw.labels !== undefined)
        out.labels = stringMap(raw.labels, '=');
    if (Array.isArray(raw.extra_hosts))
        out.extra_hosts = raw.extra_hosts.map((h) => String(h).replace(/^([^:=\s]+):(?!:)/, '$1='));
    if (raw.build !== undefined)
        out.build = build(ctx, raw.build);
    if (raw.user !== undefined)
        out.user = scalarString(raw.user);
    return out;
}
function ports(value, guard) {
    const list = Array.isArray(value) ? value : [];
    return list.flatMap((entry, i) => {
        if (context_isRecord(entry)) {
            const port = {
                mode: 'ingress',
                protocol: 'tcp',
                ...entry,
                target: toInt(entry.target) ?? entry.target,
            };
            if (entry.published !== undefined && entry.published !== null)
                port.published = scalarString(entry.published);
            return [port];
        }
        const spec = scalarString(entry);
        return guard(i, () => parsePortShort(spec ?? '')) ?? [];
    });
}
function volumes(ctx, value, guard) {
    const list = Array.isArray(value) ? value : [];
    const resolve = (p) => resolveHostPath(ctx, ctx.dir, p);
    return list.flatMap((entry, i) => {
        if (typeof entry === 'string')
            return guard(i, () => [parseVolumeShort(entry, resolve)]) ?? [];
        if (!context_isRecord(entry))
            return [];
        const mount = { ...entry };
        if (mount.type === 'bind' && typeof mount.source === 'string')
            mount.source = resolve(mount.source);
        if (entry.read_only !== undefined)
            mount.read_only = toBool(entry.read_only) ?? false;
        if (mount.read_only === false)
            delete mount.read_only;
        if (context_isRecord(entry.tmpfs) && entry.tmpfs.size !== undefined) {
            mount.tmpfs = { ...entry.tmpfs, size: scalarString(entry.tmpfs.size) };
        }
        return [mount];
    });
}
/** A list of names (or `KEY=value` entries) or a map, as a map. */
function listToMap(value) {
    if (context_isRecord(value))
        return { ...value };
    const out = {};
    if (Array.isArray(value))
        for (const name of value)
            out[String(name)] = null;
    return out;
}
function stringMap(value, sep) {
    const out = {};
    if (Array.isArray(value)) {
        for (const entry of value) {
            const text = String(entry);
            const i = text.indexOf(sep);
            out[i < 0 ? text : text.slice(0, i)] = i < 0 ? '' : text.slice(i + 1);
        }
    }
    else if (context_isRecord(value)) {
        for (const [k, v] of Object.entries(value))
            out[k] = scalarString(v) ?? '';
    }
    return out;
}
function dependsOn(raw) {
    const out = {};
    for (const [name, value] of Object.entries(listToMap(raw.depends_on))) {
        const v = context_isRecord(value) ? value : {};
        const dep = {
            condition: typeof v.condition === 'string' ? v.condition : 'service_started',
            required: v.required === undefined ? true : (toBool(v.required) ?? true),
        };
        if (v.restart !== undefined)
            dep.restart = toBool(v.restart) ?? false;
        out[name] = dep;
    }
    const implicit = (name, restart) => {
        if (out[name] === undefined)
            out[name] = { condition: 'service_started', ...(restart ? { restart } : {}), required: true };
    };
    for (const from of Array.isArray(raw.volumes_from) ? raw.volumes_from : []) {
        const source = String(from).split(':')[0];
        if (source !== 'container')
            implicit(source, false);
    }
    if (typeof raw.network_mode === 'string' && raw.network_mode.startsWith('service:')) {
        implicit(raw.network_mode.slice('service:'.length), true);
    }
    return out;
}
function references(value, defaultTarget) {
    const list = Array.isArray(value) ? value : [];
    return list.map((entry) => {
        const ref = (context_isRecord(entry)
            ? { ...entry }
            : { source: String(entry) });
        if (ref.target === undefined && defaultTarget)
            ref.target = defaultTarget(ref.source);
        if (ref.mode !== undefined)
            ref.mode = toInt(ref.mode) ?? ref.mode;
        return ref;
    });
}
function healthcheck(raw) {
    const out = { ...raw };
    if (typeof raw.test === 'string')
        out.test = ['CMD-SHELL', raw.test];
    for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
        const value = raw[key];
        if (typeof value === 'string')
            out[key] = normaliseDuration(value);
    }
    if (raw.retries !== undefined)
        out.retries = toInt(raw.retries) ?? raw.retries;
    if (raw.disable !== undefined)
        out.disable = toBool(raw.disable) ?? raw.disable;
    return out;
}
function build(ctx, value) {
    const spec = context_isRecord(value)
        ? { ...value }
        : { context: scalarString(value) ?? '.' };
    const context = scalarString(spec.context) ?? '.';
    spec.context = /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ? context : resolveHostPath(ctx, ctx.dir, context);
    if (spec.dockerfile === undefined && spec.dockerfile_inline === undefined)
        spec.dockerfile = 'Dockerfile';
    return spec;
}

// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(8009);
;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/tree.ts
/**
 * A compose file as plain data plus where each key came from: YAML 1.2 as Compose reads it (go-yaml
 * v3: `0644` is octal), aliases resolved, `<<` merge keys applied the YAML 1.1 way (explicit keys win,
 * then the earlier of merged maps), each merged key located at its `<<`.
 */

/** Source locations of the keys and items of the plain containers of a tree. */
class Locations {
    byContainer = new WeakMap();
    set(container, key, loc) {
        let keys = this.byContainer.get(container);
        if (keys === undefined)
            this.byContainer.set(container, (keys = new Map()));
        keys.set(key, loc);
    }
    get(container, key) {
        return this.byContainer.get(container)?.get(key);
    }
}
const MAX_ALIAS_EXPANSIONS = 10_000;
/** Parses `text` (the content of `file`) into plain data, recording locations in `locs`. */
function loadYaml(text, file, locs) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, merge: false, prettyErrors: false, uniqueKeys: true });
    const [first] = doc.errors;
    if (first !== undefined) {
        return {
            error: {
                message: `not valid YAML: ${first.message.split('\n')[0]}`,
                line: lineCounter.linePos(first.pos[0]).line,
            },
        };
    }
    const reader = new PlainReader(doc, text, file, lineCounter, locs);
    try {
        return { data: reader.read(doc.contents) };
    }
    catch (err) {
        if (err instanceof YamlShapeError)
            return { error: { message: err.message, line: err.line } };
        throw err;
    }
}
class YamlShapeError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
class PlainReader {
    doc;
    text;
    file;
    lines;
    locs;
    expansions = 0;
    constructor(doc, text, file, lines, locs) {
        this.doc = doc;
        this.text = text;
        this.file = file;
        this.lines = lines;
        this.locs = locs;
    }
    read(node) {
        if (node === null || node === undefined)
            return null;
        if ((0,dist/* isAlias */.Vj)(node)) {
            if (++this.expansions > MAX_ALIAS_EXPANSIONS)
                throw new YamlShapeError('too many alias expansions');
            return this.read(node.resolve(this.doc));
        }
        if ((0,dist/* isScalar */.jn)(node))
            return this.scalar(node);
        if ((0,dist/* isSeq */.oP)(node)) {
            const list = [];
            node.items.forEach((item, i) => {
                list.push(this.read(item));
                this.locs.set(list, i, this.loc(item));
            });
            return list;
        }
        if ((0,dist/* isMap */.jh)(node))
            return this.map(node);
        return null;
    }
    map(node) {
        const out = {};
        const merged = [];
        for (const pair of node.items) {
            if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
                const at = this.loc(pair.key);
                for (const source of this.mergeSources(pair.value, at)) {
                    for (const [key, value] of Object.entries(source))
                        merged.push({ key, value, loc: at });
                }
                continue;
            }
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : JSON.stringify(this.read(pair.key));
            out[key] = this.read(pair.value);
            this.locs.set(out, key, this.loc(pair.key));
        }
        for (const { key, value, loc } of merged) {
            if (Object.hasOwn(out, key))
                continue;
            out[key] = value;
            this.locs.set(out, key, loc);
        }
        return out;
    }
    mergeSources(value, at) {
        const items = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
        return items.map((item) => {
            const data = this.read(item);
            if (typeof data !== 'object' || data === null || Array.isArray(data)) {
                throw new YamlShapeError('a merge key `<<` must name a map or a list of maps', at.line);
            }
            return data;
        });
    }
    scalar(node) {
        // go-yaml v3 reads a plain `0644` as octal; YAML 1.2's core schema as decimal.
        if (typeof node.value === 'number' && node.type === 'PLAIN' && node.range) {
            const source = this.text.slice(node.range[0], node.range[1]);
            if (/^[-+]?0[0-7]+$/.test(source))
                return Number.parseInt(source, 8);
        }
        return node.value ?? null;
    }
    loc(node) {
        const range = node?.range;
        return range ? { file: this.file, line: this.lines.linePos(range[0]).line } : { file: this.file };
    }
}
/** The location of `at` in the source tree `root` of `file`: the deepest key along it that the source has. */
function locate(locs, root, at, file) {
    let node = root;
    let found = { file };
    for (const key of at) {
        if (typeof node !== 'object' || node === null)
            break;
        let k = key;
        if (Array.isArray(node) && typeof key === 'string') {
            // environment, depends_on, networks… written as a list but printed as a map.
            const i = node.findIndex((e) => e === key || (typeof e === 'string' && e.startsWith(`${key}=`)));
            if (i < 0)
                break;
            k = i;
        }
        const loc = locs.get(node, k);
        if (loc === undefined)
            break;
        found = loc;
        node = node[k];
    }
    return found;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/extends.ts
/**
 * `extends`: a service built on another one, in the same file or in `extends.file`. Keys are merged
 * the way Compose merges an override: maps key by key, `ports`/`expose`/`dns`/capabilities appended,
 * `volumes` by target, everything else replaced. Inherited keys are located at the `extends` key.
 */





const APPENDED = new Set([
    'ports',
    'expose',
    'dns',
    'dns_search',
    'cap_add',
    'cap_drop',
    'security_opt',
    'env_file',
    'extra_hosts',
    'tmpfs',
]);
const MAPS = new Set([
    'environment',
    'labels',
    'depends_on',
    'networks',
    'build',
    'healthcheck',
    'logging',
    'annotations',
    'sysctls',
    'ulimits',
    'deploy',
]);
/** Loads `extends.file` files: read, parsed and interpolated with `ctx`'s variables. */
function extendsFileLoader(ctx) {
    return (file, from) => {
        const text = ctx.readFile(file);
        if (text === undefined) {
            ctx.report('error', from, `extends.file ${file} does not exist`);
            return undefined;
        }
        const loaded = loadYaml(text, file, ctx.locs);
        if (loaded.error) {
            ctx.report('error', from, `${file}: ${loaded.error.message}`, { file, line: loaded.error.line });
            return undefined;
        }
        interpolateTree(ctx, loaded.data, []);
        return context_isRecord(loaded.data) && context_isRecord(loaded.data.services) ? loaded.data.services : {};
    };
}
/** Resolves `extends` in every service of `services` (in place). */
function resolveExtends(ctx, services, loadServices) {
    const done = new Set();
    const resolve = (name, pool, dir, chain) => {
        const service = pool[name];
        if (!context_isRecord(service))
            return undefined;
        if (service.extends === undefined || (pool === services && done.has(name)))
            return service;
        const at = ['services', name, 'extends'];
        if (chain.includes(`${dir}:${name}`)) {
            ctx.report('error', at, `extends makes a cycle: ${[...chain, `${dir}:${name}`].join(' → ')}`);
            return service;
        }
        const ext = context_isRecord(service.extends) ? service.extends : { service: service.extends };
        const baseName = String(ext.service ?? '');
        let basePool = pool;
        let baseDir = dir;
        if (typeof ext.file === 'string') {
            const file = resolveHostPath(ctx, dir, ext.file);
            const loaded = loadServices(file, at);
            if (loaded === undefined)
                return service;
            basePool = loaded;
            baseDir = external_node_path_default().dirname(file);
        }
        const base = resolve(baseName, basePool, baseDir, [...chain, `${dir}:${name}`]);
        if (base === undefined) {
            ctx.report('error', at, `extends names service ${JSON.stringify(baseName)}, which ${ext.file ? `${ext.file} does not define` : 'this file does not define'}`);
            return service;
        }
        const merged = mergeServices(ctx, baseDir === dir ? base : rebase(ctx, base, baseDir), service, ctx.locs.get(pool, name) ?? { file: '' });
        pool[name] = merged;
        if (pool === services)
            done.add(name);
        return merged;
    };
    for (const name of Object.keys(services))
        resolve(name, services, ctx.dir, []);
}
/** `child` over `base` the way Compose merges an override; keys from `base` are located at `childLoc`. */
function mergeServices(ctx, base, child, childLoc) {
    const out = {};
    const extendsLoc = ctx.locs.get(child, 'extends') ?? childLoc;
    for (const [key, value] of Object.entries(base)) {
        if (key === 'extends')
            continue;
        out[key] = value;
        ctx.locs.set(out, key, extendsLoc);
    }
    for (const [key, value] of Object.entries(child)) {
        if (key === 'extends')
            continue;
        ctx.locs.set(out, key, ctx.locs.get(child, key) ?? extendsLoc);
        const inherited = out[key];
        if (inherited === undefined || inherited === null)
            out[key] = value;
        else if (APPENDED.has(key) && Array.isArray(value))
            out[key] = [...(Array.isArray(inherited) ? inherited : [inherited]), ...value];
        else if (key === 'volumes' && Array.isArray(value) && Array.isArray(inherited))
            out[key] = mergeVolumes(inherited, value);
        else if (MAPS.has(key))
            out[key] = { ...listToMapEnv(key, inherited), ...listToMapEnv(key, value) };
        else
            out[key] = value;
    }
    return out;
}
function listToMapEnv(key, value) {
    if ((key === 'environment' || key === 'labels') && Array.isArray(value)) {
        const out = {};
        for (const entry of value) {
            const text = String(entry);
            const eq = text.indexOf('=');
            out[eq < 0 ? text : text.slice(0, eq)] = eq < 0 ? null : text.slice(eq + 1);
        }
        return out;
    }
    return listToMap(value);
}
function volumeTarget(entry) {
    if (context_isRecord(entry))
        return entry.target;
    const parts = String(entry).split(':');
    return parts.length === 1 ? parts[0] : parts[1];
}
function mergeVolumes(base, child) {
    // By target: a child's mount takes the place of the base's, new ones come after (as the reference).
    const byTarget = new Map(child.map((v) => [volumeTarget(v), v]));
    const replaced = base.map((v) => byTarget.get(volumeTarget(v)) ?? v);
    const baseTargets = new Set(base.map(volumeTarget));
    return [...replaced, ...child.filter((v) => !baseTargets.has(volumeTarget(v)))];
}
/** A service from another directory with its relative host paths made absolute against that directory. */
function rebase(ctx, service, dir) {
    const abs = (p) => (/^[./~]/.test(p) ? resolveHostPath(ctx, dir, p) : p);
    const out = { ...service };
    if (Array.isArray(service.volumes)) {
        out.volumes = service.volumes.map((v) => {
            if (typeof v === 'string') {
                const parts = v.split(':');
                return parts.length > 1 ? [abs(parts[0]), ...parts.slice(1)].join(':') : v;
            }
            if (context_isRecord(v) && v.type === 'bind' && typeof v.source === 'string')
                return { ...v, source: abs(v.source) };
            return v;
        });
    }
    const envFile = (e) => typeof e === 'string'
        ? resolveHostPath(ctx, dir, e)
        : context_isRecord(e) && typeof e.path === 'string'
            ? { ...e, path: resolveHostPath(ctx, dir, e.path) }
            : e;
    if (service.env_file !== undefined)
        out.env_file = Array.isArray(service.env_file)
            ? service.env_file.map(envFile)
            : envFile(service.env_file);
    if (typeof service.build === 'string')
        out.build = resolveHostPath(ctx, dir, service.build);
    else if (context_isRecord(service.build) && typeof service.build.context === 'string')
        out.build = { ...service.build, context: resolveHostPath(ctx, dir, service.build.context) };
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/include.ts
/**
 * `include`: other compose files, each loaded as a project of its own — relative paths against its
 * own directory (or `project_directory`), variables from the including project first, then its own
 * `.env` (or `env_file`) — whose services, networks, volumes, secrets and configs are then copied
 * into the including file. A name defined on both sides, not identically, is an error, as in the
 * reference (compose-go's loader/include.go, docker-compose 2.26.1).
 */







const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs'];
const ENTRY_KEYS = ['path', 'project_directory', 'env_file'];
/**
 * Applies `root.include` (already interpolated): the included resources are added to `root` in place.
 * `chain` is the files that include this one, the main file first (a cycle is an error).
 */
function applyInclude(ctx, root, chain) {
    const value = root.include;
    if (value === undefined || value === null)
        return;
    if (!Array.isArray(value)) {
        ctx.report('error', ['include'], `\`include\` must be a list (of paths, or of maps with path, project_directory, env_file), got ${JSON.stringify(value)}`);
        return;
    }
    value.forEach((raw, i) => {
        const at = ['include', i];
        const entry = includeEntry(ctx, raw, at);
        if (entry !== undefined)
            includeOne(ctx, root, entry, at, chain);
    });
}
function include_stringList(value) {
    const list = Array.isArray(value) ? value : [value];
    const strings = list.map(scalarString);
    return strings.length > 0 && strings.every((s) => s !== undefined && s !== '')
        ? strings
        : undefined;
}
function includeEntry(ctx, raw, at) {
    if (typeof raw === 'string')
        return { paths: [raw] };
    const expected = 'a path, or a map with `path` (a path or a list of paths), `project_directory`, `env_file`';
    if (!context_isRecord(raw)) {
        ctx.report('error', at, `an include entry is ${expected}, got ${JSON.stringify(raw)}`);
        return undefined;
    }
    const paths = include_stringList(raw.path);
    const envFiles = raw.env_file === undefined || raw.env_file === null ? [] : include_stringList(raw.env_file);
    const projectDirectory = raw.project_directory === undefined ? undefined : scalarString(raw.project_directory);
    let ok = true;
    const bad = (key, message) => {
        ctx.report('error', [...at, key], message);
        ok = false;
    };
    if (paths === undefined)
        bad('path', `include path must be a path or a list of paths (${expected})`);
    if (envFiles === undefined)
        bad('env_file', 'include env_file must be a path or a list of paths');
    if (raw.project_directory !== undefined && projectDirectory === undefined)
        bad('project_directory', 'include project_directory must be a path');
    for (const key of Object.keys(raw)) {
        if (!ENTRY_KEYS.includes(key) && !key.startsWith('x-'))
            ctx.report('warning', [...at, key], `include has no key "${key}" (only ${ENTRY_KEYS.join(', ')}): ignored`);
    }
    if (!ok)
        return undefined;
    return {
        paths: paths,
        ...(projectDirectory !== undefined ? { projectDirectory } : {}),
        ...(envFiles.length > 0 ? { envFiles } : {}),
    };
}
function includeOne(ctx, root, entry, at, chain) {
    const files = entry.paths.map((p) => resolveHostPath(ctx, ctx.dir, p));
    const main = files[0];
    if (chain.includes(main)) {
        ctx.report('error', at, `include cycle detected: ${[...chain, main].join(' includes ')}`);
        return;
    }
    const dir = entry.projectDirectory === undefined
        ? external_node_path_default().dirname(main)
        : resolveHostPath(ctx, ctx.dir, entry.projectDirectory);
    const lookup = includeLookup(ctx, entry, dir, at);
    if (lookup === undefined)
        return;
    const project = { ...ctx, dir, lookup };
    let merged;
    for (const [i, file] of files.entries()) {
        const tree = loadIncluded(project, file, entry.paths[i], at, [...chain, main]);
        if (tree === undefined)
            return;
        merged = merged === undefined ? tree : mergeFiles(ctx, merged, tree);
    }
    importResources(ctx, root, merged, entry.paths.join(', '));
}
/** The included project's variables: the including project's first, then its env files (later wins). */
function includeLookup(ctx, entry, dir, at) {
    const files = entry.envFiles?.map((f) => external_node_path_default().resolve(ctx.dir, f)) ?? [external_node_path_default().join(dir, '.env')];
    const vars = new Map();
    for (const [i, file] of files.entries()) {
        const text = ctx.readFile(file);
        if (text === undefined) {
            if (entry.envFiles === undefined)
                continue;
            ctx.report('error', [...at, 'env_file'], `include env_file ${entry.envFiles[i]} does not exist (looked for ${file})`);
            return undefined;
        }
        const parsed = parseDotenv(text, (name) => ctx.lookup(name) ?? vars.get(name));
        if (parsed.error)
            ctx.report('error', [...at, 'env_file'], `${file}: ${parsed.error.message}`, {
                file,
                line: parsed.error.line,
            });
        for (const [key, value] of parsed.vars)
            vars.set(key, value);
    }
    return (name) => ctx.lookup(name) ?? vars.get(name);
}
/** One included file, loaded as the reference loads it: interpolated, extended, its own includes applied. */
function loadIncluded(project, file, written, at, chain) {
    const text = project.readFile(file);
    if (text === undefined) {
        project.report('error', at, `included file ${written} does not exist (looked for ${file})`);
        return undefined;
    }
    const loaded = loadYaml(text, file, project.locs);
    if (loaded.error) {
        project.report('error', at, `${written}: ${loaded.error.message}`, { file, line: loaded.error.line });
        return undefined;
    }
    const tree = loaded.data;
    if (!context_isRecord(tree)) {
        project.report('error', at, `${written} is not a compose file (a map with a \`services:\` key)`, {
            file,
        });
        return undefined;
    }
    const ctx = loadTree(project, tree, file, chain);
    if (tree.services !== undefined && tree.services !== null && !context_isRecord(tree.services)) {
        ctx.report('error', ['services'], 'services must be a map of service name to service');
        return undefined;
    }
    const services = context_isRecord(tree.services) ? tree.services : {};
    resolveBareEnvironment(ctx, services);
    resolveRelativePaths(ctx, tree);
    return tree;
}
/**
 * One file's own steps, as the reference takes them for each file it loads: interpolation, `extends`,
 * then its `include`. Gives the file's context (its problems name it and its lines).
 */
function loadTree(project, tree, file, chain) {
    const ctx = {
        ...project,
        report: (severity, where, message, loc) => project.report(severity, where, message, loc ?? locate(project.locs, tree, where, file)),
    };
    interpolateTree(ctx, tree, []);
    resolveExtends(ctx, context_isRecord(tree.services) ? tree.services : {}, extendsFileLoader(ctx));
    applyInclude(ctx, tree, chain);
    return ctx;
}
/** Bare `environment` keys take the included project's variables (the reference resolves them at load). */
function resolveBareEnvironment(ctx, services) {
    for (const service of Object.values(services)) {
        if (!context_isRecord(service))
            continue;
        const env = service.environment;
        if (Array.isArray(env)) {
            env.forEach((e, i) => {
                const value = typeof e === 'string' && !e.includes('=') ? ctx.lookup(e) : undefined;
                if (value !== undefined)
                    env[i] = `${String(e)}=${value}`;
            });
        }
        else if (context_isRecord(env)) {
            for (const [key, v] of Object.entries(env)) {
                const value = v === null ? ctx.lookup(key) : undefined;
                if (value !== undefined)
                    env[key] = value;
            }
        }
    }
}
/**
 * Relative host paths made absolute against the included project's directory, in place (the
 * containers stay the same objects, so their lines stay known).
 */
function resolveRelativePaths(ctx, tree) {
    const abs = (p) => resolveHostPath(ctx, ctx.dir, p);
    for (const service of Object.values(context_isRecord(tree.services) ? tree.services : {})) {
        if (!context_isRecord(service))
            continue;
        if (Array.isArray(service.volumes)) {
            service.volumes.forEach((v, i, list) => {
                if (typeof v === 'string') {
                    const [source, ...rest] = v.split(':');
                    if (rest.length > 0 && /^[./~]/.test(source))
                        list[i] = [abs(source), ...rest].join(':');
                }
                else if (context_isRecord(v) && v.type === 'bind' && typeof v.source === 'string')
                    v.source = abs(v.source);
            });
        }
        const envFile = (e) => typeof e === 'string'
            ? abs(e)
            : context_isRecord(e) && typeof e.path === 'string'
                ? { ...e, path: abs(e.path) }
                : e;
        if (Array.isArray(service.env_file))
            service.env_file.forEach((e, i, list) => (list[i] = envFile(e)));
        else if (service.env_file !== undefined)
            service.env_file = envFile(service.env_file);
        const isUrl = (c) => /^[a-z][a-z0-9+.-]*:\/\//i.test(c);
        if (typeof service.build === 'string' && !isUrl(service.build))
            service.build = abs(service.build);
        else if (context_isRecord(service.build)) {
            const context = scalarString(service.build.context) ?? '.';
            if (!isUrl(context))
                service.build.context = abs(context);
        }
    }
    for (const kind of ['secrets', 'configs']) {
        for (const def of Object.values(context_isRecord(tree[kind]) ? tree[kind] : {}))
            if (context_isRecord(def) && typeof def.file === 'string')
                def.file = abs(def.file);
    }
}
/**
 * `over` merged onto `base` (in place) as `-f base -f over` would be: services as overrides, other
 * resources by name, maps key by key; `name` and `x-` keys replaced.
 */
function mergeFiles(ctx, base, over) {
    for (const [key, value] of Object.entries(over)) {
        if (key === 'include' || RESOURCES.includes(key))
            continue;
        base[key] = context_isRecord(base[key]) && context_isRecord(value) ? deepMerge(base[key], value) : value;
        ctx.locs.set(base, key, ctx.locs.get(over, key) ?? { file: '' });
    }
    for (const kind of RESOURCES) {
        const from = over[kind];
        if (!context_isRecord(from))
            continue;
        if (!context_isRecord(base[kind])) {
            base[kind] = {};
            ctx.locs.set(base, kind, ctx.locs.get(over, kind) ?? { file: '' });
        }
        const to = base[kind];
        for (const [name, value] of Object.entries(from)) {
            const old = to[name];
            const loc = ctx.locs.get(from, name) ?? { file: '' };
            if (kind === 'services' && context_isRecord(old) && context_isRecord(value)) {
                const merged = mergeServices(ctx, old, value, loc);
                // Keys only the base file has keep the base file's lines.
                for (const key of Object.keys(old)) {
                    const baseLoc = ctx.locs.get(old, key);
                    if (!Object.hasOwn(value, key) && baseLoc)
                        ctx.locs.set(merged, key, baseLoc);
                }
                to[name] = merged;
            }
            else {
                to[name] = context_isRecord(old) && context_isRecord(value) ? deepMerge(old, value) : value;
                ctx.locs.set(to, name, loc);
            }
        }
    }
    return base;
}
function deepMerge(base, over) {
    const out = { ...base };
    for (const [key, value] of Object.entries(over))
        out[key] = context_isRecord(out[key]) && context_isRecord(value) ? deepMerge(out[key], value) : value;
    return out;
}
/** The included resources copied into `root`; a name both define differently is reported. */
function importResources(ctx, root, imported, written) {
    for (const kind of RESOURCES) {
        const from = imported[kind];
        if (!context_isRecord(from))
            continue;
        if (root[kind] !== undefined && root[kind] !== null && !context_isRecord(root[kind]))
            continue;
        if (!context_isRecord(root[kind])) {
            root[kind] = {};
            const includeLoc = ctx.locs.get(root, 'include');
            if (includeLoc)
                ctx.locs.set(root, kind, includeLoc);
        }
        const to = root[kind];
        for (const [name, value] of Object.entries(from)) {
            const loc = ctx.locs.get(from, name);
            if (Object.hasOwn(to, name)) {
                if ((0,external_node_util_.isDeepStrictEqual)(to[name], value) && !(kind === 'services' && rewrittenByReference(value)))
                    continue;
                const where = loc?.line !== undefined ? `${loc.file}:${loc.line}` : written;
                ctx.report('error', [kind, name], `${kind}.${name} conflicts with imported resource: ${where} (included) defines it too, differently; Compose does not merge them: rename one or remove one`);
                continue;
            }
            to[name] = value;
            if (loc)
                ctx.locs.set(to, name, loc);
        }
    }
}
/**
 * Whether the reference compares this service in a rewritten form: it turns the included copy into
 * long syntax (ports, volumes, depends_on, networks, secrets, configs, build, env_file) before
 * comparing it with the including file's copy as written, so two copies that read the same still
 * conflict there.
 */
function rewrittenByReference(service) {
    if (!context_isRecord(service))
        return false;
    const hasShort = (list) => Array.isArray(list) && list.some((e) => !context_isRecord(e));
    return (service.ports !== undefined ||
        service.env_file !== undefined ||
        typeof service.build === 'string' ||
        Array.isArray(service.depends_on) ||
        Array.isArray(service.networks) ||
        hasShort(service.volumes) ||
        hasShort(service.secrets) ||
        hasShort(service.configs));
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/resources.ts

/** The resources of `model` taken from the file's top level (`root`); undefined keys are left out. */
function projectResources(ctx, root, model) {
    const used = {
        networks: new Set(),
        volumes: new Set(),
        secrets: new Set(),
        configs: new Set(),
    };
    for (const service of Object.values(model.services)) {
        for (const name of Object.keys(service.networks ?? {}))
            used.networks.add(name);
        for (const mount of service.volumes ?? [])
            if (mount.type === 'volume' && mount.source)
                used.volumes.add(mount.source);
        for (const ref of service.secrets ?? [])
            used.secrets.add(ref.source);
        for (const ref of service.configs ?? [])
            used.configs.add(ref.source);
    }
    const out = {};
    const project = model.name ?? '';
    for (const kind of ['networks', 'volumes', 'secrets', 'configs']) {
        const declared = context_isRecord(root[kind]) ? root[kind] : {};
        const entries = {};
        for (const name of used[kind]) {
            const given = declared[name];
            if (given === undefined && !(kind === 'networks' && name === 'default')) {
                if (kind !== 'volumes' || !name.includes('/')) {
                    ctx.report('error', ['services'], `a service uses ${kind.slice(0, -1)} "${name}", which the top-level ${kind} does not declare`);
                }
                continue;
            }
            entries[name] = resource(ctx, kind, name, context_isRecord(given) ? given : {}, project);
        }
        if (Object.keys(entries).length > 0)
            out[kind] = entries;
    }
    return out;
}
function resource(ctx, kind, key, given, project) {
    const external = toBool(given.external);
    const out = { name: external ? key : `${project}_${key}` };
    for (const [k, v] of Object.entries(given))
        if (!k.startsWith('x-'))
            out[k] = v;
    if (external !== undefined)
        out.external = external;
    if (external === false)
        delete out.external;
    if (kind === 'networks') {
        out.ipam = context_isRecord(given.ipam) ? given.ipam : {};
        if (given.internal !== undefined)
            out.internal = toBool(given.internal);
    }
    if ((kind === 'secrets' || kind === 'configs') && typeof given.file === 'string') {
        out.file = resolveHostPath(ctx, ctx.dir, given.file);
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/normalise/index.ts
/**
 * The Compose normaliser: a user's compose file turned into the model `docker compose config --format
 * json` prints (compose-spec semantics, in TypeScript: no docker-compose on the runner), with the
 * line each key came from and every problem found on the way.
 */












/** Reads a file, undefined when it does not exist. */
function defaultReadFile(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
/** Normalises a compose file the way the reference does; never throws on the user's file. */
function normaliseCompose(input) {
    return normaliseComposeFiles({ ...input, files: [{ file: input.file, text: input.text }] });
}
/** Normalises several compose files merged the way the reference does; never throws on the user's files. */
function normaliseComposeFiles(input) {
    const [first] = input.files;
    if (first === undefined)
        throw new Error('normaliseComposeFiles: expected at least one compose file');
    const problems = [];
    const locs = new Locations();
    const dir = external_node_path_default().dirname(first.file);
    const readFile = input.readFile ?? defaultReadFile;
    const source = {};
    const lineOf = (at) => locate(locs, source.root, at, first.file);
    // A value that failed to interpolate is reported once, not again by every step that reads it.
    const unreadable = new Set();
    const report = (severity, at, message, loc) => {
        const dotted = context_formatPath(at);
        if ([...unreadable].some((p) => dotted === p || dotted.startsWith(`${p}.`) || dotted.startsWith(`${p}[`)))
            return;
        if (message.startsWith('error while interpolating'))
            unreadable.add(dotted);
        const where = loc ?? lineOf(at);
        problems.push({
            severity,
            file: where.file,
            ...(where.line !== undefined ? { line: where.line } : {}),
            path: dotted,
            message,
        });
    };
    const result = (model) => ({ model, lineOf, problems });
    const trees = parseFiles(input.files, locs, problems);
    if (trees === undefined)
        return result();
    const ctx = {
        dir,
        home: input.env.HOME ?? (0,external_node_os_.homedir)(),
        lookup: projectLookup(input, dir, readFile, report),
        readFile,
        locs,
        report,
    };
    const errorsBefore = () => problems.filter((p) => p.severity === 'error').length;
    // As in the reference, each file on its own (interpolation, extends, include), then merged in order.
    const root = (source.root = trees[0].tree);
    for (const [i, { file, tree }] of trees.entries()) {
        const fileCtx = loadTree(ctx, tree, file, [file]);
        if (i === 0)
            continue;
        if (tree.services !== undefined && tree.services !== null && !context_isRecord(tree.services))
            fileCtx.report('error', ['services'], 'services must be a map of service name to service');
        mergeFiles(ctx, root, tree);
    }
    const services = context_isRecord(root.services) ? root.services : {};
    if (!context_isRecord(root.services))
        report('error', ['services'], 'services must be a map of service name to service');
    const active = new Set(input.profiles ?? []);
    const model = { name: projectName(input, root, dir), services: {} };
    const removed = new Set();
    for (const [name, raw] of Object.entries(services)) {
        if (!context_isRecord(raw)) {
            report('error', ['services', name], 'a service is a map of keys (image, ports…)');
            continue;
        }
        const profiles = Array.isArray(raw.profiles) ? raw.profiles.map(String) : [];
        if (profiles.length > 0 && !profiles.some((p) => active.has(p))) {
            removed.add(name);
            continue;
        }
        model.services[name] = normaliseService(ctx, name, raw);
    }
    checkDependencies(model, removed, report);
    Object.assign(model, projectResources(ctx, root, model));
    for (const [key, value] of Object.entries(root))
        if (key.startsWith('x-'))
            model[key] = value;
    return result(errorsBefore() > 0 ? undefined : model);
}
/** The files parsed, or undefined after every YAML error (with its file and line) is in `problems`. */
function parseFiles(files, locs, problems) {
    const trees = [];
    for (const { file, text } of files) {
        const loaded = loadYaml(text, file, locs);
        const message = loaded.error?.message ?? 'a compose file is a map with a `services:` key';
        if (loaded.error || !context_isRecord(loaded.data)) {
            const line = loaded.error?.line;
            problems.push({ severity: 'error', file, ...(line ? { line } : {}), path: '', message });
        }
        else
            trees.push({ file, tree: loaded.data });
    }
    return trees.length === files.length ? trees : undefined;
}
function projectLookup(input, dir, readFile, report) {
    const envFile = external_node_path_default().join(dir, '.env');
    const text = readFile(envFile);
    if (text === undefined)
        return (name) => input.env[name];
    const parsed = parseDotenv(text, (name) => input.env[name]);
    if (parsed.error)
        report('error', [], `.env: ${parsed.error.message}`, { file: envFile, line: parsed.error.line });
    return (name) => input.env[name] ?? parsed.vars.get(name);
}
function projectName(input, root, dir) {
    const given = input.env.COMPOSE_PROJECT_NAME || (typeof root.name === 'string' ? root.name : undefined);
    return (given ?? external_node_path_default().basename(dir)).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
function checkDependencies(model, removed, report) {
    for (const [name, service] of Object.entries(model.services)) {
        for (const [dep, spec] of Object.entries(service.depends_on ?? {})) {
            if (model.services[dep] !== undefined || (removed.has(dep) && spec.required === false))
                continue;
            const why = removed.has(dep)
                ? `, which is only in profiles that are not active (add --profile or required: false)`
                : '';
            report('error', ['services', name, 'depends_on', dep], `service "${name}" depends on undefined service "${dep}"${why}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/check.ts
/**
 * A user's compose file, checked exactly as the actions use it: normalised the way the reference
 * implementation does (stack/normalise/), then built into the stack digestline runs with the images
 * under test injected by service name (stack/build/). `digestline-run stack check` prints the result;
 * integration-test, e2e-run and deploy-staging start the spec or refuse with every problem at once.
 */







/**
 * The variables a stack file is interpolated with: the job's environment without the action's inputs
 * and the runner's plumbing, and each image under test as `<NAME>_IMAGE` (so `${BACKEND_IMAGE}` works).
 */
function stackVariables(env, images) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (!isActionVariable(name))
            out[name] = value;
    for (const image of images) {
        out[`${image.name.toUpperCase().replace(/-/g, '_')}_IMAGE`] = (0,src_reference/* pinnedReference */.ct)(image);
    }
    return out;
}
/** Checks compose text that came from `file` (an absolute path, for relative paths and messages). */
function checkStackText(file, text, opts) {
    const env = stackVariables(opts.env ?? {}, opts.images);
    const n = normaliseCompose({
        file,
        text,
        env,
        profiles: opts.profiles ?? [],
    });
    const built = buildStack(n, {
        images: opts.images,
        mode: opts.mode,
        workspace: opts.workspace ?? (0,external_node_path_.dirname)(file),
        ...(opts.resolved !== undefined ? { resolved: opts.resolved } : {}),
        ...(opts.requireDigests !== undefined ? { requireDigests: opts.requireDigests } : {}),
        ...(opts.allow !== undefined ? { allow: opts.allow } : {}),
        env,
    });
    const check = { tags: built.tags, problems: built.problems };
    if (built.spec !== undefined)
        check.spec = built.spec;
    if (n.model !== undefined)
        check.model = n.model;
    return check;
}
/**
 * Builds a stack from a model normalised earlier (what a deployment stored), without normalising
 * again: the values in it are final (a `$` in them is a `$`).
 * @param opts.workspace where its host paths may be (default the stored file's directory)
 * @param opts.env the values of its `environment:` secrets and configs
 */
function stackFromModel(model, source, images, opts = {}) {
    const built = buildStack({ model, lineOf: () => ({ file: source }), problems: [] }, {
        images,
        mode: 'deploy',
        workspace: opts.workspace ?? (0,external_node_path_.dirname)(source),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
    });
    const check = { tags: built.tags, problems: built.problems, model };
    if (built.spec !== undefined)
        check.spec = built.spec;
    return check;
}
/**
 * Checks the compose file at `file`: every error and warning at once; `spec` is set when there is no
 * error.
 */
function checkStack(file, opts) {
    const path = resolve(file);
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        return {
            tags: [],
            problems: [{ severity: 'error', file, path: '', message: `cannot read: ${errorMessage(err)}` }],
        };
    }
    return checkStackText(path, text, opts);
}
/**
 * One problem as one line, `file:line: [warning: ]path: message` (the file relative to `cwd` when it is
 * below it), so editors can jump to it.
 */
function formatProblem(problem, cwd) {
    const rel = cwd === undefined ? '' : (0,external_node_path_.relative)(cwd, problem.file);
    const file = rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : problem.file;
    const where = problem.line === undefined ? file : `${file}:${problem.line}`;
    const severity = problem.severity === 'warning' ? 'warning: ' : '';
    const key = problem.path === '' ? '' : `${problem.path}: `;
    return `${where}: ${severity}${key}${problem.message}`;
}
/**
 * The errors of a check, one `file:line: path: message` line each (file relative to `cwd` when below
 * it); empty exactly when the check built a stack.
 */
function stackErrors(check, cwd) {
    const errors = check.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, cwd));
    return errors.length === 0 && check.spec === undefined ? ['no stack was built'] : errors;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./packages/core/src/registry/auth.ts
/**
 * Registry authentication: credential lookup (docker and podman auth files), `WWW-Authenticate`
 * challenge parsing and the bearer-token exchange of the Docker token protocol.
 */



/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 *
 * Quoted values may contain commas (scopes do) and backslash escapes; several challenges may be
 * listed in one header (`Basic realm="x", Bearer realm="y"`).
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const scheme = readToken();
        if (scheme === '') {
            // Unparsable junk: skip one character rather than loop forever.
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skipSpace();
            const save = i;
            const name = readToken();
            skipSpace();
            if (name === '' || header[i] !== '=') {
                // Not `name=`: the next challenge's scheme starts here (token68 forms are not used by registries).
                i = save;
                break;
            }
            i++; // '='
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                // Unquoted values are tokens per RFC 7235, but some registries send bare URLs; take up to `,`.
                const start = i;
                while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t')
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',') {
                i++;
                continue;
            }
            break;
        }
    }
    return challenges;
}
/**
 * Builds the token endpoint URL of a bearer challenge: `realm?service=...&scope=...&scope=...`.
 *
 * @throws Error when the challenge has no realm or the realm is not an http(s) URL
 */
function tokenUrl(challenge, scopes) {
    const realm = challenge.params['realm'];
    if (realm === undefined || realm === '') {
        throw new Error(`bearer challenge without a realm: ${JSON.stringify(challenge.params)}`);
    }
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new Error(`bearer challenge realm is not a URL: ${JSON.stringify(realm)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`bearer challenge realm must be http(s), got ${JSON.stringify(realm)}`);
    }
    const service = challenge.params['service'];
    if (service !== undefined && service !== '')
        url.searchParams.set('service', service);
    for (const scope of scopes)
        url.searchParams.append('scope', scope);
    return url;
}
/** Host names under which Docker Hub credentials may be stored. */
const DOCKER_HUB_ALIASES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
/**
 * Reduces an auth-file key (`https://index.docker.io/v1/`, `http://host:5000`, `host:5000/ns`) to
 * its host[:port], lowercased, so keys written by different tools compare equal.
 */
function normalizeAuthKey(key) {
    let k = key.trim().toLowerCase();
    k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const slash = k.indexOf('/');
    if (slash >= 0)
        k = k.slice(0, slash);
    return k;
}
function sameRegistry(a, b) {
    if (a === b)
        return true;
    return DOCKER_HUB_ALIASES.includes(a) && DOCKER_HUB_ALIASES.includes(b);
}
/**
 * The auth files consulted, in order: `$REGISTRY_AUTH_FILE` (podman's override),
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), `${XDG_RUNTIME_DIR}/containers/auth.json`,
 * `~/.config/containers/auth.json`. Docker comes before podman's files because runners'
 * `docker login` steps write there.
 */
function authFilePaths(options = {}) {
    const env = options.env ?? process.env;
    const home = options.home ?? env['HOME'] ?? (0,external_node_os_.homedir)();
    const paths = [];
    if (env['REGISTRY_AUTH_FILE'])
        paths.push(env['REGISTRY_AUTH_FILE']);
    paths.push((0,external_node_path_.join)(env['DOCKER_CONFIG'] || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    if (env['XDG_RUNTIME_DIR'])
        paths.push((0,external_node_path_.join)(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    return paths;
}
function readIfExists(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT' ||
            err.code === 'ENOTDIR') {
            return undefined;
        }
        throw new Error(`cannot read registry auth file ${path}: ${err.message}`, { cause: err });
    }
}
/**
 * Decodes an `auths[host]` entry: `auth` is base64 of `user:password` (the password may contain
 * colons); `username`/`password` fields are accepted too. Returns undefined for entries without
 * usable credentials (e.g. only an `identitytoken`, which needs an OAuth exchange we do not do).
 */
function decodeAuthEntry(entry, where) {
    if (entry === null || typeof entry !== 'object')
        return undefined;
    const e = entry;
    if (typeof e['auth'] === 'string' && e['auth'] !== '') {
        const decoded = Buffer.from(e['auth'], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Error(`${where}: "auth" is not base64 of "username:password"`);
        }
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof e['username'] === 'string' && typeof e['password'] === 'string' && e['username'] !== '') {
        return { username: e['username'], password: e['password'] };
    }
    return undefined;
}
/**
 * Finds stored credentials for `registry` (host[:port]) in the docker and podman auth files.
 * The first file with a matching `auths` entry wins. Credential helpers (`credsStore`,
 * `credHelpers`) are not run.
 *
 * @throws Error naming the file when an auth file exists but is not valid JSON or its entry is malformed
 */
function findStoredCredentials(registry, options = {}) {
    const read = options.readFile ?? readIfExists;
    const want = normalizeAuthKey(registry);
    for (const path of authFilePaths(options)) {
        const text = read(path);
        if (text === undefined || text.trim() === '')
            continue;
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (err) {
            throw new Error(`registry auth file ${path} is not valid JSON: ${err.message}`, {
                cause: err,
            });
        }
        const auths = parsed?.auths;
        if (auths === null || typeof auths !== 'object')
            continue;
        // Exact key first, so `host:5000` beats a stale `https://host:5000/v1/` entry.
        const entries = Object.entries(auths).sort(([a], [b]) => Number(b.toLowerCase() === want) - Number(a.toLowerCase() === want));
        for (const [key, entry] of entries) {
            // Repository-scoped podman keys (`host/ns`) would need per-repository tokens; skip them.
            if (key
                .replace(/^[a-z]+:\/\//i, '')
                .replace(/\/v[12]\/?$/, '')
                .includes('/'))
                continue;
            if (!sameRegistry(normalizeAuthKey(key), want))
                continue;
            const credentials = decodeAuthEntry(entry, `${path} auths[${JSON.stringify(key)}]`);
            if (credentials !== undefined)
                return { credentials, source: path };
        }
    }
    return undefined;
}
/** `Authorization` value for basic credentials. */
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
/**
 * Parses a token endpoint's JSON (`token` or OAuth2 `access_token`, `expires_in` seconds, default 60
 * per the Docker token spec). A margin of 10 s is kept so a token does not expire mid-request.
 */
function parseTokenResponse(body, now = Date.now()) {
    const b = (body ?? {});
    const token = typeof b['token'] === 'string' && b['token'] !== ''
        ? b['token']
        : typeof b['access_token'] === 'string'
            ? b['access_token']
            : '';
    if (token === '')
        throw new Error('token endpoint answered without "token" or "access_token"');
    const expiresIn = typeof b['expires_in'] === 'number' && b['expires_in'] > 0 ? b['expires_in'] : 60;
    return { token, expiresAt: now + Math.max(0, expiresIn - 10) * 1000 };
}

;// CONCATENATED MODULE: ./packages/core/src/registry/errors.ts
/**
 * What the registry client throws when a registry answers something other than an operation
 * needs, or sends bytes that do not hash to the digest they were asked for by.
 */
/** A registry answered something other than what the operation needs. */
class RegistryError extends Error {
    method;
    url;
    status;
    code;
    detail;
    name = 'RegistryError';
    /**
     * @param method HTTP method of the failed request
     * @param url the request URL
     * @param status HTTP status, or undefined when no response arrived
     * @param code `errors[0].code` of the registry's error JSON, if any
     * @param detail `errors[0].message` (or the start of a non-JSON body)
     * @param message the full message
     */
    constructor(method, url, status, code, detail, message, options) {
        super(message, options);
        this.method = method;
        this.url = url;
        this.status = status;
        this.code = code;
        this.detail = detail;
    }
}
/** Bytes received from a registry do not hash to the digest they were supposed to have. */
class DigestMismatchError extends Error {
    registry;
    repository;
    reference;
    expected;
    actual;
    name = 'DigestMismatchError';
    constructor(registry, repository, reference, expected, actual, what) {
        super(`${what} ${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference} failed verification: ` +
            `expected digest ${expected}, but the received bytes hash to ${actual}`);
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.expected = expected;
        this.actual = actual;
    }
}
/**
 * A RegistryError for an answer that came with a usable status but lacks what the operation
 * needs (a header, a body, a size within limits).
 *
 * @param url the full request URL
 */
function malformedAnswer(method, url, status, what) {
    return new RegistryError(method, url, status, undefined, undefined, `${method} ${url}: ${what}`);
}

;// CONCATENATED MODULE: ./packages/core/src/registry/origins.ts
/**
 * Which origins may see the registry's credentials. Credentials belong to the registry's own
 * origin (scheme, host and port of its base URL) and to the token realm it announced; every other
 * URL a registry names (a pagination `Link`, an upload `Location`, a redirect) is somebody else.
 */
/** The origin (`scheme://host[:port]`) of an absolute URL. */
function originOf(url) {
    return new URL(url).origin;
}
/** True when both absolute URLs share scheme, host and port. */
function sameOrigin(a, b) {
    return originOf(a) === originOf(b);
}
/** The statuses after which `Location` names where to repeat the request. */
function isRedirectStatus(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(8346);
;// CONCATENATED MODULE: ./packages/core/src/registry/responses.ts


/** Token responses and error bodies: a token is a few KiB, an error message less. */
const MAX_SMALL_BODY_BYTES = 64 * 1024;
/** One page of a tag list or referrers index. */
const MAX_LIST_PAGE_BYTES = 4 * 1024 * 1024;
/**
 * Reads a response body up to `maxBytes`.
 *
 * @param what what the body is, for the message (`manifest`, `tag list page`…)
 * @throws RegistryError naming the URL and the cap when the body (declared or received) is larger
 */
async function readBodyCapped(response, method, url, maxBytes, what) {
    const tooLarge = (size) => malformedAnswer(method, url, response.status, `${what} of ${size} bytes exceeds the ${maxBytes}-byte limit`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(String(declared));
    }
    if (response.body === null)
        return Buffer.alloc(0);
    const reader = response.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(`more than ${maxBytes}`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks, total);
}
/**
 * Reads a JSON body up to `maxBytes`.
 *
 * @throws RegistryError when it is larger or not JSON
 */
async function readJsonCapped(response, method, url, maxBytes, what) {
    const bytes = await readBodyCapped(response, method, url, maxBytes, what);
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new RegistryError(method, url, response.status, undefined, undefined, `${method} ${url}: ${what} is not valid JSON: ${err.message}`, { cause: err });
    }
}
/**
 * Throws a RegistryError built from `response` unless its status is one of `ok`. The registry's
 * error JSON (`errors[0]`) gives code and detail; a 401/403 names where the credentials came from,
 * since that is what a reader has to fix.
 *
 * @param url the full request URL
 * @param credentialsSource where the credentials came from (or why there are none)
 */
async function failUnlessStatus(response, method, url, ok, credentialsSource) {
    if (ok.includes(response.status))
        return;
    let code;
    let detail;
    if (method !== 'HEAD') {
        // An oversized or broken error body only costs the detail, not the error itself.
        const text = await readBodyCapped(response, method, url, MAX_SMALL_BODY_BYTES, 'error body')
            .then((bytes) => bytes.toString('utf8'))
            .catch(() => '');
        try {
            const json = JSON.parse(text);
            const first = json.errors?.[0];
            if (typeof first?.code === 'string')
                code = (0,untrusted/* neutral */.S)(first.code.slice(0, 100));
            if (typeof first?.message === 'string')
                detail = (0,untrusted/* neutral */.S)(first.message.slice(0, 300));
        }
        catch {
            detail = (0,untrusted/* neutral */.S)(text.trim().slice(0, 300)) || undefined;
        }
    }
    else {
        await response.body?.cancel();
    }
    let message = `${method} ${url} failed: ${response.status} ${(0,untrusted/* neutral */.S)(response.statusText)}`.trimEnd();
    if (code !== undefined || detail !== undefined)
        message += `: ${[code, detail].filter(Boolean).join(': ')}`;
    if (response.status === 401 || response.status === 403) {
        message += ` (credentials: ${credentialsSource})`;
    }
    throw new RegistryError(method, url, response.status, code, detail, message);
}

;// CONCATENATED MODULE: ./packages/core/src/registry/retry.ts
/** Defaults used by `RegistryClient` for fields not given. */
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Fills in defaults and checks the bounds of user-given retry options. */
function resolveRetryOptions(options) {
    const resolved = { ...DEFAULT_RETRY, ...options };
    if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
        throw new Error(`retry.attempts must be an integer >= 1, got ${String(resolved.attempts)}`);
    }
    if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= 0)) {
        throw new Error(`retry.baseDelayMs and retry.maxDelayMs must be >= 0, got ${resolved.baseDelayMs} and ${resolved.maxDelayMs}`);
    }
    return resolved;
}
/**
 * True for statuses worth another attempt: 408 and 429 (the server asks us to come back) and 5xx
 * except 501/505, which say the request will never work.
 */
function isRetryableStatus(status) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
/**
 * Parses a `Retry-After` header (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const when = Date.parse(text);
    if (Number.isNaN(when))
        return undefined;
    return Math.max(0, when - now);
}
/**
 * Delay before retry number `retry` (1 = first retry): "equal jitter", i.e. half of the
 * exponential step fixed and half random, so clients that failed together do not retry in lockstep
 * yet each still waits a minimum.
 */
function backoffDelay(retry, options) {
    const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
    return Math.round(step / 2 + options.random() * (step / 2));
}
/**
 * Runs `attempt` until it yields a response that is not retryable, or attempts run out.
 *
 * A network error (a thrown `attempt`) is retried like a 5xx. When the last attempt still fails,
 * the last response is returned (so the caller can build an error from its status and body) or
 * the last network error is rethrown. Bodies of discarded responses are cancelled so their
 * connections are freed.
 *
 * @param attempt performs one request; `n` is the 1-based attempt number. It must be safe to call
 *   again (a request whose body was a consumed one-shot stream is not: pass `attempts: 1` then).
 */
async function fetchWithRetry(attempt, options, onRetry) {
    for (let n = 1;; n++) {
        let response;
        let error;
        try {
            response = await attempt(n);
        }
        catch (err) {
            error = err;
        }
        if (response !== undefined && !isRetryableStatus(response.status))
            return response;
        if (n >= options.attempts) {
            if (response !== undefined)
                return response;
            throw error;
        }
        let delayMs = backoffDelay(n, options);
        const retryAfter = parseRetryAfter(response?.headers.get('retry-after'));
        if (retryAfter !== undefined)
            delayMs = Math.min(Math.max(delayMs, retryAfter), options.maxRetryAfterMs);
        onRetry?.({
            attempt: n,
            attempts: options.attempts,
            ...(response !== undefined ? { status: response.status } : { error }),
            delayMs,
        });
        await response?.body?.cancel().catch(() => undefined);
        await options.sleep(delayMs);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/auth-session.ts
/**
 * The authentication state of one registry client: which credentials it has, which scheme the
 * registry asked for, and the bearer tokens it was issued (cached per scope set).
 *
 * Negotiation is on demand: requests go out anonymously until the registry answers a
 * `WWW-Authenticate` challenge; from then on the scheme it asked for is used up front.
 */






/** Token scope to read `repository`. */
function scopePull(repository) {
    return `repository:${repository}:pull`;
}
/** Token scope to read and write `repository`. */
function scopePush(repository) {
    return `repository:${repository}:pull,push`;
}
/** Answers a registry's authentication challenges and supplies the `Authorization` header. */
class AuthSession {
    options;
    /** Where the credentials came from, or why there are none; named in 401/403 messages. */
    credentialsSource = 'none';
    credentialsLoaded = false;
    credentials = null;
    scheme = 'none';
    bearerChallenge;
    tokens = new Map();
    constructor(options) {
        this.options = options;
    }
    /** The Authorization header to send up front, once we know what the registry wants. */
    async authorization(scopes) {
        if (this.scheme === 'basic') {
            const credentials = this.loadCredentials();
            return credentials !== null && 'username' in credentials ? basicAuthorization(credentials) : undefined;
        }
        if (this.scheme !== 'bearer')
            return undefined;
        const cached = this.tokens.get(scopeKey(scopes));
        if (cached !== undefined && cached.expiresAt > Date.now())
            return `Bearer ${cached.token}`;
        const credentials = this.loadCredentials();
        if (credentials !== null && 'token' in credentials)
            return `Bearer ${credentials.token}`;
        if (this.bearerChallenge === undefined)
            return undefined;
        const token = await this.fetchToken(this.bearerChallenge, scopes);
        return `Bearer ${token.token}`;
    }
    /**
     * Takes in a 401's challenges: a bearer challenge fetches a token for `scopes` (and whatever
     * scope the challenge names), a basic one switches to basic credentials.
     *
     * @param url the request URL as sent to the transport (a path or an absolute URL)
     * @throws RegistryError when the challenge cannot be answered with the credentials at hand
     */
    async answerChallenge(challenges, scopes, method, url) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credentials = this.loadCredentials();
        if (bearer !== undefined) {
            this.scheme = 'bearer';
            this.bearerChallenge = bearer;
            if (credentials !== null && 'token' in credentials)
                return;
            const asked = bearer.params['scope']?.split(' ').filter((s) => s !== '') ?? [];
            const all = [...new Set([...scopes, ...asked])];
            this.tokens.set(scopeKey(scopes), await this.fetchToken(bearer, all));
            return;
        }
        if (basic !== undefined) {
            if (credentials === null || !('username' in credentials)) {
                throw unauthorized(method, url, `${method} ${url.startsWith('/') ? this.options.baseUrl + url : url}: the registry requires basic ` +
                    `authentication, but there are no username/password credentials (${this.credentialsSource})`);
            }
            this.scheme = 'basic';
            return;
        }
        const schemes = challenges.map((c) => c.scheme).join(', ') || '(none)';
        throw unauthorized(method, url, `${method} ${url}: unsupported authentication challenge(s): ${schemes}`);
    }
    loadCredentials() {
        if (!this.credentialsLoaded) {
            this.credentialsLoaded = true;
            if (this.options.credentials !== undefined) {
                this.credentials = this.options.credentials;
                this.credentialsSource = this.credentials === null ? 'anonymous by request' : 'given to the client';
            }
            else {
                const { env, registry } = this.options;
                const found = findStoredCredentials(registry, { env });
                this.credentials = found?.credentials ?? null;
                this.credentialsSource =
                    found !== undefined
                        ? `from ${found.source}`
                        : `none found for ${registry} in ${authFilePaths({ env }).join(', ')}`;
            }
        }
        return this.credentials;
    }
    async fetchToken(challenge, scopes) {
        const url = tokenUrl(challenge, scopes);
        this.checkRealm(url);
        const credentials = this.loadCredentials();
        const headers = { 'user-agent': this.options.userAgent };
        if (credentials !== null && 'username' in credentials) {
            headers['authorization'] = basicAuthorization(credentials);
        }
        // Not following redirects: the realm the registry named is the one place trusted with them.
        const response = await fetchWithRetry(() => this.options.fetch(url, { headers, redirect: 'manual' }), this.options.retry);
        const location = response.headers.get('location');
        if (isRedirectStatus(response.status) && location !== null) {
            await response.body?.cancel().catch(() => undefined);
            throw new RegistryError('GET', url.href, response.status, undefined, undefined, `GET ${url.href}: the token realm redirected (${response.status}) to ${new URL(location, url).href}; ` +
                'not following it with credentials');
        }
        await failUnlessStatus(response, 'GET', url.href, [200], this.credentialsSource);
        const json = await readJsonCapped(response, 'GET', url.href, MAX_SMALL_BODY_BYTES, 'token response');
        const token = parseTokenResponse(json);
        this.tokens.set(scopeKey(scopes), token);
        return token;
    }
    /**
     * Credentials go to a token realm only over https, or over http on loopback. `insecure` also
     * allows http to the registry's own host (an insecure registry's own token service), never to
     * a third host, which could read them off the wire.
     */
    checkRealm(url) {
        if (url.protocol !== 'http:' || isLoopbackHost(url.hostname))
            return;
        if (this.options.insecure && url.hostname === new URL(this.options.baseUrl).hostname)
            return;
        throw new RegistryError('GET', url.href, undefined, undefined, undefined, `refusing to send credentials to token realm ${url.href} over plain http ` +
            `(the registry is ${this.options.baseUrl}; a token realm must be https unless it is on loopback)`);
    }
}
/** A 401 that the credentials at hand cannot answer. */
function unauthorized(method, url, message) {
    return new RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, message);
}
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}

;// CONCATENATED MODULE: ./packages/core/src/registry/digest.ts
/**
 * Hashing and verification of bytes received from or sent to a registry. What a digest is (its
 * grammar and algorithms) is defined once, in reference.ts.
 */


/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digest_digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/**
 * Wraps a byte stream so that it errors at its end unless the bytes it carried hash to `expected`
 * and (when given) number `expectedSize`.
 *
 * The check happens while the bytes flow, so a caller streaming a blob elsewhere never holds it in
 * memory; a consumer sees the error before it sees end-of-stream, so a corrupt blob is never
 * taken as complete.
 */
function verifyingStream(source, expected, describe, expectedSize) {
    const { algorithm } = (0,src_reference/* parseDigest */.m)(expected);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let size = 0;
    return source.pipeThrough(new TransformStream({
        transform(chunk, controller) {
            hash.update(chunk);
            size += chunk.byteLength;
            controller.enqueue(chunk);
        },
        flush(controller) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            if (actual !== expected) {
                controller.error(new Error(`${describe}: content digest mismatch: expected ${expected}, got ${actual} (${size} bytes)`));
            }
            else if (expectedSize !== undefined && size !== expectedSize) {
                controller.error(new Error(`${describe}: expected ${expectedSize} bytes, got ${size}`));
            }
        },
    }));
}

;// CONCATENATED MODULE: ./packages/core/src/registry/names.ts
/**
 * Checks of the names an operation puts into a registry URL (repository, tag or digest), made
 * before any request so that a bad name fails with the rule it breaks, not with a registry 404.
 * Digests follow the one digest grammar of reference.ts.
 */

const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
/** @throws Error when `repository` is not a valid repository name */
function checkRepository(repository) {
    if (!REPOSITORY_RE.test(repository) || repository.length > 255) {
        throw new Error(`repository ${JSON.stringify(repository)} is not a valid repository name (lowercase path components ` +
            'of [a-z0-9] separated by ".", "_", "__" or "-", joined by "/")');
    }
}
/** @throws Error when `reference` is neither a tag nor a digest */
function checkReference(reference) {
    if (!TAG_RE.test(reference) && !(0,src_reference/* isDigest */.Bc)(reference)) {
        throw new Error(`reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
            'sha256/sha512 digest');
    }
}
/**
 * @param what names the value in the message, e.g. `blob digest`
 * @throws Error when `digest` is not a sha256/sha512 digest
 */
function checkDigest(digest, what) {
    if (!(0,src_reference/* isDigest */.Bc)(digest)) {
        throw new Error(`${what} ${JSON.stringify(digest)} is not a sha256:<64 hex> or sha512:<128 hex> digest`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/blobs.ts







function isStreamLike(value) {
    return value instanceof external_node_stream_.Readable || value instanceof ReadableStream;
}
function toWebStream(body) {
    return body instanceof external_node_stream_.Readable ? external_node_stream_.Readable.toWeb(body) : body;
}
/** Size of a blob in a repository, or null when the repository does not have it. */
async function statBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await transport.send({ method: 'HEAD', url: path, scopes: [scopePull(repository)] });
    if (response.status === 404)
        return null;
    await transport.expect(response, 'HEAD', path, [200]);
    return { size: Number(response.headers.get('content-length') ?? '0') };
}
/**
 * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
 * {@link BlobDownload.stream}); nothing is buffered.
 */
async function getBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await transport.send({ method: 'GET', url: path, scopes: [scopePull(repository)] });
    await transport.expect(response, 'GET', path, [200]);
    const length = response.headers.get('content-length');
    const size = length === null ? undefined : Number(length);
    if (response.body === null)
        throw malformedAnswer('GET', transport.absolute(path), 200, 'empty body');
    const stream = verifyingStream(response.body, digest, `GET blob ${transport.registry}/${repository}@${digest}`, size);
    return { digest, size, stream };
}
/**
 * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
 * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
 * upload session instead, which is cancelled here), e.g. because it does not have the blob or
 * the credentials cannot read `fromRepository`.
 */
async function mountBlob(transport, toRepository, fromRepository, digest) {
    checkRepository(toRepository);
    checkRepository(fromRepository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${toRepository}/blobs/uploads/?mount=${encodeURIComponent(digest)}` +
        `&from=${encodeURIComponent(fromRepository)}`;
    const response = await transport.send({
        method: 'POST',
        url: path,
        scopes: [scopePush(toRepository), scopePull(fromRepository)],
    });
    await transport.expect(response, 'POST', path, [201, 202]);
    await response.body?.cancel();
    if (response.status === 201)
        return true;
    await cancelUpload(transport, toRepository, response.headers.get('location'));
    return false;
}
/**
 * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
 * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
 * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
 *
 * @param size exact byte count (sent as `Content-Length`)
 */
async function uploadBlob(transport, repository, digest, body, size) {
    checkUpload(repository, digest, body, size);
    const restartable = !isStreamLike(body);
    const attempts = restartable ? transport.retry.attempts : 1;
    for (let attempt = 1;; attempt++) {
        const location = await startUpload(transport, repository);
        const put = new URL(location, transport.baseUrl);
        put.searchParams.append('digest', digest);
        let payload;
        if (body instanceof Uint8Array)
            payload = body;
        else if (isStreamLike(body))
            payload = toWebStream(body);
        else
            payload = toWebStream(await body());
        let response;
        let error;
        try {
            response = await transport.send({
                method: 'PUT',
                url: put.href,
                scopes: [scopePush(repository)],
                headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
                body: payload,
                repeatable: false,
            });
        }
        catch (err) {
            error = err;
        }
        const transient = response === undefined || isRetryableStatus(response.status);
        if (transient && attempt < attempts) {
            const delayMs = backoffDelay(attempt, transport.retry);
            transport.log.debug(`PUT ${put.origin}${put.pathname} failed (${response?.status ?? String(error)}); ` +
                `restarting the upload in ${delayMs} ms (attempt ${attempt + 1}/${attempts})`);
            await response?.body?.cancel().catch(() => undefined);
            await cancelUpload(transport, repository, location);
            await transport.retry.sleep(delayMs);
            continue;
        }
        if (response === undefined) {
            throw new RegistryError('PUT', put.href, undefined, undefined, undefined, `PUT ${put.origin}${put.pathname} (blob ${digest} into ${transport.registry}/${repository}) failed: ` +
                `${error?.message ?? String(error)}` +
                (restartable ? '' : ' (the body was a one-shot stream, so the upload was not retried)'), { cause: error });
        }
        await transport.expect(response, 'PUT', put.href, [201, 204]);
        await response.body?.cancel();
        const stored = response.headers.get('docker-content-digest');
        if (stored !== null && stored !== digest) {
            throw new Error(`PUT blob ${transport.registry}/${repository}: registry stored ${stored}, expected ${digest}`);
        }
        return digest;
    }
}
/** Refuses an upload that cannot succeed before any request: bad names, size, or bytes that do not match. */
function checkUpload(repository, digest, body, size) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    if (!Number.isSafeInteger(size) || size < 0) {
        throw new Error(`uploadBlob(${repository}, ${digest}): size must be a byte count, got ${size}`);
    }
    if (body instanceof Uint8Array) {
        if (body.byteLength !== size) {
            throw new Error(`uploadBlob(${repository}, ${digest}): size ${size} but ${body.byteLength} bytes given`);
        }
        const actual = digest_digestOf(body, (0,src_reference/* parseDigest */.m)(digest).algorithm);
        if (actual !== digest) {
            throw new Error(`uploadBlob(${repository}, ${digest}): the bytes given hash to ${actual}`);
        }
    }
}
/**
 * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
 * registry's next garbage collection). Returns false when the repository does not have it.
 */
async function deleteBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    return transport.deleteAt(repository, `/v2/${repository}/blobs/${digest}`);
}
/** Opens an upload session; returns its absolute location. */
async function startUpload(transport, repository) {
    const path = `/v2/${repository}/blobs/uploads/`;
    const response = await transport.send({ method: 'POST', url: path, scopes: [scopePush(repository)] });
    await transport.expect(response, 'POST', path, [202]);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null || location === '') {
        throw malformedAnswer('POST', transport.absolute(path), 202, '202 without a Location header');
    }
    return new URL(location, transport.baseUrl).href;
}
/** Best effort: an abandoned session only costs the registry until it expires it. */
async function cancelUpload(transport, repository, location) {
    if (location === null || location === '')
        return;
    const url = new URL(location, transport.baseUrl).href;
    try {
        const response = await transport.send({ method: 'DELETE', url, scopes: [scopePush(repository)] });
        await response.body?.cancel();
        if (response.status >= 300 && response.status !== 404) {
            transport.log.debug(`DELETE ${url} (cancel upload) answered ${response.status}`);
        }
    }
    catch (err) {
        transport.log.debug(`DELETE ${url} (cancel upload) failed: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/media-types.ts
/**
 * Media types of the OCI image spec and of Docker's image manifest v2 (schema 2).
 *
 * Registries still hold plenty of Docker-typed images (docker push, podman push with `--format v2s2`),
 * so every manifest request accepts both families.
 */
/** OCI image manifest. */
const media_types_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** OCI image index (multi-platform image or a referrers list). */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** OCI image config. */
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** OCI empty descriptor (`{}`), the config of artifacts that carry no config. */
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** OCI gzip-compressed layer. */
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** OCI uncompressed layer. */
const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
/** OCI zstd-compressed layer. */
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
/** Docker image manifest v2, schema 2. */
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** Docker manifest list (multi-platform). */
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** Docker image config. */
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
/** Docker gzip-compressed layer. */
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Manifest media types a `RegistryClient` asks for, most preferred first. */
const MANIFEST_MEDIA_TYPES = [
    media_types_OCI_MANIFEST,
    OCI_INDEX,
    DOCKER_MANIFEST,
    DOCKER_MANIFEST_LIST,
];
/** Value of the `Accept` header of manifest requests. */
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** True for an index-like manifest (OCI index or Docker manifest list) whose entries are manifests. */
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** True for a single-image manifest (OCI image manifest or Docker v2 schema 2). */
function isImageManifestMediaType(mediaType) {
    return mediaType === media_types_OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/**
 * OCI distribution spec recommends registries accept manifests of at least 4 MiB; anything larger is
 * not a manifest we should hold in memory.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

;// CONCATENATED MODULE: ./packages/core/src/registry/manifests.ts







function mediaTypeOf(response) {
    const value = response.headers.get('content-type');
    if (value === null)
        return undefined;
    const type = value.split(';')[0].trim();
    return type === '' ? undefined : type;
}
/** A HEAD or GET of a manifest, accepting every manifest type we can verify. */
async function requestManifest(transport, method, repository, reference) {
    checkRepository(repository);
    checkReference(reference);
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await transport.send({
        method,
        url: path,
        scopes: [scopePull(repository)],
        headers: { accept: MANIFEST_ACCEPT },
    });
    return { path, response };
}
/**
 * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
 * Falls back to a GET when the registry omits `Docker-Content-Digest`.
 */
async function headManifest(transport, repository, reference) {
    const { path, response } = await requestManifest(transport, 'HEAD', repository, reference);
    if (response.status === 404)
        return null;
    await transport.expect(response, 'HEAD', path, [200]);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = mediaTypeOf(response);
    const length = response.headers.get('content-length');
    const size = Number(length);
    if (digest === null ||
        !(0,src_reference/* isDigest */.Bc)(digest) ||
        mediaType === undefined ||
        length === null ||
        !Number.isInteger(size)) {
        const fetched = await getManifest(transport, repository, reference);
        return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
    }
    if ((0,src_reference/* isDigest */.Bc)(reference) && digest !== reference) {
        throw new DigestMismatchError(transport.registry, repository, reference, reference, digest, 'HEAD manifest');
    }
    return { digest, mediaType, size };
}
/**
 * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
 * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
 *
 * @throws DigestMismatchError when the bytes do not match
 * @throws RegistryError when the registry does not have it (404) or answers an error
 */
async function getManifest(transport, repository, reference) {
    const { path, response } = await requestManifest(transport, 'GET', repository, reference);
    await transport.expect(response, 'GET', path, [200]);
    const bytes = await readBodyCapped(response, 'GET', transport.absolute(path), MAX_MANIFEST_BYTES, 'manifest');
    const header = response.headers.get('docker-content-digest');
    const digest = verifyManifestBytes(transport.registry, repository, reference, bytes, header);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new Error(`GET ${transport.absolute(path)}: manifest ${digest} is not valid JSON: ${err.message}`, { cause: err });
    }
    const mediaType = mediaTypeOf(response) ?? json.mediaType ?? 'application/octet-stream';
    return { digest, mediaType, size: bytes.length, bytes, json };
}
/**
 * The digest of fetched manifest bytes, checked against what the caller asked for (a digest
 * reference) or else what the registry says it is (`Docker-Content-Digest`).
 *
 * @throws DigestMismatchError when the bytes or the registry's header disagree with the reference
 */
function verifyManifestBytes(registry, repository, reference, bytes, header) {
    let digest;
    if ((0,src_reference/* isDigest */.Bc)(reference)) {
        digest = reference;
    }
    else if (header !== null && (0,src_reference/* isDigest */.Bc)(header)) {
        digest = header;
    }
    else {
        digest = digest_digestOf(bytes);
    }
    const actual = digest_digestOf(bytes, (0,src_reference/* parseDigest */.m)(digest).algorithm);
    if (actual !== digest) {
        throw new DigestMismatchError(registry, repository, reference, digest, actual, 'GET manifest');
    }
    if ((0,src_reference/* isDigest */.Bc)(reference) && header !== null && (0,src_reference/* isDigest */.Bc)(header) && header !== reference) {
        throw new DigestMismatchError(registry, repository, reference, reference, header, 'GET manifest');
    }
    return digest;
}
/**
 * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
 *
 * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
 *   another digest than the one of the bytes sent
 */
async function putManifest(transport, repository, reference, bytes, mediaType) {
    checkRepository(repository);
    checkReference(reference);
    const algorithm = (0,src_reference/* isDigest */.Bc)(reference) ? (0,src_reference/* parseDigest */.m)(reference).algorithm : 'sha256';
    const digest = digest_digestOf(bytes, algorithm);
    if ((0,src_reference/* isDigest */.Bc)(reference) && digest !== reference) {
        throw new Error(`PUT manifest ${transport.registry}/${repository}@${reference}: the manifest bytes hash to ${digest}, not to the digest they are pushed under`);
    }
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await transport.send({
        method: 'PUT',
        url: path,
        scopes: [scopePush(repository)],
        headers: { 'content-type': mediaType },
        body: bytes,
    });
    await transport.expect(response, 'PUT', path, [200, 201, 202]);
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored !== null && stored !== digest && stored !== digest_digestOf(bytes)) {
        throw new Error(`PUT ${transport.absolute(path)}: the registry stored the manifest as ${stored}, but the bytes sent hash to ${digest}`);
    }
    return digest;
}
/**
 * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
 * registry does not have it.
 *
 * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
 *   silently delete other tags sharing the digest
 */
async function deleteManifest(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, `deleteManifest(${repository}): reference`);
    return transport.deleteAt(repository, `/v2/${repository}/manifests/${digest}`);
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./packages/core/src/registry/http.ts


/** Sockets one origin may have open at once (a promotion has at most ~16 requests in flight). */
const MAX_SOCKETS_PER_ORIGIN = 16;
/** An idle request or response (no bytes either way) fails after this long, as undici's fetch does. */
const IDLE_TIMEOUT_MS = 300_000;
/** Bodies up to this size are read to the end on cancel, so their connection can be reused. */
const DRAIN_ON_CANCEL_BYTES = 64 * 1024;
const agents = new Map();
/** The keep-alive agent of an origin (`http://host:port`), made on first use and kept for the run. */
async function agentFor(url) {
    // node:https (and TLS with it) is loaded only when a registry speaks https.
    const mod = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
    let agent = agents.get(url.origin);
    if (agent === undefined) {
        agent = new mod.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, scheduling: 'lifo' });
        agents.set(url.origin, agent);
    }
    return { agent, request: mod.request };
}
/**
 * Sends one request over the origin's keep-alive agent and resolves with the response head; the body
 * streams (with backpressure) as a web `ReadableStream`. Never follows redirects. A body that ends
 * before its connection delivered all of it errors the stream rather than closing it.
 *
 * @throws Error (with the socket error as `cause`) when the request fails before a response head
 */
const keepAliveFetch = async (input, init) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${url.href}: only http and https URLs are supported`);
    }
    const { agent, request } = await agentFor(url);
    const method = (init.method ?? 'GET').toUpperCase();
    const body = init.body;
    return new Promise((resolve, reject) => {
        const req = request(url, { method, headers: init.headers ?? {}, agent });
        req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error(`no activity for ${IDLE_TIMEOUT_MS} ms`)));
        req.once('error', (err) => reject(new Error(`${method} ${url.href} failed`, { cause: err })));
        req.once('response', (res) => resolve(responseOf(method, res)));
        if (body === undefined)
            req.end();
        else if (body instanceof Uint8Array)
            req.end(body);
        else {
            // A failing source stream (a blob whose digest did not verify) destroys the request, so the
            // registry never sees a complete body.
            (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(body), req).catch((err) => req.destroy(err instanceof Error ? err : new Error(String(err))));
        }
    });
};
function responseOf(method, res) {
    const status = res.statusCode ?? 0;
    const headers = {
        get(name) {
            const v = res.headers[name.toLowerCase()];
            if (v === undefined)
                return null;
            return Array.isArray(v) ? v.join(', ') : v;
        },
    };
    const noBody = method === 'HEAD' || status === 204 || status === 304;
    if (noBody)
        res.resume();
    return {
        status,
        statusText: res.statusMessage ?? '',
        headers,
        body: noBody ? null : bodyStream(res),
    };
}
/** The response body as a web stream: pauses the socket while the reader is behind. */
function bodyStream(res) {
    let finished = false;
    return new ReadableStream({
        start(controller) {
            res.on('data', (chunk) => {
                if (finished)
                    return;
                controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                if ((controller.desiredSize ?? 0) <= 0)
                    res.pause();
            });
            res.once('end', () => {
                if (finished)
                    return;
                finished = true;
                controller.close();
            });
            res.once('error', (err) => {
                if (!finished)
                    controller.error(err);
                finished = true;
            });
            res.once('close', () => {
                if (finished)
                    return;
                finished = true;
                controller.error(new Error('the connection closed before the response body ended'));
            });
            res.pause();
        },
        pull() {
            res.resume();
        },
        cancel() {
            finished = true;
            const length = Number(res.headers['content-length']);
            // A small rest is cheaper to read than a new connection; a large or unknown one is not.
            if (Number.isFinite(length) && length <= DRAIN_ON_CANCEL_BYTES && !res.destroyed)
                res.resume();
            else
                res.destroy();
        },
    }, { highWaterMark: 4 });
}

;// CONCATENATED MODULE: ./packages/core/src/registry/transport.ts








/**
 * The API base URL (`http(s)://host[:port]`) of a registry: http for loopback hosts or when
 * `insecure`, https otherwise. `docker.io` maps to Docker Hub's API host.
 *
 * @throws Error when `registry` is not a bare host[:port]
 */
function registryBaseUrl(registry, insecure = false) {
    let url;
    try {
        url = new URL(`http://${registry}`);
    }
    catch {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port]`);
    }
    if (registry === '' ||
        url.username !== '' ||
        url.password !== '' ||
        url.pathname !== '/' ||
        url.search !== '' ||
        url.hash !== '' ||
        registry.includes('/')) {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port] (no scheme, path or credentials)`);
    }
    const host = url.host === 'docker.io' || url.host === 'index.docker.io' ? 'registry-1.docker.io' : url.host;
    const scheme = insecure || isLoopbackHost(url.hostname) ? 'http' : 'https';
    return `${scheme}://${host}`;
}
/** Parses RFC 8288 `Link` for `rel="next"` (registries use it to paginate tag and referrer lists). */
function nextLink(header) {
    if (header === null)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (m !== null && /;\s*rel="?next"?(\s*;|\s*$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
/**
 * Sends requests to one registry. Authentication is negotiated on demand (see {@link AuthSession});
 * requests that fail with a network error, 408, 429 or 5xx are retried with exponential backoff
 * and jitter, honouring `Retry-After`.
 */
class RegistryTransport {
    /** host[:port] as given. */
    registry;
    /** `http(s)://host[:port]`. */
    baseUrl;
    /** The resolved retry policy (uploads restart whole sessions with it). */
    retry;
    /** Receives retries and best-effort cleanup failures, as debug lines. */
    log;
    fetchImpl;
    userAgent;
    auth;
    constructor(options, log) {
        this.registry = options.registry;
        this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
        this.fetchImpl = options.fetch ?? keepAliveFetch;
        this.retry = resolveRetryOptions(options.retry);
        this.log = log;
        this.userAgent = options.userAgent ?? 'digestline';
        this.auth = new AuthSession({
            registry: options.registry,
            baseUrl: this.baseUrl,
            credentials: options.credentials,
            env: options.env ?? process.env,
            insecure: options.insecure ?? false,
            userAgent: this.userAgent,
            fetch: this.fetchImpl,
            retry: this.retry,
        });
    }
    /** The absolute URL of a path under the base URL; absolute URLs are returned as they are. */
    absolute(url) {
        return url.startsWith('/') ? this.baseUrl + url : url;
    }
    /**
     * One logical request: preemptive auth, retries, and one repeat after answering a 401 challenge
     * (the repeat is skipped when the body cannot be sent twice; the 401 is then returned, and the
     * cached auth makes a restarted operation authenticate up front).
     */
    async send(request) {
        const repeatable = (request.repeatable ?? true) && !(request.body instanceof ReadableStream);
        const { response, url } = await this.attempt(request, repeatable);
        const header = response.headers.get('www-authenticate');
        if (response.status !== 401 || header === null)
            return response;
        // A challenge from another origin (storage a redirect or upload Location led to) would have
        // us send the registry's credentials to a realm of that origin's choosing.
        if (!sameOrigin(url, this.baseUrl))
            return response;
        await this.auth.answerChallenge(parseWwwAuthenticate(header), request.scopes, request.method, request.url);
        if (!repeatable)
            return response;
        await response.body?.cancel();
        return (await this.attempt(request, repeatable)).response;
    }
    /**
     * Throws a RegistryError built from the response unless its status is one of `ok`.
     *
     * @param url a path under the base URL or an absolute URL
     */
    async expect(response, method, url, ok) {
        await failUnlessStatus(response, method, this.absolute(url), ok, this.auth.credentialsSource);
    }
    /**
     * DELETE of a manifest or blob path: true when deleted, false when the registry has no such thing.
     */
    async deleteAt(repository, path) {
        const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
        const found = response.status !== 404;
        // expect() reads the body of a refusal for its message; otherwise the body is not needed.
        if (found)
            await this.expect(response, 'DELETE', path, [200, 202, 204]);
        await response.body?.cancel();
        return found;
    }
    /**
     * One request with retries, following redirects by hand so that `Authorization` goes only to
     * the registry's own origin (blob GETs and uploads are often redirected to storage elsewhere,
     * which gets the request without credentials). Returns the final response and its URL.
     */
    async attempt(request, repeatable) {
        let url = this.absolute(request.url);
        let method = request.method;
        let body = request.body;
        let headers = { ...request.headers };
        for (let hops = 0;; hops++) {
            const response = await this.fetchOnce(request.scopes, { method, url, headers, body }, repeatable);
            const location = response.headers.get('location');
            if (!isRedirectStatus(response.status) || location === null)
                return { response, url };
            await response.body?.cancel().catch(() => undefined);
            const next = new URL(location, url).href;
            const fail = (why) => malformedAnswer(method, url, response.status, `redirected (${response.status}) to ${next}, ${why}`);
            if (hops >= MAX_REDIRECTS)
                throw fail(`more than ${MAX_REDIRECTS} redirects in a row`);
            if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
                // As fetch does: these turn the request into a body-less GET.
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
                headers = withoutBodyHeaders(headers);
            }
            else if (body instanceof ReadableStream) {
                throw fail('but the body was a one-shot stream that cannot be sent again');
            }
            url = next;
        }
    }
    /** One hop: credentials only when `url` is on the registry's origin. */
    async fetchOnce(scopes, hop, repeatable) {
        const { method, url, body } = hop;
        const headers = { 'user-agent': this.userAgent, ...hop.headers };
        if (sameOrigin(url, this.baseUrl)) {
            const authorization = await this.auth.authorization(scopes);
            if (authorization !== undefined)
                headers['authorization'] = authorization;
        }
        const init = { method, headers, redirect: 'manual' };
        if (body !== undefined) {
            init.body = body;
            if (body instanceof ReadableStream)
                init.duplex = 'half';
        }
        const onRetry = (event) => {
            const why = event.status !== undefined ? `status ${event.status}` : `${event.error?.message}`;
            this.log.debug(`${method} ${url}: ${why}; retrying in ${event.delayMs} ms (attempt ${event.attempt + 1}/${event.attempts})`);
        };
        try {
            return await fetchWithRetry(() => this.fetchImpl(url, init), repeatable ? this.retry : { ...this.retry, attempts: 1 }, onRetry);
        }
        catch (err) {
            const cause = err.cause;
            const reason = cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
            throw new RegistryError(method, url, undefined, undefined, undefined, `${method} ${url} failed: ${reason}` + (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''), { cause: err });
        }
    }
}
/** Redirects followed for one request before it counts as a loop. */
const MAX_REDIRECTS = 5;
function withoutBodyHeaders(headers) {
    const kept = {};
    for (const [name, value] of Object.entries(headers)) {
        if (!/^content-/i.test(name))
            kept[name] = value;
    }
    return kept;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/pagination.ts
/**
 * Following `Link: rel="next"` through a paginated list (tags, referrers) without trusting the
 * registry to end it: pages stay on the registry's origin, none is fetched twice, and there is a
 * page cap, so a loop or an endless chain fails instead of spinning.
 */



/** Pages of one list followed before giving up (1,000 pages of 1,000 tags is a million tags). */
const MAX_PAGES = 1000;
/** The trail of pages of one list; see the module comment. */
class PageTrail {
    baseUrl;
    what;
    maxPages;
    seen = new Set();
    /**
     * @param baseUrl the registry's `http(s)://host[:port]`
     * @param what the list, for messages (`tag list of app`)
     */
    constructor(baseUrl, what, maxPages = MAX_PAGES) {
        this.baseUrl = baseUrl;
        this.what = what;
        this.maxPages = maxPages;
    }
    /**
     * Records that the page at absolute `url` is about to be fetched.
     *
     * @throws RegistryError when the page was fetched before or the page cap is reached
     */
    visit(url) {
        if (this.seen.has(url)) {
            throw this.error(url, `pagination loops: page ${url} was already fetched (${this.seen.size} pages)`);
        }
        if (this.seen.size >= this.maxPages) {
            throw this.error(url, `pagination exceeds ${this.maxPages} pages`);
        }
        this.seen.add(url);
    }
    /**
     * The absolute URL of the next page named by `link` (the `Link` header of the page at `url`),
     * or undefined at the end.
     *
     * @throws RegistryError when it is on another origin than the registry (it would not get the
     *   registry's credentials, and a list the registry hands to a third party is not the registry's)
     */
    next(url, link) {
        const target = nextLink(link);
        if (target === undefined)
            return undefined;
        const next = new URL(target, url).href;
        if (!sameOrigin(next, this.baseUrl)) {
            throw this.error(url, `the next page is on another origin: ${originOf(next)}, not the registry's ${originOf(this.baseUrl)}; refusing to follow it`);
        }
        return next;
    }
    error(url, why) {
        return new RegistryError('GET', url, undefined, undefined, undefined, `GET ${url}: ${this.what}: ${why}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/referrers.ts
/**
 * The OCI referrers API: manifests whose `subject` is a given digest (signatures, attestations).
 * Registries without it (Forgejo's among them) answer 404; callers then use the tag schema.
 */





/**
 * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
 * Returns null when the registry has no referrers API (404), so the caller can fall back to the
 * `sha256-<hex>` tag schema.
 *
 * @param artifactType keep only referrers of this artifact type
 */
async function referrers(transport, repository, digest, artifactType) {
    checkRepository(repository);
    checkDigest(digest, 'subject digest');
    const result = [];
    const trail = new PageTrail(transport.baseUrl, `referrers of ${repository}@${digest}`);
    let url = transport.absolute(`/v2/${repository}/referrers/${digest}` +
        (artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`));
    let first = true;
    // A registry that ignores the filter says so by not listing it in OCI-Filters-Applied.
    let filtered = artifactType === undefined;
    while (url !== undefined) {
        trail.visit(url);
        const response = await transport.send({
            method: 'GET',
            url,
            scopes: [scopePull(repository)],
            headers: { accept: OCI_INDEX },
        });
        if (first && response.status === 404) {
            await response.body?.cancel();
            return null;
        }
        first = false;
        await transport.expect(response, 'GET', url, [200]);
        const applied = (response.headers.get('oci-filters-applied') ?? '').split(',');
        if (applied.some((f) => f.trim() === 'artifactType'))
            filtered = true;
        const index = (await readJsonCapped(response, 'GET', url, MAX_LIST_PAGE_BYTES, 'referrers index page'));
        result.push(...(index?.manifests ?? []));
        url = trail.next(url, response.headers.get('link'));
    }
    return filtered ? result : result.filter((d) => d.artifactType === artifactType);
}

;// CONCATENATED MODULE: ./packages/core/src/registry/tags.ts
/** Tag listing, following the registry's `Link` pagination. */




/** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
async function listTags(transport, repository) {
    checkRepository(repository);
    const tags = [];
    const trail = new PageTrail(transport.baseUrl, `tag list of ${repository}`);
    let url = transport.absolute(`/v2/${repository}/tags/list?n=1000`);
    while (url !== undefined) {
        trail.visit(url);
        const response = await transport.send({ method: 'GET', url, scopes: [scopePull(repository)] });
        if (response.status === 404 && tags.length === 0) {
            await response.body?.cancel();
            return [];
        }
        await transport.expect(response, 'GET', url, [200]);
        const json = (await readJsonCapped(response, 'GET', url, MAX_LIST_PAGE_BYTES, 'tag list page'));
        tags.push(...(json?.tags ?? []));
        url = trail.next(url, response.headers.get('link'));
    }
    return tags;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/client.ts
/**
 * A client for the OCI distribution API (the registry HTTP API), built on the global `fetch`.
 *
 * Promotion copies images registry-to-registry by digest, so everything here is about bytes and
 * digests: manifests are verified against the digest asked for, blobs are verified while they
 * stream, and blobs move by cross-repository mount whenever the registry allows it.
 *
 * `RegistryClient` is the one class callers construct; each operation lives in the module of its
 * concern (manifests.ts, blobs.ts, tags.ts, referrers.ts), HTTP in transport.ts.
 */






/**
 * Speaks the OCI distribution API to one registry.
 *
 * Authentication is negotiated on demand: anonymous first, then whatever the registry's
 * `WWW-Authenticate` challenge asks for (basic, or a bearer token fetched from the challenge's realm
 * with the basic credentials, cached per scope). Requests that fail with a network error, 408,
 * 429 or 5xx are retried with exponential backoff and jitter, honouring `Retry-After`.
 *
 * @example
 * const client = new RegistryClient({ registry: '127.0.0.1:5000' });
 * const { digest } = await client.getManifest('app/web', 'v1');
 */
class RegistryClient {
    /** host[:port] as given. */
    registry;
    /** `http(s)://host[:port]`. */
    baseUrl;
    transport;
    constructor(options) {
        this.transport = new RegistryTransport(options, options.log ?? silentLog);
        this.registry = this.transport.registry;
        this.baseUrl = this.transport.baseUrl;
    }
    /** Checks that the registry speaks the v2 API and that we can authenticate to it. */
    async ping() {
        const response = await this.transport.send({ method: 'GET', url: '/v2/', scopes: [] });
        await this.transport.expect(response, 'GET', '/v2/', [200]);
        await response.body?.cancel();
    }
    /**
     * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
     * Falls back to a GET when the registry omits `Docker-Content-Digest`.
     */
    headManifest(repository, reference) {
        return headManifest(this.transport, repository, reference);
    }
    /**
     * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
     * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
     *
     * @throws DigestMismatchError when the bytes do not match
     * @throws RegistryError when the registry does not have it (404) or answers an error
     */
    getManifest(repository, reference) {
        return getManifest(this.transport, repository, reference);
    }
    /**
     * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
     *
     * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
     *   another digest than the one of the bytes sent
     */
    putManifest(repository, reference, bytes, mediaType) {
        return putManifest(this.transport, repository, reference, bytes, mediaType);
    }
    /**
     * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
     * registry does not have it.
     *
     * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
     *   silently delete other tags sharing the digest
     */
    deleteManifest(repository, digest) {
        return deleteManifest(this.transport, repository, digest);
    }
    /**
     * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
     * registry's next garbage collection). Returns false when the repository does not have it.
     */
    deleteBlob(repository, digest) {
        return deleteBlob(this.transport, repository, digest);
    }
    /** Size of a blob in a repository, or null when the repository does not have it. */
    statBlob(repository, digest) {
        return statBlob(this.transport, repository, digest);
    }
    /** True if the repository has the blob. */
    async headBlob(repository, digest) {
        return (await this.statBlob(repository, digest)) !== null;
    }
    /**
     * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
     * {@link BlobDownload.stream}); nothing is buffered.
     */
    getBlob(repository, digest) {
        return getBlob(this.transport, repository, digest);
    }
    /**
     * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
     * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
     * upload session instead, which is cancelled here), e.g. because it does not have the blob or
     * the credentials cannot read `fromRepository`.
     */
    mountBlob(toRepository, fromRepository, digest) {
        return mountBlob(this.transport, toRepository, fromRepository, digest);
    }
    /**
     * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
     * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
     * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
     *
     * @param size exact byte count (sent as `Content-Length`)
     */
    uploadBlob(repository, digest, body, size) {
        return uploadBlob(this.transport, repository, digest, body, size);
    }
    /**
     * Makes `descriptor`'s blob present in `repository` of this registry, taking it from
     * `sourceRepository` of `source` by the cheapest means: nothing if it is already there, a
     * mount when `source` is this same registry, else a verified stream from `source` into this
     * registry (restarted from `source` on transient failures, never buffered).
     */
    async copyBlobFrom(source, sourceRepository, repository, descriptor) {
        const { digest, size } = descriptor;
        if (await this.headBlob(repository, digest))
            return 'exists';
        if (source.baseUrl === this.baseUrl && (await this.mountBlob(repository, sourceRepository, digest))) {
            return 'mounted';
        }
        await this.uploadBlob(repository, digest, async () => (await source.getBlob(sourceRepository, digest)).stream, size);
        return 'streamed';
    }
    /** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
    listTags(repository) {
        return listTags(this.transport, repository);
    }
    /**
     * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
     * Returns null when the registry has no referrers API (404), so the caller can fall back to the
     * `sha256-<hex>` tag schema.
     *
     * @param artifactType keep only referrers of this artifact type
     */
    referrers(repository, digest, artifactType) {
        return referrers(this.transport, repository, digest, artifactType);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/stack/resolve.ts
/**
 * Tags resolved to digests once, at start: a service not under test may name `postgres:16`; before
 * the stack starts each distinct tag is asked of its registry once (a manifest HEAD accepting image
 * indexes and manifests, credentials from the runner's auth files), and the stack is built with the
 * digests. What runs, what the evidence records and what a deployment stores is that digest, so a
 * tag that moves later changes nothing (a rollback never resolves again).
 */








/** One or more tags did not resolve; `message` has a line per tag. */
class TagResolutionError extends Error {
    name = 'TagResolutionError';
}
/** Runs `work` on every item with at most `limit` running at once. */
async function eachLimited(items, limit, work) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
/**
 * Resolves each tag once (bounded concurrency; one client per registry host).
 * @returns `registry/repository:tag` → `sha256:…`
 * @throws TagResolutionError naming, for every tag that did not resolve, its services, the reference
 *   and the registry's answer
 */
async function resolveTags(tags, opts = {}) {
    const log = opts.log ?? silentLog;
    const clients = new Map();
    const clientFor = opts.clientFor ??
        ((registry) => new RegistryClient({ registry, log: { ...log, info: () => undefined } }));
    const resolved = new Map();
    const failures = [];
    await eachLimited(tags, opts.concurrency ?? 4, async ({ reference, services }) => {
        const ref = (0,src_reference/* parseReference */.F2)(reference);
        const shown = (0,src_reference/* familiarString */.Dq)(ref);
        const says = `service${services.length === 1 ? '' : 's'} ${services.join(', ')}: ${shown}`;
        try {
            let client = clients.get(ref.registry);
            if (client === undefined)
                clients.set(ref.registry, (client = clientFor(ref.registry)));
            const info = await client.headManifest(ref.repository, ref.tag);
            if (info === null) {
                failures.push(`${says} does not resolve: registry ${ref.registry} has no manifest ${ref.repository}:${ref.tag} (404)`);
                return;
            }
            resolved.set(reference, info.digest);
            log.info(`${shown} → ${info.digest}`);
        }
        catch (err) {
            failures.push(`${says} does not resolve: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    });
    if (failures.length > 0) {
        throw new TagResolutionError(`${failures.length} image tag${failures.length === 1 ? '' : 's'} of the stack did not resolve to a digest (nothing was started):\n${failures.sort().join('\n')}`);
    }
    return resolved;
}
/**
 * The model with each resolved tag of a service not under test written as `repo:tag@sha256:…`: what a
 * deployment stores, so a rollback starts the digests that ran, not what the tag names by then.
 */
function pinnedModel(model, resolved, images) {
    const services = {};
    for (const [name, service] of Object.entries(model.services)) {
        services[name] = service;
        if (images.some((i) => i.name === name) || typeof service.image !== 'string')
            continue;
        let key;
        try {
            const ref = (0,src_reference/* parseReference */.F2)(service.image.trim());
            if (ref.digest !== undefined)
                continue;
            key = tagReference(ref);
        }
        catch {
            continue;
        }
        const digest = resolved.get(key);
        if (digest !== undefined)
            services[name] = { ...service, image: `${key}@${digest}` };
    }
    return { ...model, services };
}
/**
 * Checks compose text and, when its only obstacle is tags to resolve, resolves them (once each) and
 * builds again with their digests. Nothing is resolved for a file with errors.
 * @returns the check; its `model` carries the resolved digests
 * @throws TagResolutionError when a tag does not resolve
 */
async function checkStackTextResolved(file, text, opts, resolveOpts = {}) {
    const first = checkStackText(file, text, opts);
    if (first.tags.length === 0 || first.problems.some((p) => p.severity === 'error'))
        return first;
    const resolved = await resolveTags(first.tags, resolveOpts);
    const check = checkStackText(file, text, { ...opts, resolved });
    if (check.model !== undefined)
        check.model = pinnedModel(check.model, resolved, opts.images);
    return check;
}
/** {@link checkStackTextResolved} on the file at `file` (read once). */
async function checkStackResolved(file, opts, resolveOpts = {}) {
    const path = (0,external_node_path_.resolve)(file);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        return {
            tags: [],
            problems: [{ severity: 'error', file, path: '', message: `cannot read: ${(0,src_errors/* errorMessage */.gJ)(err)}` }],
        };
    }
    return checkStackTextResolved(path, text, opts, resolveOpts);
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/stack-file.ts







function sha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/**
 * Refuses stacks whose health-check URLs could move between deployments: every published port
 * needs a fixed host port (pure).
 *
 * @throws Error naming the services and ports without one
 */
function requireStablePorts(spec) {
    const loose = spec.services.flatMap((s) => s.ports
        .filter((p) => p.hostPort === undefined)
        .map((p) => `${s.name} (container port ${p.containerPort})`));
    if (loose.length > 0) {
        throw new Error(`${spec.source}: deploy-staging needs fixed host ports so health-check URLs stay valid across deployments; ` +
            `give these a host port ("127.0.0.1:18080:8080"): ${loose.join(', ')}`);
    }
}
/** Stack service → digest it runs, for metrics (pure). */
function serviceDigests(spec) {
    return Object.fromEntries(spec.services.map((s) => [s.name, s.image.digest.value]));
}
/**
 * Stores the stack a deployment is recorded with: its normalised model as JSON, `stacks/<sha256>.json`,
 * content-addressed.
 */
async function storeStack(stateDir, text) {
    const hash = sha256(text);
    const path = `stacks/${hash}.json`;
    await (0,promises_.mkdir)((0,external_node_path_.join)(stateDir, 'stacks'), { recursive: true });
    await writeFileAtomic((0,external_node_path_.join)(stateDir, path), text);
    return { path, sha256: hash };
}
/**
 * Reads back the stack file a deployment was recorded with.
 *
 * @throws Error when the ledger names no copy, or the copy is unreadable or changed since
 */
async function loadStoredStack(stateDir, entry) {
    const stored = (entry.started ?? entry.latest).stack ?? entry.latest.stack;
    if (stored === undefined)
        throw new Error(`deployment ${entry.id} has no stored stack file in the ledger`);
    const source = (0,external_node_path_.join)(stateDir, stored.path);
    const text = await (0,promises_.readFile)(source, 'utf8').catch((err) => {
        throw new Error(`the stack file of deployment ${entry.id} (${source}) cannot be read: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
    });
    if (sha256(text) !== stored.sha256) {
        throw new Error(`the stored stack file ${source} was changed since deployment ${entry.id} (sha256 differs)`);
    }
    return { text, source };
}
/**
 * Checks the compose file a deployment starts (deploy mode: `restart` honoured), before anything
 * changes, resolving each tag of a service not under test once (stack/resolve.ts). Warnings go to
 * `log`. The model returned carries the resolved digests (`postgres:16@sha256:…`): it is what the
 * deployment stores, so a rollback starts what ran.
 * @throws Error listing every error of the file, one `file:line: path: message` per line
 * @throws TagResolutionError when a tag does not resolve
 */
async function loadDeployStack(file, images, log, tags = {}) {
    const check = await checkStackResolved(file, {
        images,
        mode: 'deploy',
        env: process.env,
        workspace: tags.workspace ?? process.cwd(),
        requireDigests: tags.requireDigests ?? false,
        ...(tags.allow !== undefined ? { allow: tags.allow } : {}),
    }, { log, ...tags.resolve });
    for (const p of check.problems)
        if (p.severity === 'warning')
            log.warning(formatProblem(p));
    const errors = stackErrors(check);
    if (check.spec === undefined || check.model === undefined || errors.length > 0) {
        throw new Error(`the stack file ${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'} (nothing was changed):\n` +
            errors.join('\n'));
    }
    return { spec: { ...check.spec, source: file }, model: check.model };
}
/**
 * The stack of a recorded deployment again, from the model it stored (a file recorded before models
 * were stored is normalised again). `source` is the stored model's path in the state directory.
 * @throws Error when it no longer builds (e.g. the images recorded do not fit it)
 */
function storedStackSpec(text, source, images) {
    const check = text.trimStart().startsWith('{')
        ? // Its host paths were judged when it was deployed (with that run's allow-* inputs), against a
            // workspace the stored copy no longer knows; the engine socket is still refused.
            stackFromModel(JSON.parse(text), source, images, { workspace: '/', env: process.env })
        : checkStackText(source, text, { images, mode: 'deploy', env: {} });
    const errors = stackErrors(check);
    if (check.spec === undefined || errors.length > 0) {
        throw new Error(`the stored stack ${source} does not build:\n${errors.join('\n')}`);
    }
    return check.spec;
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/deployment.ts
/**
 * One deployment, of either kind, from `started` to its outcome: record `started`, recreate the
 * stack, verify digests and soak the health checks, record the outcome, emit the events, and
 * rewrite the metrics file.
 *
 * Strategy: **recreate**. The old stack is stopped and removed, then the new one is started. A
 * single staging host has no load balancer to shift traffic between two copies (blue/green needs a
 * proxy we do not have), and a named volume has one writer at a time: two versions writing the same
 * data directory at once is how staging data gets corrupted. Named volumes are prefixed with the
 * environment (`<environment>_<volume>`), not the deployment, so data survives every redeploy and
 * rollback. Published host ports must be fixed in the stack file so health-check URLs stay valid.
 */









/** Runs deployments of one environment and records them in its ledger (the lock must be held). */
class Deployer {
    o;
    r;
    constructor(o, r) {
        this.o = o;
        this.r = r;
    }
    record(plan, id, fields) {
        const rec = {
            id,
            time: new Date().toISOString(),
            environment: this.o.environment,
            kind: plan.kind,
            commit: plan.commit,
            runUrl: this.r.runUrl,
            digests: plan.digests,
            durations: {},
            stack: plan.stack,
            healthChecks: plan.checks.map((c) => c.text),
            ...fields,
        };
        if (plan.promotion !== undefined)
            rec.promotion = plan.promotion;
        if (plan.previous !== undefined)
            rec.previous = plan.previous;
        if (plan.rollbackOf !== undefined)
            rec.rollbackOf = plan.rollbackOf;
        if (plan.restores !== undefined)
            rec.restores = plan.restores;
        return rec;
    }
    async event(name, plan, id, extra = {}) {
        await this.o.events.emit({
            event: name,
            environment: this.o.environment,
            deploymentId: id,
            kind: plan.kind,
            digests: plan.digests,
            commit: plan.commit,
            runUrl: this.r.runUrl,
            ...(plan.previous !== undefined ? { previous: plan.previous } : {}),
            ...(plan.rollbackOf !== undefined ? { rollbackOf: plan.rollbackOf } : {}),
            ...extra,
        });
    }
    /** Records `started`, replaces the stack, verifies it, records the outcome. Never throws. */
    async run(plan) {
        const id = newDeploymentId();
        const report = {
            id,
            kind: plan.kind,
            ok: false,
            digests: plan.digests,
            deployMs: 0,
            soakMs: 0,
            soakRounds: 0,
        };
        await this.r.ledger.append(this.record(plan, id, { status: 'started', pid: process.pid, hostname: (0,external_node_os_.hostname)() }));
        await this.event('started', plan, id);
        this.r.log.info(`${plan.kind === 'rollback' ? 'rollback' : 'deployment'} ${id}: ${Object.entries(plan.digests)
            .map(([n, d]) => `${n}=${d}`)
            .join(', ')}`);
        await this.replaceAndVerify(plan, report);
        await this.recordOutcome(plan, report);
        return report;
    }
    /** Recreates the stack and soaks it, filling in `report`; a failure is kept in it, not thrown. */
    async replaceAndVerify(plan, report) {
        const { id } = report;
        const started = performance.now();
        let stack;
        try {
            await this.removeCurrentStack();
            stack = await Stack.up({
                project: this.o.environment,
                volumePrefix: this.o.environment,
                engine: this.o.engine,
                spec: plan.spec,
                labels: { [ENVIRONMENT_LABEL]: this.o.environment },
                readiness: { timeoutMs: this.o.readinessTimeoutMs ?? 120_000 },
                log: this.r.log,
            });
            await stack.verifyDigests();
            report.deployMs = Math.round(performance.now() - started);
            this.r.log.info(`${id}: started and digests verified in ${(report.deployMs / 1000).toFixed(1)}s; soaking ${plan.soakMs / 1000}s with ${plan.checks.length} health check(s)`);
            const running = stack;
            const result = await (0,health/* soak */.Rb)({
                checks: plan.checks,
                durationMs: plan.soakMs,
                intervalMs: this.r.soakIntervalMs,
                alsoCheck: async () => {
                    const down = (await running.inspect()).filter((s) => !s.running);
                    return down.length === 0
                        ? undefined
                        : `stopped during the soak: ${down.map((s) => `${s.service} (${s.status}, exit ${s.exitCode})`).join(', ')}`;
                },
            });
            report.soakMs = result.elapsedMs;
            report.soakRounds = result.rounds;
            if (!result.ok)
                throw new Error(`health check failed in soak round ${result.rounds}: ${result.failure}`);
            report.ok = true;
        }
        catch (err) {
            if (report.deployMs === 0)
                report.deployMs = Math.round(performance.now() - started);
            report.failure = (0,src_errors/* errorMessage */.gJ)(err);
            const partial = err instanceof StackStartError ? err.partialStack : stack;
            if (partial !== undefined) {
                report.bundleDir = (0,external_node_path_.join)(this.o.stateDir, 'bundles', id);
                await partial.collectBundle(report.bundleDir).catch((e) => {
                    this.r.log.warning(`${id}: could not write the diagnostics bundle: ${(0,src_errors/* errorMessage */.gJ)(e)}`);
                });
            }
        }
    }
    /** Appends the final ledger record and emits the outcome's events. */
    async recordOutcome(plan, report) {
        const { id } = report;
        const durations = { deployMs: report.deployMs, soakMs: report.soakMs };
        if (report.ok) {
            await this.r.ledger.append(this.record(plan, id, { status: plan.kind === 'rollback' ? 'rolled-back' : 'verified', durations }));
            await this.event('healthy', plan, id, { durations });
            await this.event(plan.kind === 'rollback' ? 'rolled-back' : 'deployed', plan, id, { durations });
        }
        else {
            const reason = report.failure ?? 'unknown failure';
            this.r.log.warning(`${id}: ${reason}${report.bundleDir !== undefined ? ` (diagnostics: ${report.bundleDir})` : ''}`);
            await this.r.ledger.append(this.record(plan, id, { status: 'failed', durations, reason }));
            await this.event('unhealthy', plan, id, { detail: reason, durations });
            await this.event('failed', plan, id, { detail: reason, durations });
        }
    }
    async removeCurrentStack() {
        let current;
        try {
            current = await Stack.attach(this.o.environment, this.o.engine);
        }
        catch {
            return; // Nothing deployed yet.
        }
        this.r.log.info(`stopping the running ${this.o.environment} stack (recreate)`);
        const started = performance.now();
        // Anonymous volumes go with their containers; named volumes (the environment's data) stay.
        await current.down({ volumes: 'anonymous' });
        this.r.log.info(`stopped and removed the old containers in ${Math.round(performance.now() - started)} ms`);
    }
    /** Rewrites the metrics file, when one is configured; a failure to write is only a warning. */
    async writeMetrics(result, report, spec) {
        if (this.o.metricsFile === undefined || this.o.metricsFile === '')
            return;
        try {
            const { records } = await this.r.ledger.read();
            const totals = {};
            for (const d of deploymentsOf(records))
                if (d.final)
                    totals[d.final.status] = (totals[d.final.status] ?? 0) + 1;
            const current = currentDeployment(records);
            await writeFileAtomic(this.o.metricsFile, renderMetrics({
                environment: this.o.environment,
                result,
                deployMs: report.deployMs,
                soakMs: report.soakMs,
                services: serviceDigests(spec),
                totals,
                ...(current?.final !== undefined ? { lastSuccess: new Date(current.final.time) } : {}),
            }));
        }
        catch (err) {
            this.r.log.warning(`metrics-file: could not write ${this.o.metricsFile}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/outcome.ts
/**
 * The outcome of a run from its requested deployment and the automatic rollback, if one ran (pure):
 * `current` is the deployment that was live before the run.
 */
function finish(primary, rollback, current, recovered, torn) {
    const previous = current?.latest.digests ?? {};
    let status;
    let deployed;
    if (primary.ok) {
        status = primary.kind === 'rollback' ? 'rolled-back' : 'deployed';
        deployed = primary.digests;
    }
    else if (rollback?.ok) {
        status = 'rolled-back';
        deployed = rollback.digests;
    }
    else {
        status = 'failed';
        deployed = {};
    }
    const outcome = { status, deploymentId: primary.id, deployed, previous, primary, recovered };
    if (current !== undefined)
        outcome.previousId = current.id;
    if (rollback !== undefined)
        outcome.rollback = rollback;
    if (torn !== undefined)
        outcome.tornFragment = torn;
    return outcome;
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/images.ts

/** `name=reference` lines of an image set (the format of the `images` input and outputs). */
function imageLines(digests) {
    return Object.entries(digests)
        .map(([name, ref]) => `${name}=${ref}`)
        .join('\n');
}
/** Image set entries as a name → digest reference map. */
function digestMap(images) {
    return Object.fromEntries(images.map((image) => [image.name, (0,src_reference/* pinnedReference */.ct)(image)]));
}

// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts + 2 modules
var dsse = __webpack_require__(8694);
;// CONCATENATED MODULE: ./packages/core/src/promote/limit.ts
/** A small concurrency limiter: registries throttle clients that open dozens of uploads at once. */
/** Runs at most `limit` tasks at a time; the others wait in FIFO order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`concurrency limit must be >= 1, got ${limit}`);
    }
    /** Runs `task` when a slot is free and returns its result. */
    async run(task) {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/**
 * Awaits every promise (unlike `Promise.all`, which returns at the first rejection while the rest keep
 * running) and throws one error listing every failure.
 */
async function settleAll(promises, what) {
    const results = await Promise.allSettled(promises);
    const failures = results.filter((r) => r.status === 'rejected');
    if (failures.length === 0)
        return results.map((r) => r.value);
    const first = failures[0].reason;
    if (failures.length === 1 && first instanceof Error)
        throw first;
    const lines = failures.map((f) => `- ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`);
    throw new Error(`${what}: ${failures.length} of ${results.length} failed:\n${lines.join('\n')}`, {
        cause: first,
    });
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/artifact.ts
/**
 * The evidence artifact: the OCI manifest that carries one DSSE envelope as its only layer, with the
 * lane, commit and creation time as annotations, and (for image evidence) the image as its `subject`.
 */



/** `artifactType` of digestline evidence manifests. */
const EVIDENCE_ARTIFACT_TYPE = 'application/vnd.dev.digestline.evidence.v1+json';
/** Media type of the layer holding the DSSE envelope JSON. */
const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** Annotation naming the lane of the evidence. */
const LANE_ANNOTATION = 'dev.digestline.lane';
/** Annotation naming the commit the evidence is about. */
const COMMIT_ANNOTATION = 'dev.digestline.commit';
/** OCI standard annotation: when the evidence was created (RFC 3339). */
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The OCI empty JSON blob (`{}`), config of artifacts without a config. */
const EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
const EMPTY_DESCRIPTOR = { mediaType: OCI_EMPTY, digest: digest_digestOf(EMPTY_BLOB), size: 2 };
/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
function buildEvidenceManifest(envelope, opts) {
    const statement = statementOf(envelope);
    const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
    const annotations = {
        [LANE_ANNOTATION]: statement.predicate.lane,
        [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
        [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: EVIDENCE_ARTIFACT_TYPE,
        config: EMPTY_DESCRIPTOR,
        layers: [{ mediaType: DSSE_MEDIA_TYPE, digest: digestOf(layer), size: layer.length }],
        annotations,
    };
    if (opts.subject !== undefined) {
        manifest.subject = {
            mediaType: opts.subject.mediaType,
            digest: opts.subject.digest,
            size: opts.subject.size,
        };
    }
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const digest = digestOf(bytes);
    return {
        manifest,
        bytes,
        digest,
        layer,
        descriptor: {
            mediaType: OCI_MANIFEST,
            digest,
            size: bytes.length,
            artifactType: EVIDENCE_ARTIFACT_TYPE,
            annotations,
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/location.ts
/**
 * Where evidence lives in a registry: image evidence is listed under the referrers fallback tag of
 * its image when the registry has no referrers API; source-lane evidence, which has no image to point
 * at, is tagged `commit-<sha>.source` in an evidence repository so it can be found from the commit
 * alone.
 */


/**
 * The referrers fallback tag of a digest: `sha256-<hex>` (OCI distribution spec 1.1).
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function fallbackTag(digest) {
    const parsed = typeof digest === 'string' ? (0,src_reference/* parseDigest */.m)(digest) : digest;
    return `${parsed.algorithm}-${parsed.hex}`;
}
/** The tag under which source-lane evidence of `commit` is stored: `commit-<sha>.source`. */
function location_sourceEvidenceTag(commit) {
    return `commit-${assertGitObjectId(commit, 'commit')}.source`;
}
/**
 * The evidence repository of an image repository: `evidence` next to it in the same namespace
 * (`org/app/web` → `org/app/evidence`, `web` → `evidence`). Source-lane evidence lives there because it
 * exists before (and independently of) any image; on Forgejo it is one more package of the owner.
 */
function location_evidenceRepository(imageRepository) {
    const slash = imageRepository.lastIndexOf('/');
    return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/registry.ts

/**
 * Clients whose registry answered 404 to the referrers API. The OCI distribution spec forbids a 404
 * from a registry that has the API (it answers an empty index for an unknown subject), so one 404
 * says it for the whole registry (CNCF distribution 2.8, Forgejo): later reads and writes through
 * the same client go straight to the fallback tag instead of paying that round trip again.
 */
const withoutReferrersApi = new WeakSet();
/**
 * `client.referrers()`, remembered per client: `null` (no referrers API) without a request once the
 * registry has answered 404.
 */
async function referrersOf(client, repo, digest, artifactType) {
    if (withoutReferrersApi.has(client))
        return null;
    const found = await client.referrers(repo, digest, artifactType);
    if (found === null)
        withoutReferrersApi.add(client);
    return found;
}
/** Whether {@link referrersOf} has seen `client`'s registry answer 404 to the referrers API. */
function knownWithoutReferrersApi(client) {
    return withoutReferrersApi.has(client);
}
/** True for the error the registry client throws when a manifest or blob does not exist. */
function isNotFound(err) {
    return err instanceof RegistryError && err.status === 404;
}
/** A manifest by tag or digest, or `undefined` when the registry does not have it. */
async function registry_getManifestOrUndefined(client, repo, ref) {
    try {
        return await client.getManifest(repo, ref);
    }
    catch (err) {
        if (isNotFound(err))
            return undefined;
        throw err;
    }
}
/** Uploads a blob unless the repository has it already. */
async function uploadIfMissing(client, repo, bytes, digest) {
    if (!(await client.headBlob(repo, digest)))
        await client.uploadBlob(repo, digest, bytes, bytes.length);
}
/** Reads a whole blob (verified by the client's stream) into memory, refusing more than `maxBytes`. */
async function readBlob(client, repo, digest, maxBytes) {
    const download = await client.getBlob(repo, digest);
    if (download.size !== undefined && download.size > maxBytes) {
        await download.stream.cancel();
        throw new Error(`blob ${digest} is ${download.size} bytes, over the ${maxBytes}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    const reader = download.stream.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel();
            throw new Error(`blob ${digest} exceeds the ${maxBytes}-byte limit`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/find.ts
/**
 * Finds evidence again: the envelopes attached to an image digest (referrers API, or the fallback
 * tag), and the source-lane evidence of a commit. Every envelope is checked against what listed it
 * (digest, artifact type, subject, size) before it is parsed.
 */








/** Evidence envelopes larger than this are refused on read: a statement is a few KiB. */
const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;
/**
 * At most this many evidence artifacts are read for one digest. A digest gathers a few per pipeline
 * run; anyone who can push could attach thousands, and reading them all would cost us the memory and
 * the registry the requests. More than this is refused, not truncated: a cut-off list could hide the
 * verdict that matters.
 */
const MAX_EVIDENCE_PER_DIGEST = 256;
/** Evidence envelopes read at the same time (registries throttle clients with dozens of requests open). */
const EVIDENCE_READ_CONCURRENCY = 8;
async function loadEnvelope(client, repo, descriptor, expectSubject, via, preloaded) {
    try {
        const m = preloaded ?? (await client.getManifest(repo, descriptor.digest));
        if (m.digest !== descriptor.digest) {
            throw new Error(`manifest digest ${m.digest} does not match the listed ${descriptor.digest}`);
        }
        if (m.json.artifactType !== EVIDENCE_ARTIFACT_TYPE) {
            throw new Error(`artifactType is ${JSON.stringify(m.json.artifactType)}, not ${EVIDENCE_ARTIFACT_TYPE}`);
        }
        if (expectSubject !== undefined && m.json.subject?.digest !== expectSubject.value) {
            throw new Error(`its subject is ${m.json.subject?.digest ?? 'missing'}, not ${expectSubject.value}`);
        }
        const layer = m.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE);
        if (layer === undefined)
            throw new Error(`it has no ${DSSE_MEDIA_TYPE} layer`);
        if (layer.size > MAX_ENVELOPE_BYTES)
            throw new Error(`its envelope is ${layer.size} bytes, over the limit`);
        const bytes = await readBlob(client, repo, layer.digest, MAX_ENVELOPE_BYTES);
        // The client checks digests too; checking here keeps the guarantee independent of the transport.
        // The layer digest is the registry's text, so it is parsed (validated) here, once.
        const actual = digest_digestOf(bytes, (0,src_reference/* parseDigest */.m)(layer.digest).algorithm);
        if (actual !== layer.digest)
            throw new Error(`envelope blob hashes to ${actual}, expected ${layer.digest}`);
        if (bytes.length !== layer.size)
            throw new Error(`envelope blob is ${bytes.length} bytes, expected ${layer.size}`);
        const envelope = (0,dsse.parseEnvelope)(JSON.parse(bytes.toString('utf8')));
        return { descriptor, via, envelope, manifest: m };
    }
    catch (err) {
        return { descriptor, via, error: `evidence ${descriptor.digest} in ${repo}: ${(0,src_errors/* errorMessage */.gJ)(err)}` };
    }
}
/**
 * Finds the evidence attached to image manifest `digest` in `repo`: referrers API first, the fallback
 * tag when the registry has no referrers API. Each envelope blob's sha256 is verified; evidence that
 * cannot be read is returned with `error` rather than dropped, so callers can report it.
 *
 * @param digest the parsed digest, or its text (validated here)
 * @param opts.lane only evidence whose lane annotation names this lane
 */
async function find_findEvidence(client, repo, digest, opts = {}) {
    const subjectDigest = typeof digest === 'string' ? (0,src_reference/* parseDigest */.m)(digest) : digest;
    const tag = fallbackTag(subjectDigest);
    const readFallback = async () => (await registry_getManifestOrUndefined(client, repo, tag))?.json.manifests ?? [];
    let descriptors;
    let via = 'referrers-api';
    if (knownWithoutReferrersApi(client)) {
        via = `tag:${tag}`;
        descriptors = await readFallback();
    }
    else {
        // Until the registry has told, both are asked at once: the fallback read costs nothing when the
        // API answers, and saves a round trip when it does not.
        const fallback = readFallback();
        fallback.catch(() => undefined);
        const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
        if (viaApi !== null)
            descriptors = viaApi;
        else {
            via = `tag:${tag}`;
            descriptors = await fallback;
        }
    }
    const wanted = descriptors.filter((d) => d.artifactType === EVIDENCE_ARTIFACT_TYPE &&
        (opts.lane === undefined || d.annotations?.[LANE_ANNOTATION] === opts.lane));
    if (wanted.length > MAX_EVIDENCE_PER_DIGEST) {
        throw new Error(`${repo}@${subjectDigest.value} has ${wanted.length} evidence artifacts (${via}), more than the ` +
            `${MAX_EVIDENCE_PER_DIGEST} digestline reads for one digest; delete the ones that are not yours`);
    }
    const limiter = new Limiter(EVIDENCE_READ_CONCURRENCY);
    return Promise.all(wanted.map((d) => limiter.run(() => loadEnvelope(client, repo, d, subjectDigest, via))));
}
/**
 * Finds the source-lane evidence of `commit` in the evidence repository `repo` (tag
 * `commit-<sha>.source`); an empty list when there is none.
 */
async function find_findSourceEvidence(client, repo, commit) {
    const tag = sourceEvidenceTag(commit);
    const m = await getManifestOrUndefined(client, repo, tag);
    if (m === undefined)
        return [];
    const descriptor = { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
    if (m.json.annotations !== undefined)
        descriptor.annotations = m.json.annotations;
    if (m.json.artifactType !== undefined)
        descriptor.artifactType = m.json.artifactType;
    return [await loadEnvelope(client, repo, descriptor, undefined, `tag:${tag}`, m)];
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/verify.ts





/** Shortens digests and commits in messages: `sha256:ab12cd34ef56…`, `1a2b3c4d5e6f…`. */
function verify_short(value) {
    const colon = value.indexOf(':');
    const prefix = colon >= 0 ? value.slice(0, colon + 1) : '';
    const hex = value.slice(prefix.length);
    return hex.length > 12 ? `${prefix}${hex.slice(0, 12)}…` : value;
}
/**
 * How a lane's `tested` list differs from the set (same names with the same digests, nothing more,
 * nothing less), or undefined when it is exactly the set (pure).
 */
function setDifference(tested, set, verb = 'tested') {
    const show = (i) => `${i.name}@${verify_short(i.digest)}`;
    const key = (i) => `${i.name}\n${i.digest}`;
    const testedKeys = new Set(tested.map(key));
    const setKeys = new Set(set.map(key));
    const missing = set.filter((i) => !testedKeys.has(key(i)));
    const extra = tested.filter((i) => !setKeys.has(key(i)));
    const parts = [];
    if (missing.length > 0)
        parts.push(`without ${missing.map(show).join(', ')}`);
    if (extra.length > 0)
        parts.push(`with ${extra.map(show).join(', ')}, which is not in the set`);
    if (parts.length === 0 && tested.length !== testedKeys.size)
        parts.push('with an image listed twice');
    return parts.length > 0 ? `it was ${verb} ${parts.join(' and ')}` : undefined;
}
/** Why a statement does not apply to this digest/commit/run/set, or undefined when it does. */
function inapplicable(s, lane, input, digest) {
    const p = s.predicate;
    if (p.commit.sha !== input.commit)
        return `it is for commit ${verify_short(p.commit.sha)}`;
    if (p.run === undefined)
        return `it names no CI run (predicate.run), so it cannot count for run ${input.run}`;
    if (p.run.id !== input.run)
        return `it is from run ${p.run.id}, not run ${input.run}`;
    if (lane === 'source') {
        return s.subject.some((sub) => sub.digest.gitCommit === input.commit)
            ? undefined
            : 'its subject is not the commit';
    }
    if (!s.subject.some((sub) => sub.digest[digest.algorithm] === digest.hex)) {
        return 'its subject does not include this digest';
    }
    if (lane === 'integration' || lane === 'e2e' || lane === 'promotion') {
        return setDifference(p.tested, input.set);
    }
    return undefined;
}
/** Why an envelope's signatures do not make it count, or undefined when they do. */
function unsignedBy(e, keys, ids) {
    if (e.signatures.length === 0)
        return 'is unsigned';
    if (!keys.some((k) => verifyEnvelope(e, k).length > 0))
        return `is not signed by ${ids}`;
    return undefined;
}
/** `lane key a1b2…` or `any lane key (a1b2…, c3d4…)`, for messages. */
function keyNames(keys) {
    const ids = keys.map((k) => `${verify_short(keyId(k))}`);
    return ids.length === 1 ? `lane key ${ids[0]}` : `any lane key (${ids.join(', ')})`;
}
/**
 * Decides, for each required lane, whether passing evidence exists (pure).
 *
 * Rules: evidence counts for a lane when its envelope is signed by one of the lane keys (unless
 * unsigned evidence is explicitly allowed), its statement is for that lane, the same commit and the
 * same CI run (`predicate.run.id`), names this digest among its subjects (source lane: the commit),
 * and, for integration/e2e/promotion, its `tested` list is exactly the set being promoted (same names,
 * same digests, nothing more). Among the evidence that counts, the most recent verdict
 * (`timeVerified`) decides: a lane that passed and then failed on a re-run is not passing. Since only
 * this run's evidence counts, hiding its newer failure cannot bring back another run's pass.
 *
 * @throws Error when `trust` has no key (an empty key list is not "unsigned allowed")
 */
function decideEvidence(input) {
    return decide(input, parseDigest(input.digest));
}
/** {@link decideEvidence} for `input.digest` already parsed (and so validated) as `subject`. */
function decide(input, subject) {
    const digest = subject.value;
    const problems = [];
    const refused = [];
    const keys = 'keys' in input.trust ? input.trust.keys : undefined;
    if (keys !== undefined && keys.length === 0) {
        throw new Error('no lane public key to verify evidence with (and unsigned evidence is not allowed)');
    }
    const expected = keys !== undefined ? keyNames(keys) : '';
    const byLane = new Map();
    const notes = new Map();
    const note = (lane, text) => {
        notes.set(lane, [...(notes.get(lane) ?? []), text]);
    };
    const found = [
        ...input.imageEvidence.map((e) => ({ e, source: false })),
        ...input.sourceEvidence.map((e) => ({ e, source: true })),
    ];
    for (const { e, source } of found) {
        const where = `evidence ${verify_short(e.descriptor.digest)} (${e.via})`;
        if (e.envelope === undefined) {
            refused.push(e.error ?? `${where}: no envelope`);
            continue;
        }
        let statement;
        try {
            statement = statementOf(e.envelope);
        }
        catch (err) {
            refused.push(`${where}: ${errorMessage(err)}`);
            continue;
        }
        const lane = statement.predicate.lane;
        if (source !== (lane === 'source')) {
            refused.push(`${where}: ${lane} evidence found where ${source ? 'source' : 'image'} evidence belongs`);
            continue;
        }
        // Evidence of a lane not required (a promotion record, in a promotion chain) is not judged.
        if (!input.requiredLanes.includes(lane))
            continue;
        const unsigned = keys !== undefined ? unsignedBy(e.envelope, keys, expected) : undefined;
        if (unsigned !== undefined) {
            note(lane, `${where} ${unsigned}`);
            refused.push(`${where}: ${lane} evidence ${unsigned}`);
            continue;
        }
        const why = inapplicable(statement, lane, input, subject);
        if (why !== undefined) {
            note(lane, `${where}: ${why}`);
            continue;
        }
        byLane.set(lane, [...(byLane.get(lane) ?? []), { statement, where, found: e }]);
    }
    const lanes = {};
    for (const lane of input.requiredLanes) {
        const candidates = [...(byLane.get(lane) ?? [])].sort((a, b) => b.statement.predicate.timeVerified.localeCompare(a.statement.predicate.timeVerified));
        const lacks = `${verify_short(digest)} lacks passing ${lane} evidence for commit ${verify_short(input.commit)}`;
        const latest = candidates[0];
        if (latest === undefined) {
            const seen = notes.get(lane);
            lanes[lane] = {
                passed: false,
                reason: seen ? `${lacks}: ${seen.join('; ')}` : `${lacks}: none found`,
            };
        }
        else if (latest.statement.predicate.verificationResult !== 'PASSED') {
            const failed = latest.statement.predicate.checks
                .filter((c) => c.result === 'FAILED')
                .map((c) => c.name);
            lanes[lane] = {
                passed: false,
                reason: `${lacks}: the latest run (${latest.statement.predicate.runUrl}, ${latest.statement.predicate.timeVerified}) ` +
                    `FAILED${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
            };
        }
        else {
            lanes[lane] = {
                passed: true,
                evidence: latest.found,
                reason: `${lane} PASSED for ${verify_short(digest)} at ${latest.statement.predicate.timeVerified} by ${latest.statement.predicate.runUrl} (${latest.where})`,
            };
        }
    }
    for (const lane of input.requiredLanes) {
        const v = lanes[lane];
        if (v !== undefined && !v.passed)
            problems.push(v.reason);
    }
    problems.push(...refused);
    return { ok: input.requiredLanes.every((l) => lanes[l]?.passed === true), lanes, problems };
}
/**
 * Fetches the evidence of `digest` (and, when the source lane is required, of `commit`) and decides
 * with {@link decideEvidence}.
 */
async function verifyEvidenceFor(opts) {
    const digest = parseDigest(opts.digest);
    if (!opts.set.some((i) => i.digest === digest.value)) {
        throw new Error(`the set being promoted does not contain ${digest.value} itself`);
    }
    // Independent reads: both at once.
    const [imageEvidence, sourceEvidence] = await Promise.all([
        findEvidence(opts.client, opts.repo, digest),
        opts.requiredLanes.includes('source')
            ? findSourceEvidence(opts.client, opts.sourceRepo ?? evidenceRepository(opts.repo), opts.commit)
            : Promise.resolve([]),
    ]);
    return decide({
        digest: digest.value,
        commit: opts.commit,
        run: opts.run,
        requiredLanes: opts.requiredLanes,
        set: opts.set,
        imageEvidence,
        sourceEvidence,
        trust: opts.trust,
    }, digest);
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/promotion.ts







/** Some images lack a promotion record of the deployed set; nothing was changed. */
class NotPromotedError extends Error {
    problems;
    name = 'NotPromotedError';
    constructor(problems, headline) {
        super(`refusing to deploy: ${headline ?? (problems.length === 1 ? 'an image is not promoted' : `${problems.length} images are not promoted`)} (nothing was changed):\n${problems.join('\n')}`);
        this.problems = problems;
    }
}
/**
 * The passing promotion records for `digest` among found evidence (pure), newest first, with notes
 * on the records that do not count.
 *
 * @param trust with a key, only records whose DSSE envelope verifies with it count (unsigned or
 *   otherwise signed records get a note)
 */
function promotionRecords(found, digest, trust) {
    const { algorithm, hex } = digest;
    const key = 'key' in trust ? trust.key : undefined;
    const expected = key !== undefined ? verify_short((0,dsse.keyId)(key)) : '';
    const notes = [];
    const records = [];
    for (const e of found) {
        if (e.envelope === undefined) {
            notes.push(e.error ?? `evidence ${verify_short(e.descriptor.digest)} is unreadable`);
            continue;
        }
        try {
            const s = (0,dsse.statementOf)(e.envelope);
            const p = s.predicate;
            if (p.lane !== 'promotion')
                continue;
            const record = digest_digestOf((0,dsse.payloadBytes)(e.envelope));
            const what = `record ${verify_short(record)}`;
            // Checked before anything the record says is believed: an unsigned record is anyone's word,
            // and a lane key's signature on a promotion-lane statement is not promote-digest's.
            if (key !== undefined) {
                if (e.envelope.signatures.length === 0) {
                    notes.push(`${what} is unsigned`);
                    continue;
                }
                if ((0,dsse.verifyEnvelope)(e.envelope, key).length === 0) {
                    notes.push(`${what} is not signed by the promotion key ${expected}`);
                    continue;
                }
            }
            if (!s.subject.some((sub) => sub.digest[algorithm] === hex)) {
                notes.push(`${what} does not name this digest`);
                continue;
            }
            if (p.verificationResult !== 'PASSED') {
                notes.push(`${what} is ${p.verificationResult}`);
                continue;
            }
            records.push({
                digest: digest.value,
                commit: p.commit.sha,
                record,
                evidence: e.descriptor.digest,
                timeVerified: p.timeVerified,
                runUrl: p.runUrl,
                unsignedAllowed: p.unsignedAllowed === true,
                tested: p.tested,
            });
        }
        catch (err) {
            notes.push(`record ${verify_short(e.descriptor.digest)}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    records.sort((a, b) => b.timeVerified.localeCompare(a.timeVerified));
    return { records, notes };
}
const describeRecord = (r) => `record ${verify_short(r.record)} (commit ${verify_short(r.commit)}, ${r.timeVerified}, ${r.runUrl})`;
/**
 * Chooses the one promotion record that admits the whole deployed set (pure): attached to every
 * image, listing exactly the deployed set (names and digests). The newest such record wins.
 *
 * @throws NotPromotedError naming each image without a record, each image whose records are of
 *   another set, or every record involved when the images come from different promotions
 */
function chooseRecord(images, keyNote) {
    if (images.length === 0)
        throw new Error('no images to deploy');
    const set = images.map((i) => ({ name: i.name, digest: i.digest }));
    const problems = [];
    const exact = images.map((i) => {
        const line = `${i.name}=${i.reference}`;
        if (i.records.length === 0) {
            const none = `no passing promotion record${keyNote}`;
            problems.push(i.notes.length > 0
                ? `${line}: ${none} (${i.notes.join('; ')}) in ${i.repository}`
                : `${line}: ${keyNote === '' ? 'no promotion record' : none} in ${i.repository}`);
            return [];
        }
        const ofSet = i.records.filter((r) => setDifference(r.tested, set, 'promoted') === undefined);
        if (ofSet.length === 0) {
            const newest = i.records[0];
            problems.push(`${line}: not promoted together with the deployed set: its newest ${describeRecord(newest)}: ${setDifference(newest.tested, set, 'promoted')}`);
        }
        return ofSet;
    });
    if (problems.length > 0) {
        const involved = new Set(images.flatMap((i) => (i.records[0] ? [i.records[0].record] : [])));
        const headline = involved.size > 1
            ? `the images come from ${involved.size} different promotions (records ${[...involved].map((r) => verify_short(r)).join(', ')}); deploy a set promote-digest promoted together`
            : undefined;
        throw new NotPromotedError(problems, headline);
    }
    const common = exact[0].filter((r) => exact.every((list) => list.some((o) => o.record === r.record)));
    const chosen = common[0];
    if (chosen === undefined) {
        throw new NotPromotedError(images.map((i, n) => `${i.name}=${i.reference}: promoted by ${describeRecord(exact[n][0])}`), 'the images were promoted by different promotion records, none of which is attached to all of them');
    }
    return images.map((i, n) => {
        const own = exact[n].find((r) => r.record === chosen.record);
        return {
            name: i.name,
            reference: i.reference,
            digest: own.digest,
            commit: own.commit,
            record: own.record,
            evidence: own.evidence,
            timeVerified: own.timeVerified,
            runUrl: own.runUrl,
            unsignedAllowed: own.unsignedAllowed,
        };
    });
}
/**
 * Looks up the promotion records of every image (concurrently) and requires one record that
 * promoted exactly this set (with a key: signed by it).
 *
 * @throws NotPromotedError listing every image that is not covered, with its digest and why (registry
 *   errors included); Error for a key that is not ECDSA P-256, before any request
 */
async function requirePromotions(images, options) {
    const { trust } = options;
    const keyNote = 'key' in trust ? ` signed by the promotion key ${verify_short((0,dsse.keyId)(trust.key))}` : '';
    if (!('key' in trust)) {
        options.log.warning("UNSIGNED PROMOTION RECORDS ALLOWED (allow-unsigned): promotion records are not verified by signature, so anyone who can push to the images' repositories could forge one");
    }
    const clientFor = options.clientFor ?? defaultClientFor();
    const found = await Promise.all(images.map(async (image) => {
        const { name, registry, repository, digest } = image;
        const base = { name, reference: (0,src_reference/* pinnedReference */.ct)(image), repository: `${registry}/${repository}` };
        try {
            const evidence = await find_findEvidence(clientFor(registry), repository, digest, { lane: 'promotion' });
            return { ...base, digest: digest.value, ...promotionRecords(evidence, digest, trust) };
        }
        catch (err) {
            const note = `cannot read its promotion records: ${(0,src_errors/* errorMessage */.gJ)(err)}`;
            return { ...base, digest: digest.value, records: [], notes: [note] };
        }
    }));
    const chosen = chooseRecord(found, keyNote);
    if (chosen[0]?.unsignedAllowed === true) {
        options.log.warning(`promotion record ${verify_short(chosen[0].record)} says promote-digest did not check the lanes' evidence signatures (allow-unsigned)`);
    }
    return chosen;
}
function defaultClientFor() {
    const clients = new Map();
    return (registry) => {
        let client = clients.get(registry);
        if (client === undefined) {
            client = new RegistryClient({ registry });
            clients.set(registry, client);
        }
        return client;
    };
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/recovery.ts
/**
 * What every deploy or rollback does before it changes anything: take the ledger lock, set a torn
 * ledger tail aside, and record the deployments of killed runs as `interrupted`.
 */



/** Runs `fn` holding the ledger lock, and releases it however `fn` ends. */
async function withLock(o, r, purpose, fn) {
    const lock = await r.ledger.lock({
        purpose,
        log: r.log,
        ...(o.lockTimeoutMs !== undefined ? { timeoutMs: o.lockTimeoutMs } : {}),
    });
    try {
        return await fn();
    }
    finally {
        await lock.release();
    }
}
/**
 * Finds deployments whose run died (a `started` record without a final one) and records them as
 * `interrupted`. The live state is made consistent by what this run does next: it replaces the
 * stack with its own verified deployment, or rolls back to the last verified one.
 *
 * @throws Error when such a deployment's process still runs on this host without the lock
 */
async function recoverInterrupted(o, r, records) {
    const recovered = [];
    for (const entry of pendingDeployments(records)) {
        const s = entry.started;
        if (s.hostname === (0,external_node_os_.hostname)() && s.pid !== undefined && s.pid !== process.pid && processAlive(s.pid)) {
            throw new Error(`deployment ${entry.id} (pid ${s.pid}) is still running but does not hold the ledger lock; stop it or remove it before deploying again`);
        }
        const reason = `its run (pid ${s.pid ?? '?'} on ${s.hostname ?? '?'}) ended without recording an outcome; found by a later run`;
        r.log.warning(`deployment ${entry.id} was interrupted: ${reason}`);
        const rec = {
            ...s,
            time: new Date().toISOString(),
            status: 'interrupted',
            reason,
            durations: {},
        };
        delete rec.pid;
        delete rec.hostname;
        await r.ledger.append(rec);
        await o.events.emit({
            event: 'failed',
            environment: o.environment,
            deploymentId: entry.id,
            kind: s.kind,
            digests: s.digests,
            commit: s.commit,
            runUrl: s.runUrl,
            detail: `interrupted: ${reason}`,
        });
        recovered.push(entry.id);
    }
    return recovered;
}
/** Reads the ledger under the lock, setting a torn tail aside and recording interrupted runs. */
async function prepare(o, r) {
    const torn = await r.ledger.setAsideTornTail();
    if (torn !== undefined) {
        r.log.warning(`the ledger ended in a torn line (a crash during a write): copied to ledger.torn.jsonl and ended with a newline: ${JSON.stringify(torn.slice(0, 120))}`);
    }
    const first = await r.ledger.read();
    for (const u of first.unreadable)
        r.log.warning(`ledger line ${u.line} is unreadable (${u.reason}); it is kept as is`);
    const recovered = await recoverInterrupted(o, r, first.records);
    const records = recovered.length > 0 ? (await r.ledger.read()).records : first.records;
    return torn !== undefined ? { records, recovered, torn } : { records, recovered };
}

// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __webpack_require__(6875);
;// CONCATENATED MODULE: ./packages/core/src/deploy/snapshots.ts
/**
 * The files a deployment mounts from the job's workspace (bind mounts, secret and config files), kept
 * with the deployment: each source is copied into the state directory, content-addressed like the
 * stored model, and the stored model points at the copies, mounted read-only. The workspace is gone
 * (or changed) when a rollback or a restart of the host needs them; the copies are the bytes the
 * deployment was verified with.
 */





/** Where the copies live, relative to the state directory (beside the stored models). */
const SNAPSHOT_DIR = 'stacks/files';
/** Default bound on the bytes one deployment copies. */
const SNAPSHOT_LIMIT_BYTES = 16 * 1024 * 1024;
/** Every host path the model mounts (pure). */
function hostSources(model) {
    const found = [];
    for (const [name, service] of Object.entries(model.services)) {
        (service.volumes ?? []).forEach((mount, index) => {
            if (mount.type !== 'bind' || mount.source === undefined)
                return;
            found.push({
                path: `services.${name}.volumes[${index}]`,
                source: mount.source,
                target: mount.target,
                writable: mount.read_only !== true,
                rewrite: (m, to) => {
                    const volume = m.services[name].volumes[index];
                    volume.source = to;
                    volume.read_only = true;
                },
            });
        });
    }
    for (const kind of ['secrets', 'configs']) {
        for (const [name, definition] of Object.entries(model[kind] ?? {})) {
            if (definition.file === undefined)
                continue;
            found.push({
                path: `${kind}.${name}.file`,
                source: definition.file,
                target: name,
                writable: false,
                rewrite: (m, to) => {
                    m[kind][name].file = to;
                },
            });
        }
    }
    return found;
}
async function hashFile(path) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(await (0,promises_.readFile)(path))
        .digest('hex');
}
/** A source is bigger than what is left of the bound (`bytes` counted so far). */
class OverBudget extends Error {
    bytes;
    constructor(bytes) {
        super(`over the bound after ${bytes} bytes`);
        this.bytes = bytes;
    }
}
/**
 * Reads a source into a {@link Tree}: a regular file, or a directory of regular files and
 * directories (a symbolic link or device inside is refused: the copy must be what the
 * deployment mounts, with nothing pointing back into the host).
 */
async function readTree(source, what, budget = Infinity) {
    const top = await (0,promises_.stat)(source);
    if (top.isFile()) {
        if (top.size > budget)
            throw new OverBudget(top.size);
        return { kind: 'file', hash: await hashFile(source), bytes: top.size, entries: [] };
    }
    if (!top.isDirectory())
        throw new Error(`${what}: ${source} is neither a file nor a directory`);
    const entries = [];
    let bytes = 0;
    const walk = async (dir) => {
        const names = (await (0,promises_.readdir)(dir)).sort();
        for (const name of names) {
            const full = (0,external_node_path_.join)(dir, name);
            const rel = (0,external_node_path_.relative)(source, full);
            const info = await (0,promises_.lstat)(full);
            if (info.isDirectory()) {
                entries.push({ rel, dir: true, bytes: 0 });
                await walk(full);
            }
            else if (info.isFile()) {
                const executable = (info.mode & 0o111) !== 0;
                // Sizes before hashes: a directory far over the bound is not read through.
                bytes += info.size;
                if (bytes > budget)
                    throw new OverBudget(bytes);
                entries.push({ rel, dir: false, hash: await hashFile(full), executable, bytes: info.size });
            }
            else {
                throw new Error(`${what}: ${full} is a symbolic link or special file; a deployment keeps a copy of the directory and copies only files and directories`);
            }
        }
    };
    await walk(source);
    const manifest = entries
        .map((e) => (e.dir ? `d ${e.rel}` : `f ${e.executable ? 'x' : '-'} ${e.hash} ${e.rel}`))
        .join('\n');
    const hash = (0,external_node_crypto_.createHash)('sha256').update(manifest, 'utf8').digest('hex');
    return { kind: 'dir', hash, bytes, entries };
}
function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
/** Where a tree is stored, relative to the state directory. */
function storedPath(tree) {
    return `${SNAPSHOT_DIR}/${tree.hash}${tree.kind === 'dir' ? '.d' : ''}`;
}
/**
 * Writes a tree under the state directory unless it is there already: into a temporary name first,
 * then renamed, so a copy is whole or absent. Files 0644 (0755 when executable), directories 0755:
 * the service's user, whoever it is, can read them, and nothing of the stack can change them.
 */
async function writeTree(stateDir, source, tree) {
    const final = (0,external_node_path_.join)(stateDir, storedPath(tree));
    if (await exists(final))
        return;
    await (0,promises_.mkdir)((0,external_node_path_.join)(stateDir, SNAPSHOT_DIR), { recursive: true, mode: 0o700 });
    const tmp = (0,external_node_path_.join)(stateDir, SNAPSHOT_DIR, `.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    try {
        if (tree.kind === 'file') {
            await (0,promises_.copyFile)(source, tmp);
            await (0,promises_.chmod)(tmp, 0o644);
        }
        else {
            await (0,promises_.mkdir)(tmp, { mode: 0o755 });
            for (const e of tree.entries) {
                const to = (0,external_node_path_.join)(tmp, e.rel);
                if (e.dir)
                    await (0,promises_.mkdir)(to, { mode: 0o755 });
                else {
                    await (0,promises_.copyFile)((0,external_node_path_.join)(source, e.rel), to);
                    await (0,promises_.chmod)(to, e.executable === true ? 0o755 : 0o644);
                }
            }
            await (0,promises_.chmod)(tmp, 0o755);
        }
        await (0,promises_.rename)(tmp, final).catch(async (err) => {
            // Another deployment stored the same bytes in the meantime: theirs is as good as ours.
            if (await exists(final))
                return;
            throw err;
        });
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
}
function mib(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
/**
 * The model a deployment stores and starts: every host path inside the workspace copied into
 * `<stateDir>/stacks/files/` and the model pointing at the copies, mounted read-only. A host path
 * outside the workspace (allowed by `allow-host-paths`) and, with `allow-host-paths`, a writable bind
 * mount stay as written. Everything is checked before anything is copied.
 *
 * @throws Error listing every writable bind mount (without `allow-host-paths`) and every source that
 *   cannot be copied, or naming the mount that takes the copies over the bound
 */
async function snapshotSources(model, stateDir, file, opts) {
    const limit = opts.limitBytes ?? SNAPSHOT_LIMIT_BYTES;
    const workspace = await (0,promises_.realpath)(opts.workspace).catch(() => opts.workspace);
    const problems = [];
    const toCopy = [];
    let total = 0;
    let over = false;
    for (const s of hostSources(model)) {
        if (s.writable) {
            if (!opts.hostPaths) {
                problems.push(`${file}: ${s.path}: bind mount of ${s.source} at ${s.target} is writable, but a deployment mounts a copy of it kept with the deployment (the workspace is gone when the job ends); ` +
                    `mark it read-only (":ro"), keep the service's data in a named volume, or set allow-host-paths to mount this host path as written`);
            }
            continue;
        }
        const real = await (0,promises_.realpath)(s.source).catch(() => undefined);
        if (real === undefined) {
            problems.push(`${file}: ${s.path}: ${s.source} does not exist, so the deployment cannot keep a copy of it`);
            continue;
        }
        if (!isInside(real, workspace) || over)
            continue;
        try {
            const tree = await readTree(real, `${file}: ${s.path}`, limit - total);
            total += tree.bytes;
            toCopy.push({ s, real, tree });
        }
        catch (err) {
            if (!(err instanceof OverBudget)) {
                problems.push((0,src_errors/* errorMessage */.gJ)(err));
                continue;
            }
            over = true;
            problems.push(`${file}: ${s.path}: ${s.source} takes the files this deployment keeps a copy of over the ${mib(limit)} limit (${mib(total + err.bytes)} or more); ` +
                `mount only the files the service needs, bake large ones into the image, or keep data in a named volume`);
        }
    }
    if (problems.length > 0) {
        throw new Error(`the stack file ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'} (nothing was changed):\n${problems.join('\n')}`);
    }
    const rewritten = structuredClone(model);
    const snapshots = await storeInlineFiles(rewritten, stateDir, opts.env ?? {});
    for (const { s, real, tree } of toCopy) {
        await writeTree(stateDir, real, tree);
        const stored = storedPath(tree);
        s.rewrite(rewritten, (0,external_node_path_.join)(stateDir, stored));
        snapshots.push({ path: s.path, source: s.source, stored, bytes: tree.bytes });
    }
    return { model: rewritten, snapshots };
}
/**
 * Secrets and configs given as `content:` or `environment:` become files kept like the copies (their
 * text, content-addressed) and the model names them as `file:`: a deployed service that restarts
 * (after the job, after a reboot) finds them, and a rollback mounts the same text without the job's
 * environment. The directory of the copies is 0700 (the engine reads it as its owner or root).
 * @returns the configs' copies (secrets' are kept out of what is logged)
 */
async function storeInlineFiles(model, stateDir, env) {
    const stored = [];
    for (const kind of ['secrets', 'configs']) {
        for (const [name, definition] of Object.entries(model[kind] ?? {})) {
            const text = definition.content ??
                (definition.environment !== undefined ? env[definition.environment] : undefined);
            if (text === undefined)
                continue;
            const hash = (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
            const path = (0,external_node_path_.join)(stateDir, SNAPSHOT_DIR, hash);
            await (0,promises_.mkdir)((0,external_node_path_.join)(stateDir, SNAPSHOT_DIR), { recursive: true, mode: 0o700 });
            if (!(await exists(path))) {
                // Whole or absent, as writeTree: into a temporary name first, then renamed.
                const tmp = (0,external_node_path_.join)(stateDir, SNAPSHOT_DIR, `.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
                await (0,promises_.writeFile)(tmp, text, { mode: 0o644 });
                await (0,promises_.rename)(tmp, path);
            }
            const kept = { ...definition, file: path };
            delete kept.content;
            delete kept.environment;
            model[kind][name] = kept;
            // A secret's copy is not listed: its name is the hash of its text, which the log must not show.
            if (kind === 'configs') {
                const bytes = Buffer.byteLength(text, 'utf8');
                stored.push({
                    path: `configs.${name}`,
                    source: '(inline text)',
                    stored: `${SNAPSHOT_DIR}/${hash}`,
                    bytes,
                });
            }
        }
    }
    return stored;
}
/**
 * Checks that every copy a stored model mounts still holds the bytes it was stored with (its name is
 * their hash), so a rollback starts exactly what was deployed.
 *
 * @throws Error naming the copy that is missing or changed
 */
async function verifySnapshots(model, stateDir, what) {
    const dir = (0,external_node_path_.join)(stateDir, SNAPSHOT_DIR);
    for (const s of hostSources(model)) {
        if (!isInside(s.source, dir))
            continue;
        const name = (0,external_node_path_.relative)(dir, s.source);
        const tree = await readTree(s.source, `${what}: ${s.path}`).catch((err) => {
            throw new Error(`${what}: the copy of ${s.path} (${s.source}) cannot be read: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        });
        if (storedPath(tree) !== `${SNAPSHOT_DIR}/${name}`) {
            throw new Error(`${what}: the copy of ${s.path} (${s.source}) was changed since it was stored (sha256 differs)`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/rollback.ts
/**
 * Rollbacks: by hand (`mode: rollback`) to an earlier verified deployment, and automatic after a
 * failed deployment, to the one that was live before it. Both redeploy the target's recorded digests
 * with its stored stack file.
 */











/**
 * The image set a deployment was recorded with. The ledger holds references as text; this is the one
 * place they become a typed set again, with the image set's rules (pinned by digest, no tag).
 *
 * @throws InputError or Error naming the deployment when a recorded reference breaks those rules
 */
function recordedImages(entry) {
    const what = `deployment ${entry.id}`;
    return Object.entries(entry.latest.digests).map(([name, text]) => {
        const ref = (0,inputs/* parseImageRef */.Q)(text, what, { requireDigest: true });
        if (ref.tag !== undefined)
            throw new Error(`${what}: ${name}=${text} has a tag next to its digest`);
        return (0,src_reference/* pinImage */.nH)(name, ref);
    });
}
/** The plan that redeploys a verified deployment. */
async function rollbackPlan(stateDir, target, rollbackOf, previous, checks, soakMs) {
    const { text, source } = await loadStoredStack(stateDir, target);
    const spec = storedStackSpec(text, source, recordedImages(target));
    // The copies of workspace files it mounts must still be the bytes deployed (their names are their hashes).
    if (text.trimStart().startsWith('{')) {
        await verifySnapshots(JSON.parse(text), stateDir, `deployment ${target.id}`);
    }
    const plan = {
        kind: 'rollback',
        spec,
        digests: target.latest.digests,
        stack: (target.started ?? target.latest).stack,
        checks: checks ?? (0,health/* parseHealthChecks */.Pe)((target.latest.healthChecks ?? []).join('\n'), `deployment ${target.id}`),
        soakMs,
        commit: target.latest.commit,
        rollbackOf,
        restores: target.id,
    };
    // The restored digests were admitted together by this record when they were deployed; the
    // rollback is not re-checked (the registry may be down) but keeps saying which record it was.
    if (target.latest.promotion !== undefined)
        plan.promotion = target.latest.promotion;
    if (previous !== undefined)
        plan.previous = previous;
    return plan;
}
/**
 * After a failed deployment: redeploy the last verified one with a shorter soak, using the checks
 * it was verified with (the failed deployment's checks may expect the new version).
 */
async function autoRollback(d, failed, current, soakMs) {
    if (current === undefined) {
        d.r.log.warning(`${failed.id} failed and no deployment has verified before it: nothing to roll back to`);
        return undefined;
    }
    const rollbackSoak = Math.min(soakMs, Math.max(5000, Math.round(soakMs / 3)));
    d.r.log.info(`rolling back to ${current.id} (soak ${rollbackSoak / 1000}s)`);
    let plan;
    try {
        plan = await rollbackPlan(d.o.stateDir, current, failed.id, current.id, undefined, rollbackSoak);
    }
    catch (err) {
        d.r.log.warning(`cannot roll back to ${current.id}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
    return { report: await d.run(plan), spec: plan.spec };
}
/**
 * Redeploys an earlier verified deployment (`to`, or the last verified one before the current
 * whose digests differ) with its stored stack file, and verifies it like a deployment. Promotion
 * is not re-checked: the target passed that gate when it was deployed, and a rollback must work
 * while the registry is down (the images are on the host already).
 */
async function rollback(o, req) {
    const r = options_resolve(o);
    const d = new Deployer(o, r);
    return withLock(o, r, `rollback of ${o.environment}`, async () => {
        const { records, recovered, torn } = await prepare(o, r);
        const current = currentDeployment(records);
        const target = rollbackTarget(records, req.to);
        const plan = await rollbackPlan(o.stateDir, target, current?.id ?? target.id, current?.id, req.healthChecks, req.soakMs);
        const primary = await d.run(plan);
        let back;
        if (!primary.ok && req.autoRollback && current !== undefined && current.id !== target.id) {
            back = await autoRollback(d, primary, current, req.soakMs);
        }
        const outcome = finish(primary, back?.report, current, recovered, torn);
        // A failed manual rollback that was itself undone leaves the environment where it was.
        if (!primary.ok && back?.report.ok)
            outcome.status = 'failed';
        await d.writeMetrics(outcome.status, back?.report ?? primary, back?.spec ?? plan.spec);
        return outcome;
    });
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/deployer.ts
/**
 * deploy-staging's entry points: {@link deploy} promoted digests to one host as the stack project
 * `<environment>`, `rollback` to an earlier verified deployment (rollback.ts), and report the
 * `status` (status.ts). A deployment is verified (digests, then health checks through a soak
 * window) and recorded in the ledger step by step (deployment.ts); a failed one is rolled back to
 * the last verified deployment.
 */











/**
 * Whose signature admits a promotion record.
 *
 * @throws Error when there is neither a promotion key nor `allowUnsigned`, or both
 */
function promotionTrust(o) {
    if (o.promotionKey !== undefined && o.allowUnsigned === true) {
        throw new Error('promotionKey and allowUnsigned exclude each other: give one or the other');
    }
    if (o.promotionKey !== undefined)
        return { key: o.promotionKey };
    if (o.allowUnsigned === true)
        return { unsignedAllowed: true };
    throw new Error('no promotion public key: promotion records cannot be verified; give promotionKey, or allowUnsigned to deploy on unsigned records');
}
/**
 * Deploys `images` with the stack file: parses the stack (placeholders, fixed host ports), keeps a
 * copy of every workspace file it mounts in the state directory (snapshots.ts; the deployment and
 * its rollbacks mount the copies) and requires one promotion record of exactly this set (signed by
 * `promotionKey`) before anything runs; then, under the ledger lock, records interrupted runs, records `started`, recreates the
 * stack, verifies digests and soaks the health checks, records the outcome, and rolls back
 * automatically on failure.
 *
 * @throws Error (and starts nothing) for a bad stack file, a writable bind mount without
 *   `allow.hostPaths`, files over the copy limit or unpromoted images; deployment
 *   failures are not thrown but returned as `status: 'failed'` or `'rolled-back'`
 */
async function deploy(o, req) {
    const trust = promotionTrust(o);
    const r = options_resolve(o);
    const workspace = req.workspace ?? process.cwd();
    const loaded = await loadDeployStack(req.stackFile, req.images, r.log, {
        requireDigests: req.requireDigests ?? false,
        workspace,
        ...(req.allow !== undefined ? { allow: req.allow } : {}),
    });
    requireStablePorts(loaded.spec);
    // The deployment runs from copies of the workspace files it mounts, as a rollback will.
    const { model, snapshots } = await snapshotSources(loaded.model, o.stateDir, req.stackFile, {
        workspace,
        hostPaths: req.allow?.hostPaths === true,
        env: process.env,
    });
    for (const s of snapshots) {
        r.log.info(`${s.path}: ${s.source} (${s.bytes} B) is mounted read-only from its copy ${s.stored}`);
    }
    const modelText = JSON.stringify(model, null, 2);
    const spec = {
        ...storedStackSpec(modelText, (0,external_node_path_.join)(o.stateDir, 'stacks', 'model.json'), req.images),
        source: req.stackFile,
    };
    const promotions = await requirePromotions(req.images, {
        log: r.log,
        trust,
        ...(o.clientFor !== undefined ? { clientFor: o.clientFor } : {}),
    });
    // One record admits the whole set (requirePromotions checked), so one commit.
    const record = promotions[0];
    r.log.info(`promoted together by record ${record.record.slice(0, 19)}… (commit ${record.commit.slice(0, 12)}, ${record.timeVerified}, ${record.runUrl}): ${promotions.map((p) => `${p.name} (evidence ${p.evidence.slice(0, 19)}…)`).join(', ')}`);
    const d = new Deployer(o, r);
    return withLock(o, r, `deploy to ${o.environment}`, async () => {
        const { records, recovered, torn } = await prepare(o, r);
        const current = currentDeployment(records);
        const plan = {
            kind: 'deploy',
            spec,
            digests: digestMap(req.images),
            // The normalised model, not the file: a rollback starts the same stack without the .env,
            // env files and variables this job had.
            stack: await storeStack(o.stateDir, modelText),
            checks: req.healthChecks,
            soakMs: req.soakMs,
            commit: record.commit,
            promotion: record.record,
        };
        if (current !== undefined)
            plan.previous = current.id;
        const primary = await d.run(plan);
        let rollback;
        if (!primary.ok && req.autoRollback)
            rollback = await autoRollback(d, primary, current, req.soakMs);
        const outcome = finish(primary, rollback?.report, current, recovered, torn);
        await d.writeMetrics(outcome.status, rollback?.report ?? primary, rollback?.spec ?? spec);
        return outcome;
    });
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/status.ts
/**
 * `mode: status`: what the ledger says is deployed, against what runs on the host. Reads only.
 */






/** Pending deployments, each with whether its process still runs on this host. */
function pendingOf(records) {
    return pendingDeployments(records).map((p) => {
        const s = p.started;
        const running = s.hostname === (0,external_node_os_.hostname)() && s.pid !== undefined && processAlive(s.pid);
        return {
            id: p.id,
            ...(s.pid !== undefined ? { pid: s.pid } : {}),
            ...(s.hostname ? { hostname: s.hostname } : {}),
            running,
        };
    });
}
/** The last 10 deployments, most recent first. */
function historyOf(records) {
    return deploymentsOf(records)
        .slice(-10)
        .reverse()
        .map((e) => ({
        id: e.id,
        kind: e.latest.kind,
        status: e.latest.status,
        time: e.latest.time,
        commit: e.latest.commit,
    }));
}
/** Fills `report.live` from the running stack and adds what disagrees with the ledger to `problems`. */
async function compareLive(o, report) {
    let stack;
    try {
        stack = await Stack.attach(o.environment, o.engine);
    }
    catch {
        report.problems.push(`no ${o.environment} stack runs on this host`);
    }
    if (stack === undefined)
        return;
    for (const s of await stack.inspect()) {
        report.live.push({
            service: s.service,
            container: s.container,
            status: s.status,
            running: s.running,
            image: s.image,
        });
        if (!s.running)
            report.problems.push(`${s.service} is ${s.status} (exit ${s.exitCode})`);
    }
    const expected = new Set(Object.values(report.current?.digests ?? {}));
    for (const s of report.live) {
        if (report.current !== undefined && !expected.has(s.image)) {
            report.problems.push(`${s.service} runs ${s.image}, which is not part of deployment ${report.current.id}`);
        }
    }
    try {
        await stack.verifyDigests();
    }
    catch (err) {
        report.problems.push((0,src_errors/* errorMessage */.gJ)(err));
    }
}
/**
 * What is deployed: the ledger's current deployment (since when, from which commit) against the
 * running containers. Reads only; needs no lock (ledger lines are written whole).
 */
async function status_status(o) {
    const r = options_resolve(o);
    const contents = await r.ledger.read();
    const { records } = contents;
    const verified = verifiedDeployments(records);
    const current = verified.at(-1);
    const report = {
        environment: o.environment,
        ledgerPath: r.ledger.path,
        live: [],
        consistent: false,
        problems: [],
        pending: pendingOf(records),
        unreadable: contents.unreadable,
        tornTail: contents.tornTail !== undefined,
        history: historyOf(records),
    };
    if (current?.final !== undefined) {
        const f = current.final;
        report.current = {
            id: current.id,
            kind: f.kind,
            status: f.status,
            since: f.time,
            commit: f.commit,
            runUrl: f.runUrl,
            digests: f.digests,
            ...(current.started !== undefined ? { startedAt: current.started.time } : {}),
            ...(f.rollbackOf !== undefined ? { rollbackOf: f.rollbackOf } : {}),
            ...(f.restores !== undefined ? { restores: f.restores } : {}),
        };
    }
    else {
        report.problems.push('the ledger records no verified deployment');
    }
    const before = verified.slice(0, -1).at(-1);
    if (before?.final !== undefined) {
        report.previous = { id: before.id, since: before.final.time, digests: before.final.digests };
    }
    await compareLive(o, report);
    for (const p of report.pending) {
        report.problems.push(`deployment ${p.id} has no outcome recorded${p.running ? ' (still running)' : ' (its run is gone)'}`);
    }
    report.consistent = report.problems.length === 0;
    return report;
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/events.ts
/**
 * Structured deployment events: one JSON object per line in the log (greppable, parseable by log
 * shippers), and POSTed to a webhook when one is configured. Delivery is best effort: a webhook
 * that is down or slow produces a warning and never fails or delays a deployment by more than the
 * short timeout.
 */

/** Event names, one per phase. */
const DEPLOY_EVENTS = (/* unused pure expression or super */ null && ([
    'started',
    'healthy',
    'unhealthy',
    'rolled-back',
    'failed',
    'deployed',
]));
/** Emits events to the log and the webhook. */
class EventSink {
    opts;
    /** Every event emitted, in order (for summaries and tests). */
    emitted = [];
    /** POSTs that failed. */
    failedDeliveries = 0;
    constructor(opts) {
        this.opts = opts;
    }
    /** Logs the event as one JSON line and POSTs it to the webhook (never throws). */
    async emit(event) {
        const full = {
            schema: 'digestline.deploy.event/v1',
            time: new Date().toISOString(),
            ...event,
        };
        this.emitted.push(full);
        const line = JSON.stringify(full);
        this.opts.log.info(line);
        if (this.opts.webhook === undefined || this.opts.webhook === '')
            return;
        const fetchImpl = this.opts.fetch ?? globalThis.fetch;
        try {
            const response = await fetchImpl(this.opts.webhook, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'user-agent': 'digestline-deploy-staging' },
                body: line,
                signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000),
            });
            await response.body?.cancel();
            if (!response.ok)
                throw new Error(`HTTP ${response.status}`);
        }
        catch (err) {
            this.failedDeliveries++;
            // The URL may embed a token (chat webhooks do): name the input, not the URL.
            this.opts.log.warning(`events-webhook: could not deliver the ${full.event} event: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/report.ts
function report_seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
function shortRef(ref) {
    if (ref === undefined)
        return '—';
    const at = ref.indexOf('@');
    return at < 0 ? ref : `${ref.slice(0, at)}@${ref.slice(at + 1, at + 20)}…`;
}
function report_describe(report) {
    const what = report.kind === 'rollback' ? 'rollback' : 'deployment';
    return report.ok
        ? `${what} ${report.id} verified (deploy ${report_seconds(report.deployMs)}, soak ${report_seconds(report.soakMs)}, ${report.soakRounds} rounds)`
        : `${what} ${report.id} failed after ${report_seconds(report.deployMs + report.soakMs)}: ${report.failure ?? 'unknown'}`;
}
/** The job summary of a deploy or rollback run: result, then a table of before/after digests. */
function summarizeDeploy(summary, environment, outcome) {
    summary.heading(`deploy-staging: ${environment} ${outcome.status}`);
    const lines = [report_describe(outcome.primary)];
    if (outcome.rollback !== undefined)
        lines.push(report_describe(outcome.rollback));
    if (outcome.recovered.length > 0)
        lines.push(`recorded interrupted: ${outcome.recovered.join(', ')}`);
    if (outcome.primary.bundleDir !== undefined)
        lines.push(`diagnostics: ${outcome.primary.bundleDir}`);
    summary.list(lines);
    const names = [...new Set([...Object.keys(outcome.previous), ...Object.keys(outcome.primary.digests)])];
    const after = outcome.status === 'failed' ? outcome.primary.digests : outcome.deployed;
    summary.table(['Image', `Before (${outcome.previousId ?? 'none'})`, 'After', 'Changed'], names.map((n) => [
        n,
        shortRef(outcome.previous[n]),
        shortRef(after[n]),
        outcome.previous[n] === after[n] ? 'no' : 'yes',
    ]));
}
/** The plain-text status report (log and summary). */
function summarizeStatus(summary, report) {
    summary.heading(`deploy-staging: ${report.environment} status`);
    if (report.current !== undefined) {
        const c = report.current;
        summary.list([
            `deployment ${c.id} (${c.kind}, ${c.status}) live since ${c.since}`,
            `commit ${c.commit}, run ${c.runUrl}`,
            ...(c.restores !== undefined
                ? [`restores ${c.restores} (rolled back from ${c.rollbackOf ?? '?'})`]
                : []),
            `state ${report.consistent ? 'consistent: the containers run exactly these digests' : 'INCONSISTENT'}`,
        ]);
        summary.table(['Image', 'Digest'], Object.entries(c.digests).map(([n, d]) => [n, d]));
    }
    if (report.live.length > 0) {
        summary.table(['Service', 'Container', 'Status', 'Image'], report.live.map((s) => [s.service, s.container, s.status, shortRef(s.image)]));
    }
    if (report.problems.length > 0)
        summary.list(report.problems.map((p) => `problem: ${p}`));
    summary.table(['Deployment', 'Kind', 'Status', 'Time', 'Commit'], report.history.map((h) => [h.id, h.kind, h.status, h.time, h.commit.slice(0, 12)]));
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(4412);
// EXTERNAL MODULE: ./packages/core/src/engine/choices.ts
var choices = __webpack_require__(6255);
;// CONCATENATED MODULE: ./packages/core/src/engine/build-args.ts
/**
 * The `build` command line both CLIs share, and what a failed build leaves to judge it by: the
 * output of the step that failed, so a caller can tell a mirror's hiccup from a broken RUN.
 */


/**
 * `build` argv: `engineArgs` (pull policy, format, TLS, cache flags) first, then the shared flags,
 * the image id written to `iidfile`, the context last.
 */
function buildArgv(engineArgs, opts, iidfile) {
    const args = ['build', ...engineArgs];
    if (opts.file !== undefined)
        args.push('--file', opts.file);
    if (opts.target !== undefined)
        args.push('--target', opts.target);
    for (const [k, v] of Object.entries(opts.buildArgs ?? {}))
        args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.labels ?? {}))
        args.push('--label', `${k}=${v}`);
    for (const tag of opts.tags)
        args.push('--tag', tag);
    args.push('--iidfile', iidfile, opts.context);
    return args;
}
/** A build that exited non-zero; `stepOutput` is what the failing step printed. */
class BuildError extends src_errors/* ExecError */.cI {
    stepOutput;
    /**
     * @param stepOutput stdout from the last step marker on (podman `STEP 3/7:`, docker `Step 3/7 :`),
     *   then the whole of stderr: a RUN's own stderr, apt's `E:`/`W:` lines and the engine's error
     */
    constructor(argv, exitCode, stderrTail, stepOutput) {
        const what = `${argv.join(' ')} exited with code ${exitCode}`;
        // Docker's legacy builder prints a RUN's output on stdout: then the step's tail says why.
        const tail = stderrTail === '' ? tailLines(stepOutput) : stderrTail;
        super(argv, exitCode, stderrTail, tail === '' ? `${what} and printed nothing` : `${what}:\n${tail}`);
        this.stepOutput = stepOutput;
    }
}
const STEP_MARKER = /^(?:STEP|Step) \d+\/\d+ ?:/gm;
/** The {@link BuildError} for a build run with `ignoreReturnCode` that exited non-zero. */
function buildError(argv, result) {
    const markers = [...result.stdout.matchAll(STEP_MARKER)];
    const lastStep = result.stdout.slice(markers.at(-1)?.index ?? 0);
    const stderrTail = tailLines(result.stderr);
    return new BuildError(argv, result.exitCode, stderrTail, `${lastStep}\n${result.stderr}`);
}

;// CONCATENATED MODULE: ./packages/core/src/engine/cli-args.ts
/** `127.0.0.1:8080:80`, `127.0.0.1::80/udp`, `[::1]:8080:80`. */
function publishSpec(port) {
    const host = port.host.includes(':') ? `[${port.host}]` : port.host;
    const proto = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
    return `${host}:${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}
/** `source:target[:ro]` for `--volume`; `target[:ro]` for an anonymous volume (empty `source`). */
function volumeSpec(v) {
    return `${v.source === '' ? '' : `${v.source}:`}${v.target}${v.readonly ? ':ro' : ''}`;
}
/** `target[:size=<bytes>,mode=<octal>,<option>...]` for `--tmpfs`. */
function tmpfsSpec(t) {
    const options = [];
    if (t.sizeBytes !== undefined)
        options.push(`size=${t.sizeBytes}`);
    if (t.mode !== undefined)
        options.push(`mode=${t.mode.toString(8)}`);
    options.push(...(t.options ?? []));
    return options.length === 0 ? t.target : `${t.target}:${options.join(',')}`;
}
/** `--filter label=...` when a label is given. */
function labelFilterArgs(opts) {
    return opts.label !== undefined ? ['--filter', `label=${opts.label}`] : [];
}
/** A duration both engines parse (Go's time.ParseDuration). */
function goDuration(ms) {
    if (!Number.isInteger(ms) || ms < 0)
        throw new Error(`durations must be whole milliseconds >= 0, got ${ms}`);
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
/** Non-empty, trimmed lines. */
function lines(text) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}

;// CONCATENATED MODULE: ./packages/core/src/engine/inspect-json.ts
/** The first object of an inspect array (or the object itself). */
function firstOf(json, what) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch (err) {
        throw new Error(`${what} printed something that is not JSON: ${json.slice(0, 200)}`, { cause: err });
    }
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    if (typeof first !== 'object' || first === null)
        throw new Error(`${what} printed no object: ${json.slice(0, 200)}`);
    return first;
}
/** `x` when it is a plain object, else `{}`. */
function record(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? x : {};
}
/** `x` when it is a string, else `''`. */
function string(x) {
    return typeof x === 'string' ? x : '';
}
/** `x` when it is a finite number, else 0. */
function number(x) {
    return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}
/** The strings of `x` when it is an array, else `[]`. */
function stringArray(x) {
    return Array.isArray(x) ? x.filter((e) => typeof e === 'string') : [];
}
/** The string-valued entries of `x` when it is an object. */
function stringRecord(x) {
    const out = {};
    for (const [k, v] of Object.entries(record(x)))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
/** Image ids with the `sha256:` prefix podman leaves out. */
function withSha256Prefix(id) {
    return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}
function parseEnv(entries) {
    const env = {};
    for (const entry of entries) {
        const eq = entry.indexOf('=');
        if (eq > 0)
            env[entry.slice(0, eq)] = entry.slice(eq + 1);
        else
            env[entry] = '';
    }
    return env;
}
/** `NetworkSettings.Networks`. */
function parseNetworks(x) {
    return Object.entries(record(x)).map(([name, value]) => {
        const n = record(value);
        const network = { name, aliases: stringArray(n.Aliases) };
        const ip = string(n.IPAddress);
        if (ip !== '')
            network.ipAddress = ip;
        return network;
    });
}
/** `NetworkSettings.Ports`: published ports only. */
function parsePorts(x) {
    const out = [];
    for (const [key, bindings] of Object.entries(record(x))) {
        const [port = '', protocol = 'tcp'] = key.split('/');
        if (!Array.isArray(bindings))
            continue; // exposed, not published
        for (const b of bindings) {
            const binding = record(b);
            out.push({
                containerPort: Number(port),
                protocol,
                hostIp: string(binding.HostIp),
                hostPort: Number(string(binding.HostPort)),
            });
        }
    }
    return out;
}
/** Image health checks carry durations in nanoseconds. */
function parseImageHealthcheck(x) {
    const hc = record(x);
    const test = stringArray(hc.Test);
    if (test.length === 0 || test[0] === 'NONE')
        return undefined;
    const out = { test };
    const ms = (ns) => typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : undefined;
    const interval = ms(hc.Interval);
    const timeout = ms(hc.Timeout);
    const startPeriod = ms(hc.StartPeriod);
    if (interval !== undefined)
        out.intervalMs = interval;
    if (timeout !== undefined)
        out.timeoutMs = timeout;
    if (typeof hc.Retries === 'number' && hc.Retries > 0)
        out.retries = hc.Retries;
    if (startPeriod !== undefined)
        out.startPeriodMs = startPeriod;
    return out;
}
/** Reads `State.Health` (docker, podman 4) and `State.Healthcheck` (older podman). */
function containerHealth(state) {
    const health = record(state.Health ?? state.Healthcheck);
    const status = string(health.Status).toLowerCase();
    return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : undefined;
}
/** Parses `image inspect` output (a one-element JSON array). */
function parseImageInspect(json) {
    const raw = firstOf(json, 'image inspect');
    const config = record(raw.Config);
    const info = {
        id: withSha256Prefix(string(raw.Id)),
        size: number(raw.Size),
        // Podman repeats some Config fields at the top level, and writes only there for some images.
        user: string(config.User ?? raw.User),
        labels: stringRecord(config.Labels ?? raw.Labels),
        env: parseEnv(stringArray(config.Env)),
        entrypoint: stringArray(config.Entrypoint),
        cmd: stringArray(config.Cmd),
        digests: stringArray(raw.RepoDigests),
        created: string(raw.Created),
        exposedPorts: Object.keys(record(config.ExposedPorts)),
    };
    const healthcheck = parseImageHealthcheck(config.Healthcheck ?? raw.Healthcheck);
    if (healthcheck)
        info.healthcheck = healthcheck;
    return info;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/repo-digests.ts
/**
 * Digest and repository parts of image references as engines print them (`RepoDigests`), for
 * finding the manifest digest a local image was pulled or pushed as.
 */
/** The digest part of `repo@sha256:...`, if any. */
function repo_digests_digestOf(ref) {
    return /@(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/.exec(ref)?.[1];
}
/**
 * Repository of a reference without tag or digest, in the form engines print in RepoDigests
 * (`docker.io/library/x` and `x` compare equal).
 */
function repositoryOf(ref) {
    let repo = ref.replace(/@.*$/, '');
    const slash = repo.lastIndexOf('/');
    const colon = repo.lastIndexOf(':');
    if (colon > slash)
        repo = repo.slice(0, colon);
    return repo.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}
/**
 * The one digest among `repoDigests` for `ref`'s repository; `undefined` when none or several
 * distinct ones match (then guessing could name the wrong image).
 */
function pickRepoDigest(repoDigests, ref) {
    const repo = repositoryOf(ref);
    const found = new Set();
    for (const entry of repoDigests) {
        const digest = repo_digests_digestOf(entry);
        if (digest !== undefined && repositoryOf(entry) === repo)
            found.add(digest);
    }
    return found.size === 1 ? [...found][0] : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/run-args.ts
/**
 * The `run`/`create` flags both CLIs share, built from {@link RunOptions}. Where the engines differ
 * (the confinement flags podman needs beside `--read-only`, the exec form of `--health-cmd`), the
 * caller passes its own builders in a {@link RunArgsDialect}.
 */

/** `run` argv: detached for `run`, foreground for `runToCompletion`. */
function runArgs(opts, detach, dialect) {
    const args = ['run'];
    // Name-only --env takes the value from the engine CLI's environment: values stay out of argv.
    for (const name of opts.passEnv ?? [])
        args.push('--env', name);
    if (detach)
        args.push('--detach');
    if (opts.rm)
        args.push('--rm');
    if (opts.name !== undefined)
        args.push('--name', opts.name);
    if (opts.hostname !== undefined)
        args.push('--hostname', opts.hostname);
    if (opts.network !== undefined)
        args.push('--network', opts.network);
    for (const alias of opts.aliases ?? [])
        args.push('--network-alias', alias);
    for (const [name, ip] of Object.entries(opts.hosts ?? {}))
        args.push('--add-host', `${name}:${ip}`);
    for (const [k, v] of Object.entries(opts.labels ?? {}))
        args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.env ?? {}))
        args.push('--env', `${k}=${v}`);
    for (const port of opts.ports ?? [])
        args.push('--publish', publishSpec(port));
    for (const volume of opts.volumes ?? [])
        args.push('--volume', volumeSpec(volume));
    for (const t of opts.tmpfs ?? [])
        args.push('--tmpfs', dialect.tmpfsSpec?.(t, opts) ?? tmpfsSpec(t));
    if (opts.user !== undefined)
        args.push('--user', opts.user);
    if (opts.workdir !== undefined)
        args.push('--workdir', opts.workdir);
    args.push(...dialect.confinementArgs(opts));
    args.push(...hostAccessArgs(opts));
    if (opts.memoryBytes !== undefined)
        args.push('--memory', String(opts.memoryBytes));
    if (opts.cpus !== undefined)
        args.push('--cpus', String(opts.cpus));
    if (opts.pidsLimit !== undefined)
        args.push('--pids-limit', String(opts.pidsLimit));
    if (opts.stopSignal !== undefined)
        args.push('--stop-signal', opts.stopSignal);
    if (opts.stopTimeoutS !== undefined)
        args.push('--stop-timeout', String(opts.stopTimeoutS));
    if (opts.restart !== undefined)
        args.push('--restart', opts.restart);
    const [entrypoint, ...beforeCommand] = typeof opts.entrypoint === 'string' ? [opts.entrypoint] : (opts.entrypoint ?? []);
    if (opts.entrypoint !== undefined)
        args.push('--entrypoint', entrypoint ?? '');
    if (opts.healthcheck)
        args.push(...dialect.healthcheckArgs(opts.healthcheck));
    args.push(opts.image, ...beforeCommand, ...(opts.command ?? []));
    return args;
}
/** `--init`, `--read-only`, `--cap-drop`, `--security-opt`: what limits the container. */
function confinementArgs(opts) {
    const args = [];
    if (opts.init)
        args.push('--init');
    if (opts.readOnly)
        args.push('--read-only');
    for (const cap of opts.capDrop ?? [])
        args.push('--cap-drop', cap);
    for (const opt of opts.securityOpt ?? [])
        args.push('--security-opt', opt);
    return args;
}
/**
 * `--privileged`, `--cap-add`, `--device`, `--pid host`, `--ipc host`: what opens the host to the
 * container. The stack builder sets these only when the user allowed them (allow-privileged).
 */
function hostAccessArgs(opts) {
    const args = [];
    if (opts.privileged)
        args.push('--privileged');
    for (const cap of opts.capAdd ?? [])
        args.push('--cap-add', cap);
    for (const device of opts.devices ?? [])
        args.push('--device', device);
    if (opts.pid !== undefined)
        args.push('--pid', opts.pid);
    if (opts.ipc !== undefined)
        args.push('--ipc', opts.ipc);
    return args;
}
/**
 * `--health-*` flags for a Docker-form health check; `execFormHealthCmd` writes an exec-form
 * check the way the engine's `--health-cmd` expects it.
 */
function healthcheckArgs(hc, execFormHealthCmd) {
    const [kind, ...rest] = hc.test;
    if (kind === 'NONE')
        return ['--no-healthcheck'];
    let cmd;
    if (kind === 'CMD-SHELL') {
        if (rest.length !== 1)
            throw new Error(`healthcheck CMD-SHELL takes exactly one script, got ${rest.length}`);
        cmd = rest[0];
    }
    else {
        const argv = kind === 'CMD' ? rest : hc.test;
        if (argv.length === 0)
            throw new Error('healthcheck test is empty: give a command, CMD-SHELL script or NONE');
        cmd = execFormHealthCmd(argv);
    }
    const args = ['--health-cmd', cmd];
    if (hc.intervalMs !== undefined)
        args.push('--health-interval', goDuration(hc.intervalMs));
    if (hc.timeoutMs !== undefined)
        args.push('--health-timeout', goDuration(hc.timeoutMs));
    if (hc.retries !== undefined)
        args.push('--health-retries', String(hc.retries));
    if (hc.startPeriodMs !== undefined)
        args.push('--health-start-period', goDuration(hc.startPeriodMs));
    return args;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/cli-engine.ts
/**
 * What Docker and Podman share: their CLIs agree on most verbs and flags, so the argv builders and
 * the commands live here (the JSON readers in inspect-json.ts) and the subclasses override only
 * where the engines differ.
 */








/** Common argv builders and parsers for the Docker and Podman CLIs. */
class CliEngine {
    exec;
    bin;
    files = 'bind';
    /**
     * @param exec runs every command; inject a spied instance in tests
     * @param bin the CLI program (name on PATH or absolute path)
     */
    constructor(exec, bin) {
        this.exec = exec;
        this.bin = bin;
    }
    // ---- argv builders (pure; pinned by test tables) ----
    /** `build` argv, writing the image id to `iidfile`. */
    buildArgs(opts, iidfile) {
        return buildArgv(this.buildEngineArgs(opts), opts, iidfile);
    }
    /** `login` argv; the password goes to stdin. */
    loginArgs(registry, username, opts = {}) {
        return ['login', ...this.tlsArgs(opts), '--username', username, '--password-stdin', registry];
    }
    /** `pull` argv. */
    pullArgs(ref, opts = {}) {
        return ['pull', ...this.tlsArgs(opts), ref];
    }
    /** Podman's `--tls-verify=false`; docker has no per-command switch. */
    tlsArgs(_opts) {
        return [];
    }
    /** `network create` argv. */
    networkCreateArgs(name, opts = {}) {
        const args = ['network', 'create'];
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        if (opts.internal)
            args.push('--internal');
        args.push(...this.isolateArgs(opts));
        args.push(name);
        return args;
    }
    /** Docker keeps bridge networks apart by default: nothing to add. */
    isolateArgs(_opts) {
        return [];
    }
    /** `run` argv: detached for `run`, foreground for `runToCompletion`. */
    runArgs(opts, detach) {
        return runArgs(opts, detach, {
            confinementArgs: (o) => this.confinementArgs(o),
            healthcheckArgs: (hc) => this.healthcheckArgs(hc),
            tmpfsSpec: (t, o) => this.tmpfsSpec(t, o),
        });
    }
    /** The value of one `--tmpfs` flag for a container run with `opts`. */
    tmpfsSpec(t, _opts) {
        return tmpfsSpec(t);
    }
    /** `--init`, `--read-only`, `--cap-drop`, `--security-opt`: what limits the container. */
    confinementArgs(opts) {
        return confinementArgs(opts);
    }
    /** `create` argv: the flags of {@link runArgs}, for a container started later. */
    createArgs(opts) {
        return ['create', ...this.runArgs(opts, false).slice(1)];
    }
    /** `network connect` argv: one more network (and DNS names there) for a container. */
    networkConnectArgs(network, container, aliases = []) {
        return ['network', 'connect', ...aliases.flatMap((a) => ['--alias', a]), network, container];
    }
    /** `start --attach` argv: the container's output and exit code become the command's. */
    startAttachedArgs(nameOrId) {
        return ['start', '--attach', nameOrId];
    }
    /** `cp` argv: copies a host file or directory into a container. */
    copyIntoArgs(source, container, path) {
        return ['cp', source, `${container}:${path}`];
    }
    /** `cp` argv: copies a file or directory out of a container. */
    copyFromArgs(container, path, dest) {
        return ['cp', `${container}:${path}`, dest];
    }
    /** `volume inspect` argv printing the volume's Mountpoint. */
    volumeMountpointArgs(name) {
        return ['volume', 'inspect', '--format', '{{.Mountpoint}}', name];
    }
    /** `--health-*` flags for a Docker-form health check. */
    healthcheckArgs(hc) {
        return healthcheckArgs(hc, (argv) => this.execFormHealthCmd(argv));
    }
    /** `rm` argv. */
    removeArgs(nameOrId, opts = {}) {
        const args = ['rm'];
        if (opts.force)
            args.push('--force');
        if (opts.volumes)
            args.push('--volumes');
        args.push(nameOrId);
        return args;
    }
    // ---- commands ----
    /** @throws BuildError when the build exits non-zero, with the failing step's output */
    async build(opts) {
        return this.withTempDir(async (dir) => {
            const iidfile = (0,external_node_path_.join)(dir, 'iid');
            const args = this.buildArgs(opts, iidfile);
            const result = await this.exec.exec(this.bin, args, { ignoreReturnCode: true });
            if (result.exitCode !== 0)
                throw buildError([this.bin, ...args], result);
            const id = (await (0,promises_.readFile)(iidfile, 'utf8')).trim();
            if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
                throw new Error(`${this.bin} build succeeded but wrote no image id to --iidfile (got ${JSON.stringify(id)})`);
            }
            return id;
        });
    }
    async login(registry, username, password, opts = {}) {
        await this.exec.exec(this.bin, this.loginArgs(registry, username, opts), {
            input: password,
            secrets: [password],
        });
    }
    async pull(ref, opts = {}) {
        await this.exec.exec(this.bin, this.pullArgs(ref, opts));
    }
    async tag(source, target) {
        await this.exec.exec(this.bin, ['tag', source, target], { silent: true });
    }
    async removeImage(ref, opts = {}) {
        await this.exec.exec(this.bin, ['rmi', ...(opts.force ? ['--force'] : []), ref], { silent: true });
    }
    async networkCreate(name, opts = {}) {
        await this.exec.exec(this.bin, this.networkCreateArgs(name, opts), { silent: true });
    }
    async networkRemove(name) {
        await this.exec.exec(this.bin, ['network', 'rm', name], { silent: true });
    }
    async networkList(opts = {}) {
        const r = await this.exec.exec(this.bin, ['network', 'ls', ...labelFilterArgs(opts), '--format', '{{.Name}}'], { silent: true });
        return lines(r.stdout);
    }
    async run(opts) {
        if (opts.networks?.length) {
            const id = await this.create(opts);
            await this.exec.exec(this.bin, ['start', id], { silent: true });
            return id;
        }
        const r = await this.exec.exec(this.bin, this.runArgs(opts, true));
        // Pull progress may precede the id; the id is the last line.
        const id = lines(r.stdout).pop() ?? '';
        if (!/^[0-9a-f]{64}$/.test(id)) {
            throw new Error(`${this.bin} run printed no container id (stdout ended with ${JSON.stringify(id)})`);
        }
        return id;
    }
    async runToCompletion(opts, exec = {}) {
        if (opts.networks?.length)
            return this.startAttached(await this.create(opts), exec);
        return this.exec.exec(this.bin, this.runArgs(opts, false), {
            ignoreReturnCode: true,
            timeoutMs: exec.timeoutMs,
        });
    }
    async runStreaming(opts, io) {
        const argv = opts.networks?.length
            ? this.startAttachedArgs(await this.create(opts))
            : this.runArgs(opts, false);
        const r = await this.exec.exec(this.bin, argv, {
            silent: true,
            ignoreReturnCode: true,
            ...(io.timeoutMs !== undefined ? { timeoutMs: io.timeoutMs } : {}),
        });
        io.onOutput(Buffer.from(r.stdout));
        if (r.stderr.trim() !== '')
            io.onOutput(Buffer.from(r.stderr));
        return { exitCode: r.exitCode };
    }
    async create(opts) {
        const r = await this.exec.exec(this.bin, this.createArgs(opts), { silent: true });
        const id = lines(r.stdout).pop() ?? '';
        if (!/^[0-9a-f]{64}$/.test(id)) {
            throw new Error(`${this.bin} create printed no container id (stdout ended with ${JSON.stringify(id)})`);
        }
        try {
            for (const n of opts.networks ?? []) {
                await this.exec.exec(this.bin, this.networkConnectArgs(n.name, id, n.aliases), { silent: true });
            }
        }
        catch (err) {
            await this.remove(id, { force: true }).catch(() => undefined);
            throw err;
        }
        return id;
    }
    async startAttached(nameOrId, exec = {}) {
        return this.exec.exec(this.bin, this.startAttachedArgs(nameOrId), {
            ignoreReturnCode: true,
            timeoutMs: exec.timeoutMs,
        });
    }
    async inspectContainerRaw(nameOrId) {
        const r = await this.exec.exec(this.bin, ['container', 'inspect', nameOrId], { silent: true });
        return r.stdout;
    }
    async inspectContainer(nameOrId) {
        const info = this.parseContainerInspect(await this.inspectContainerRaw(nameOrId));
        if (info.imageDigest === undefined) {
            const digests = await this.repoDigestsOf(info.image);
            const digest = pickRepoDigest(digests, info.imageRef);
            if (digest !== undefined)
                info.imageDigest = digest;
        }
        return info;
    }
    async repoDigestsOf(imageId) {
        const r = await this.exec.exec(this.bin, ['image', 'inspect', '--format', '{{json .RepoDigests}}', imageId], {
            silent: true,
            ignoreReturnCode: true,
        });
        // The image may be gone (removed while its container lives on): then the digest is unknown.
        if (r.exitCode !== 0)
            return [];
        const parsed = JSON.parse(r.stdout.trim() || 'null');
        return stringArray(parsed);
    }
    async runHealthcheck(_nameOrId) { }
    async logs(nameOrId) {
        const r = await this.exec.exec(this.bin, ['logs', nameOrId], { silent: true });
        return { stdout: r.stdout, stderr: r.stderr };
    }
    async stop(nameOrId, timeoutS = 10) {
        await this.exec.exec(this.bin, ['stop', '--time', String(timeoutS), nameOrId], { silent: true });
    }
    async remove(nameOrId, opts = {}) {
        await this.exec.exec(this.bin, this.removeArgs(nameOrId, opts), { silent: true });
    }
    async containerList(opts = {}) {
        const args = ['ps', '--no-trunc', ...(opts.all ? ['--all'] : []), ...labelFilterArgs(opts)];
        args.push('--format', '{{.ID}}\t{{.Names}}');
        const r = await this.exec.exec(this.bin, args, { silent: true });
        return lines(r.stdout).map((line) => {
            const [id = '', name = ''] = line.split('\t');
            return { id, name };
        });
    }
    async volumeCreate(name, opts = {}) {
        const args = ['volume', 'create'];
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        await this.exec.exec(this.bin, [...args, name], { silent: true });
    }
    async volumeRemove(name, opts = {}) {
        await this.exec.exec(this.bin, ['volume', 'rm', ...(opts.force ? ['--force'] : []), name], {
            silent: true,
        });
    }
    async volumeList(opts = {}) {
        const r = await this.exec.exec(this.bin, ['volume', 'ls', '--quiet', ...labelFilterArgs(opts)], {
            silent: true,
        });
        return lines(r.stdout);
    }
    async copyInto(source, container, path) {
        await this.exec.exec(this.bin, this.copyIntoArgs(source, container, path), { silent: true });
    }
    async copyFrom(container, path, dest) {
        await this.exec.exec(this.bin, this.copyFromArgs(container, path, dest), { silent: true });
    }
    async volumeMountpoint(name) {
        const r = await this.exec.exec(this.bin, this.volumeMountpointArgs(name), { silent: true });
        const mountpoint = r.stdout.trim();
        if (!mountpoint.startsWith('/')) {
            throw new Error(`${this.bin} volume inspect ${name} gave no Mountpoint (got ${JSON.stringify(mountpoint)})`);
        }
        return mountpoint;
    }
    async serverInfo(opts = {}) {
        const r = await this.exec.exec(this.bin, this.serverInfoArgs(), {
            silent: true,
            ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        });
        const [version = '', rootDir = ''] = r.stdout.trim().split('\t');
        return { version: version.trim(), rootDir: rootDir.trim() };
    }
    async inspectImage(ref) {
        const r = await this.exec.exec(this.bin, ['image', 'inspect', ref], { silent: true });
        return this.parseImageInspect(r.stdout);
    }
    // ---- parsers (pure; tested against JSON captured from real engines) ----
    /** Parses `container inspect` output (a one-element JSON array). */
    parseContainerInspect(json) {
        const raw = firstOf(json, 'container inspect');
        const state = record(raw.State);
        const config = record(raw.Config);
        const net = record(raw.NetworkSettings);
        const imageRef = this.containerImageRef(raw);
        const info = {
            id: string(raw.Id),
            name: string(raw.Name).replace(/^\//, ''),
            state: {
                status: string(state.Status),
                running: state.Running === true,
                exitCode: number(state.ExitCode),
            },
            image: withSha256Prefix(string(raw.Image)),
            imageRef,
            networks: parseNetworks(net.Networks),
            ports: parsePorts(net.Ports),
            labels: stringRecord(config.Labels),
        };
        const health = containerHealth(state);
        if (health !== undefined)
            info.state.health = health;
        const digest = repo_digests_digestOf(imageRef);
        if (digest !== undefined)
            info.imageDigest = digest;
        return info;
    }
    /** Parses `image inspect` output (a one-element JSON array). */
    parseImageInspect(json) {
        return parseImageInspect(json);
    }
    /** Runs `fn` with a private temporary directory, removed afterwards whatever happens. */
    async withTempDir(fn) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `digestline-${this.kind}-`));
        try {
            return await fn(dir);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/engine/docker.ts






/** Docker Engine through the docker CLI (legacy builder or BuildKit, whichever the CLI uses). */
class Docker extends CliEngine {
    kind = 'docker';
    /**
     * @param exec runs every command (inject a spied one in tests)
     * @param bin the docker program
     */
    constructor(exec = defaultExec, bin = 'docker') {
        super(exec, bin);
    }
    /**
     * Docker's legacy builder (Docker Engine 20.10, Debian 12) only looks for `Dockerfile`; podman also
     * finds `Containerfile`. Point docker at a lone Containerfile so one context builds on both.
     * The legacy builder has no registry cache of its own: `cacheFrom` is pulled first (absent on a
     * first build: not an error), `cacheTo` gets the built image pushed.
     */
    async build(opts) {
        const lone = opts.file === undefined &&
            !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Dockerfile')) &&
            (0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Containerfile'));
        if (opts.cacheFrom !== undefined) {
            await this.exec.exec(this.bin, ['pull', cacheImage(opts.cacheFrom)], { ignoreReturnCode: true });
        }
        const id = await super.build(lone ? { ...opts, file: (0,external_node_path_.join)(opts.context, 'Containerfile') } : opts);
        if (opts.cacheTo !== undefined) {
            await this.exec.exec(this.bin, ['tag', id, cacheImage(opts.cacheTo)]);
            await this.exec.exec(this.bin, this.pushArgs(cacheImage(opts.cacheTo)));
        }
        return id;
    }
    /** `info` argv: the daemon's version and root dir (fails when the daemon cannot be reached). */
    serverInfoArgs() {
        return ['info', '--format', '{{.ServerVersion}}\t{{.DockerRootDir}}'];
    }
    /** Docker's `--pull` is a switch meaning "always"; leaving it out means "missing". */
    buildEngineArgs(opts) {
        const args = opts.pull === 'always' ? ['--pull'] : [];
        if (opts.cacheFrom !== undefined)
            args.push('--cache-from', cacheImage(opts.cacheFrom));
        return args;
    }
    /**
     * Docker's `--health-cmd` is always run by /bin/sh in the container, so exec form is written as
     * one shell-quoted command line.
     */
    execFormHealthCmd(argv) {
        return argv.map(shellQuote).join(' ');
    }
    /** `push` argv. */
    pushArgs(ref) {
        return ['push', ref];
    }
    /**
     * Pushes and returns the registry's digest: from the `<tag>: digest: sha256:... size: N` line
     * docker prints, else from the image's RepoDigests for the pushed repository.
     */
    async push(ref, _opts = {}) {
        const r = await this.exec.exec(this.bin, this.pushArgs(ref));
        const fromOutput = parsePushDigest(r.stdout);
        if (fromOutput !== undefined)
            return fromOutput;
        const inspect = await this.exec.exec(this.bin, ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref], {
            silent: true,
        });
        const repoDigests = stringArray(JSON.parse(inspect.stdout.trim() || 'null'));
        const digest = pickRepoDigest(repoDigests, ref);
        if (digest === undefined) {
            throw new Error(`docker push ${ref} succeeded but its digest is unknown: no "digest:" line in the output and ` +
                `RepoDigests ${JSON.stringify(repoDigests)} hold no single digest for that repository`);
        }
        return digest;
    }
    containerImageRef(raw) {
        const config = raw.Config;
        if (typeof config === 'object' &&
            config !== null &&
            'Image' in config &&
            typeof config.Image === 'string') {
            return config.Image;
        }
        return '';
    }
}
/** The digest from docker push output (`latest: digest: sha256:<hex> size: 528`); the last one wins. */
function parsePushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64}) size: \d+/g)];
    return matches.at(-1)?.[1];
}
/** The one image of a cache repository Docker's legacy builder can use: its `latest`. */
function cacheImage(repository) {
    return `${repository}:latest`;
}
function shellQuote(arg) {
    return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/podman.ts





/** Podman (4.x and newer) through its CLI. */
class Podman extends CliEngine {
    kind = 'podman';
    /**
     * @param exec runs every command (inject a spied one in tests)
     * @param bin the podman program
     */
    constructor(exec = defaultExec, bin = 'podman') {
        super(exec, bin);
    }
    /**
     * `version` argv: the server's version (fails when a remote service cannot be reached). Cheaper
     * than `info` (~0.06 s against ~0.7 s); podman's root dir is not needed to decide bind or copy.
     */
    serverInfoArgs() {
        return ['version', '--format', '{{.Server.Version}}'];
    }
    /** Podman 4.3 and newer: `--cache-from`/`--cache-to` take a repository and tag its layers by cache key. */
    buildEngineArgs(opts) {
        const args = [
            '--format',
            opts.format ?? 'docker',
            `--pull=${opts.pull ?? 'missing'}`,
            ...this.tlsArgs(opts),
        ];
        if (opts.cacheFrom !== undefined)
            args.push('--cache-from', opts.cacheFrom);
        if (opts.cacheTo !== undefined)
            args.push('--cache-to', opts.cacheTo);
        return args;
    }
    tlsArgs(opts) {
        return opts.insecure ? ['--tls-verify=false'] : [];
    }
    /** Podman takes a JSON array as exec form (a plain string would be run by /bin/sh). */
    execFormHealthCmd(argv) {
        return JSON.stringify(argv);
    }
    /**
     * Podman's `--read-only` also mounts writable tmpfs on /run, /tmp and /var/tmp unless told not
     * to; Docker's does not. A stack must behave the same on both, so podman is told not to.
     */
    /** netavark routes between bridge networks unless a network is created isolated (podman ≥ 4.3). */
    isolateArgs(opts) {
        return opts.isolate ? ['--opt', 'isolate=true'] : [];
    }
    confinementArgs(opts) {
        const args = super.confinementArgs(opts);
        if (opts.readOnly)
            args.splice(args.indexOf('--read-only') + 1, 0, '--read-only-tmpfs=false');
        return args;
    }
    /**
     * Two differences from Docker's `--tmpfs`, so a stack behaves the same on both: Docker mounts tmpfs
     * `noexec` unless told `exec`, podman the other way round, so podman is told `noexec`; podman 4.3
     * refuses `uid=`/`gid=`, but its `U` chowns the mount to the container's user, the same thing when
     * that user is the one named.
     * @throws Error when uid/gid name someone other than the container's numeric `user`
     */
    tmpfsSpec(t, opts) {
        const options = t.options ?? [];
        const owner = options.filter((o) => /^(uid|gid)=/.test(o));
        const rest = options.filter((o) => !owner.includes(o));
        if (owner.length > 0) {
            const [uid, gid] = (opts.user ?? '').split(':');
            const matches = owner.every((o) => o === `uid=${uid}` || (gid !== undefined && o === `gid=${gid}`));
            if (!matches) {
                throw new Error(`tmpfs ${t.target}: podman cannot mount a tmpfs owned by ${owner.join(',')} unless the service runs as that user (user: ${JSON.stringify(opts.user ?? '')}); set user: to the same uid:gid, or drop uid=/gid=`);
            }
            rest.push('U');
        }
        if (!rest.includes('exec') && !rest.includes('noexec'))
            rest.push('noexec');
        return super.tmpfsSpec({ ...t, options: rest }, opts);
    }
    /**
     * `cp` argv into a container. `--archive=false`: keep the copied files' owners, as docker's `cp`
     * does; podman's default gives them to the container's user, and a staged directory a non-root
     * container must write (a report) would become root's.
     */
    copyIntoArgs(source, container, path) {
        return ['cp', '--archive=false', source, `${container}:${path}`];
    }
    /** With `force`, podman would wait 10 s for a graceful stop first; docker kills at once. Match docker. */
    removeArgs(nameOrId, opts = {}) {
        const args = super.removeArgs(nameOrId, opts);
        if (opts.force)
            args.splice(1, 0, '--time', '0');
        return args;
    }
    /** `push` argv, writing the registry's manifest digest to `digestfile`. */
    pushArgs(ref, digestfile, opts = {}) {
        return ['push', ...this.tlsArgs(opts), '--digestfile', digestfile, ref];
    }
    async push(ref, opts = {}) {
        return this.withTempDir(async (dir) => {
            const digestfile = (0,external_node_path_.join)(dir, 'digest');
            await this.exec.exec(this.bin, this.pushArgs(ref, digestfile, opts));
            const digest = (await (0,promises_.readFile)(digestfile, 'utf8')).trim();
            // podman 5's remote client against a podman 4.3 service pushes but writes nothing.
            if (digest === '')
                return undefined;
            if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
                throw new Error(`podman push ${ref} succeeded but --digestfile holds ${JSON.stringify(digest)}, not a digest`);
            }
            return digest;
        });
    }
    /** Runs the check once; exit 1 means "unhealthy", which the check records, so it is not an error. */
    async runHealthcheck(nameOrId) {
        const r = await this.exec.exec(this.bin, ['healthcheck', 'run', nameOrId], {
            silent: true,
            ignoreReturnCode: true,
        });
        if (r.exitCode !== 0 && r.exitCode !== 1) {
            const argv = [this.bin, 'healthcheck', 'run', nameOrId];
            throw new src_errors/* ExecError */.cI(argv, r.exitCode, r.stderr.trim());
        }
    }
    /**
     * `ImageName` is the reference given to `run`. Podman's `ImageDigest` is deliberately not used:
     * for an image built here and pushed, it is the digest of the local (uncompressed) manifest,
     * which differs from the digest the registry serves.
     */
    containerImageRef(raw) {
        return typeof raw.ImageName === 'string' ? raw.ImageName : '';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/engine/select.ts







/** What a job needs so that an action can reach a container engine. */
const ENGINE_ACCESS_ADVICE = 'give the job an engine: in the forgejo-runner config set `container.docker_host: automount` ' +
    "(the host engine's socket is mounted into the job container), or set DOCKER_HOST to an engine " +
    '(e.g. a docker:dind service), or run the job on the host with a `:host` runner label';
/**
 * Picks the container engine named by the `engine` input.
 *
 * `auto`: `DOCKER_HOST` set → docker (the job points at a daemon); `CONTAINER_HOST` set → podman
 * (remote podman); otherwise podman if it is on PATH (daemonless, nothing to be running), else
 * docker if it is on PATH.
 *
 * @param kind the input's value: `auto`, `docker` or `podman`
 * @param env the environment to read PATH, DOCKER_HOST and CONTAINER_HOST from
 * @param exec the Exec the engine runs commands through
 * @throws InputError (input `engine`) for an unknown value or when the engine's CLI is not on PATH
 */
function selectEngine(kind, env = process.env, exec = defaultExec) {
    const choice = kind.trim().toLowerCase();
    if (!isChoice(choice)) {
        throw new src_errors/* InputError */.dz('engine', `engine must be one of ${choices/* ENGINE_CHOICES */.u.join(', ')}; got ${JSON.stringify(kind)}`);
    }
    const resolved = choice === 'auto' ? autoKind(env) : choice;
    if (resolved === undefined) {
        throw new src_errors/* InputError */.dz('engine', `engine is auto but neither podman nor docker is on PATH (${env.PATH ?? ''}); install one, ` +
            `or set the engine input to docker or podman (valid values: ${choices/* ENGINE_CHOICES */.u.join(', ')}); ` +
            `in a job container, ${ENGINE_ACCESS_ADVICE}, with a job image that has the docker (or podman) CLI`);
    }
    if (!onPath(resolved, env)) {
        throw new src_errors/* InputError */.dz('engine', `engine is ${choice === 'auto' ? `auto (chose ${resolved})` : resolved} but ${resolved} is not on PATH ` +
            `(${env.PATH ?? ''}); install it or pick another engine (valid values: ${choices/* ENGINE_CHOICES */.u.join(', ')}); ` +
            `in a job container, ${ENGINE_ACCESS_ADVICE}, with a job image that has the ${resolved} CLI`);
    }
    return resolved === 'docker' ? new Docker(exec) : new Podman(exec);
}
function isChoice(s) {
    return choices/* ENGINE_CHOICES */.u.includes(s);
}
function autoKind(env) {
    if (env.DOCKER_HOST)
        return 'docker';
    if (env.CONTAINER_HOST)
        return 'podman';
    if (onPath('podman', env))
        return 'podman';
    if (onPath('docker', env))
        return 'docker';
    return undefined;
}
/** Whether `bin` is an executable file in one of env.PATH's directories. */
function onPath(bin, env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const file = (0,external_node_path_.join)(dir, bin);
        try {
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(file).isFile())
                return true;
        }
        catch {
            // Not here; keep looking.
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/access.ts
/**
 * Reaching the engine and sharing files with it, decided once per action run. Inside a Forgejo job
 * container the engine (the host's, through a mounted socket or DOCKER_HOST) neither is reachable by
 * default nor sees the job's paths; both questions are answered here before any side effect.
 */






/** The variable that overrides the bind/copy decision. */
const FILES_ENV = 'DIGESTLINE_FILES';
/** How long the engine gets to answer the access check. */
const ENGINE_CHECK_TIMEOUT_MS = 15_000;
/** The engine-related variables as this process sees them, for messages. */
function engineEnvText(env) {
    return `DOCKER_HOST=${env.DOCKER_HOST ?? '(unset)'}, CONTAINER_HOST=${env.CONTAINER_HOST ?? '(unset)'}`;
}
/**
 * Asks the engine for its version, so that a job without access fails at once, before any side
 * effect, saying how to give it one.
 * @throws Error naming the CLI, DOCKER_HOST/CONTAINER_HOST and {@link ENGINE_ACCESS_ADVICE}
 */
async function checkEngineAccess(engine, env, timeoutMs = ENGINE_CHECK_TIMEOUT_MS) {
    try {
        return await engine.serverInfo({ timeoutMs });
    }
    catch (err) {
        throw new Error(`cannot reach the ${engine.kind} engine through \`${engine.bin}\` (${engineEnvText(env)}): ` +
            `${(0,src_errors/* errorMessage */.gJ)(err)}\n${ENGINE_ACCESS_ADVICE}`, { cause: err });
    }
}
/**
 * The mode `DIGESTLINE_FILES` forces, if any.
 * @throws InputError (variable DIGESTLINE_FILES) for a value other than bind or copy
 */
function filesOverride(env) {
    const forced = env[FILES_ENV];
    if (forced === undefined || forced === '')
        return undefined;
    const mode = forced.trim().toLowerCase();
    if (mode !== 'bind' && mode !== 'copy') {
        throw new src_errors/* InputError */.dz(FILES_ENV, `${FILES_ENV} must be bind or copy (or unset to decide from the engine); got ${JSON.stringify(forced)}`);
    }
    return mode;
}
/**
 * Whether containers the engine starts can bind-mount this process's paths.
 *
 * `DIGESTLINE_FILES=bind|copy` decides outright. Otherwise: podman with a local CLI (no
 * CONTAINER_HOST) shares our file system → bind. Docker (or podman's Docker API behind the docker
 * CLI) → bind only when DOCKER_HOST is unset or `unix://` AND the daemon's root dir exists here;
 * else copy. Being in a container is not the question: whether the engine sees our paths is.
 *
 * @param exists tests whether a path exists here (tests pass their own)
 * @throws InputError (variable DIGESTLINE_FILES) for a value other than bind or copy
 */
function decideFiles(kind, env, server, exists = external_node_fs_.existsSync) {
    const forced = filesOverride(env);
    if (forced !== undefined)
        return { mode: forced, reason: `${FILES_ENV}=${forced}` };
    if (kind === 'podman') {
        if (env.CONTAINER_HOST)
            return { mode: 'copy', reason: `podman is remote (CONTAINER_HOST=${env.CONTAINER_HOST})` };
        return { mode: 'bind', reason: 'podman runs on this machine (no CONTAINER_HOST)' };
    }
    const host = env.DOCKER_HOST;
    if (host !== undefined && host !== '' && !host.startsWith('unix://')) {
        return { mode: 'copy', reason: `DOCKER_HOST=${host} is not a local socket` };
    }
    const where = host ? `DOCKER_HOST=${host}` : 'the default socket';
    if (server.rootDir === '') {
        return { mode: 'copy', reason: `the daemon at ${where} reported no root dir` };
    }
    if (!exists(server.rootDir)) {
        return {
            mode: 'copy',
            reason: `the daemon at ${where} keeps its data in ${server.rootDir}, which this file system lacks (another host or container)`,
        };
    }
    return {
        mode: 'bind',
        reason: `the daemon at ${where} keeps its data in ${server.rootDir}, which exists here`,
    };
}
/**
 * Picks the engine (`selectEngine`), checks that it answers, and decides once how its containers get
 * our files (set on `engine.files`, logged with why). `env` is read for the decision; the engine's CLI
 * runs with the process's own environment, so pass `process.env` (the default) outside tests.
 * @throws InputError for a bad `engine` input or DIGESTLINE_FILES; Error when the engine cannot be reached
 */
async function connectEngine(kind, opts = {}) {
    const env = opts.env ?? process.env;
    const log = opts.log ?? silentLog;
    // A bad override is refused before the engine is even asked.
    filesOverride(env);
    const engine = selectEngine(kind, env, opts.exec ?? defaultExec);
    const server = await checkEngineAccess(engine, env, opts.timeoutMs);
    const decision = decideFiles(engine.kind, env, server);
    engine.files = decision.mode;
    log.info(`${engine.kind} ${server.version}: files ${decision.mode === 'bind' ? 'bind-mounted' : 'copied through the engine'} (${decision.reason})`);
    return engine;
}

;// CONCATENATED MODULE: ./packages/core/src/summary.ts
/**
 * Job summary and log grouping.
 *
 * Forgejo writes the step summary file but does not show it, so `writeSummary` always prints a
 * plain-text copy to the log as well; the summary file gets GitHub-flavoured Markdown, which also
 * reads well raw. The file is appended to directly rather than through `core.summary`, whose
 * singleton caches the file path and buffer across calls.
 */



function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
function escapeCell(text) {
    return escapeMarkdown(text) || ' ';
}
function padRow(cells, widths) {
    return cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
}
/**
 * Collects a summary once and renders it twice: Markdown for the summary file, plain text for the
 * log. All text is treated as text (escaped), never as Markdown or HTML.
 */
class SummaryBuilder {
    blocks = [];
    /** A heading, level 1–6 (default 2; the job summary already has a level-1 title per step). */
    heading(text, level = 2) {
        this.blocks.push({ kind: 'heading', text, level: Math.min(6, Math.max(1, Math.trunc(level))) });
        return this;
    }
    /** A paragraph. */
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    /** A bulleted list. */
    list(items) {
        this.blocks.push({ kind: 'list', items: [...items] });
        return this;
    }
    /** A table; rows shorter than the header are padded with empty cells. */
    table(header, rows) {
        this.blocks.push({ kind: 'table', header: [...header], rows: rows.map((row) => [...row]) });
        return this;
    }
    /** Two-column name/value table, e.g. image name → digest. */
    keyValues(pairs, header = ['Name', 'Value']) {
        const rows = Array.isArray(pairs) ? pairs : Object.entries(pairs);
        return this.table(header, rows);
    }
    /** A fenced code block (e.g. a command's output), shown verbatim. */
    code(code, lang = '') {
        this.blocks.push({ kind: 'code', code, lang });
        return this;
    }
    /** True when nothing was added. */
    isEmpty() {
        return this.blocks.length === 0;
    }
    /** GitHub-flavoured Markdown, ending in a blank line so that summaries appended later stay separate. */
    toMarkdown() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
                case 'text':
                    return block.text
                        .split(/\r?\n/)
                        .map((line) => escapeMarkdown(line))
                        .join('  \n');
                case 'list':
                    return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const line = (cells) => `| ${Array.from({ length: columns }, (_, i) => escapeCell(cells[i] ?? '')).join(' | ')} |`;
                    return [
                        line(block.header),
                        `|${' --- |'.repeat(columns)}`,
                        ...block.rows.map((row) => line(row)),
                    ].join('\n');
                }
                case 'code': {
                    // A fence longer than any backtick run inside keeps the block closed where we mean it.
                    const longest = Math.max(2, ...[...block.code.matchAll(/`+/g)].map((m) => m[0].length));
                    const fence = '`'.repeat(longest + 1);
                    return `${fence}${block.lang}\n${block.code.replace(/\n$/, '')}\n${fence}`;
                }
            }
        });
        return parts.length === 0 ? '' : `${parts.join('\n\n')}\n\n`;
    }
    /** Plain text for the log: headings underlined, tables aligned in columns. */
    toText() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.max(3, block.text.length))}`;
                case 'text':
                    return block.text;
                case 'list':
                    return block.items.map((item) => `  - ${item}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const all = [block.header, ...block.rows].map((row) => Array.from({ length: columns }, (_, i) => (row[i] ?? '').replace(/\r?\n/g, ' ')));
                    const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((row) => row[i].length)));
                    const [head, ...rest] = all;
                    return [
                        padRow(head, widths),
                        padRow(widths.map((w) => '-'.repeat(w)), widths),
                        ...rest.map((row) => padRow(row, widths)),
                    ].join('\n');
                }
                case 'code':
                    return block.code.replace(/\n$/, '');
            }
        });
        return parts.join('\n\n');
    }
}
/**
 * Builds a summary with `build`, prints it to the log and appends it to the job summary file
 * (`GITHUB_STEP_SUMMARY`, or `FORGEJO_STEP_SUMMARY` when only that is set).
 *
 * Never throws: a summary is a report, not a result, so a missing variable is silently skipped and
 * any failure (in `build` or writing the file) becomes a warning.
 */
async function writeSummary(build, options = {}) {
    const builder = new SummaryBuilder();
    try {
        build(builder);
    }
    catch (err) {
        src_commands/* warning */.$e(`could not build the job summary: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            src_commands/* info */.pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        src_commands/* debug */.Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,promises_.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        src_commands/* warning */.$e(`could not write the job summary to ${file}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
    }
}
let groupDepth = 0;
/**
 * Runs `fn` inside a collapsible log group (`::group::`) and returns its result; the group is
 * closed even when `fn` throws. Runners do not nest groups (an inner `::group::` would end the outer
 * one early), so a group inside a group is only a `-- title --` line.
 */
async function group(title, fn) {
    if (groupDepth > 0) {
        commands.info(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        commands.startGroup(title);
        return await fn();
    }
    finally {
        commands.endGroup();
        groupDepth--;
    }
}

// EXTERNAL MODULE: ./actions/deploy-staging/src/constants.ts
var constants = __webpack_require__(3487);
;// CONCATENATED MODULE: ./actions/deploy-staging/src/run.ts










/** Deploys, rolls back or reports, with inputs already read and validated by `getInputs`. */
async function run(inputs) {
    const options = {
        environment: inputs.environment,
        stateDir: inputs.stateDir,
        engine: await connectEngine(inputs.engine, { log: step/* stepLog */.tV }),
        events: new EventSink({
            log: step/* stepLog */.tV,
            ...(inputs.eventsWebhook !== undefined ? { webhook: inputs.eventsWebhook } : {}),
        }),
        log: step/* stepLog */.tV,
        runUrl: inputs.runUrl,
        ...(inputs.commit !== undefined ? { commit: inputs.commit } : {}),
        ...(inputs.metricsFile !== undefined ? { metricsFile: inputs.metricsFile } : {}),
        ...(inputs.promotionKey !== undefined ? { promotionKey: inputs.promotionKey } : {}),
        ...(inputs.allowUnsigned ? { allowUnsigned: true } : {}),
    };
    if (inputs.mode === 'status') {
        const report = await status_status(options);
        (0,step/* setOutputs */.n0)({
            [constants/* Outputs */.tY.Status]: report.current === undefined || !report.consistent
                ? 'failed'
                : report.current.kind === 'rollback'
                    ? 'rolled-back'
                    : 'deployed',
            [constants/* Outputs */.tY.DeploymentId]: report.current?.id ?? '',
            [constants/* Outputs */.tY.Deployed]: imageLines(report.current?.digests ?? {}),
            [constants/* Outputs */.tY.Previous]: imageLines(report.previous?.digests ?? {}),
        });
        await writeSummary((s) => summarizeStatus(s, report));
        return;
    }
    const outcome = inputs.mode === 'deploy'
        ? await deploy(options, {
            stackFile: inputs.stack,
            images: inputs.images,
            healthChecks: inputs.healthChecks,
            soakMs: inputs.soakMs,
            autoRollback: inputs.autoRollback,
            requireDigests: inputs.requireDigests,
            allow: inputs.allow,
        })
        : await rollback(options, {
            ...(inputs.to !== undefined ? { to: inputs.to } : {}),
            ...(inputs.healthChecks.length > 0 ? { healthChecks: inputs.healthChecks } : {}),
            soakMs: inputs.soakMs,
            autoRollback: inputs.autoRollback,
        });
    (0,step/* setOutputs */.n0)({
        [constants/* Outputs */.tY.Status]: outcome.status,
        [constants/* Outputs */.tY.DeploymentId]: outcome.deploymentId,
        [constants/* Outputs */.tY.Deployed]: imageLines(outcome.deployed),
        [constants/* Outputs */.tY.Previous]: imageLines(outcome.previous),
    });
    await writeSummary((s) => summarizeDeploy(s, inputs.environment, outcome));
    const asked = inputs.mode === 'deploy' ? 'deployed' : 'rolled-back';
    if (outcome.status !== asked) {
        const rolled = outcome.rollback?.ok
            ? `; rolled back to ${outcome.previousId ?? '?'} (${outcome.rollback.id})`
            : '';
        throw new Error(`${inputs.mode} ${outcome.deploymentId} failed: ${outcome.primary.failure ?? 'unknown'}${rolled}`);
    }
}


/***/ }),

/***/ 8694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IN_TOTO_PAYLOAD_TYPE: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
  envelopeOf: () => (/* binding */ envelopeOf),
  keyId: () => (/* binding */ keyId),
  pae: () => (/* binding */ pae),
  parseEnvelope: () => (/* binding */ parseEnvelope),
  payloadBytes: () => (/* binding */ payloadBytes),
  signEnvelope: () => (/* binding */ signEnvelope),
  statementOf: () => (/* binding */ statementOf),
  verifyEnvelope: () => (/* binding */ verifyEnvelope)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(8346);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(1397);
;// CONCATENATED MODULE: ./packages/core/src/evidence/vsa.ts
/**
 * The SLSA Verification Summary Attestation v1 vocabulary digestline fills
 * (https://slsa.dev/spec/v1.0/verification_summary): the predicate type, and the verifier, policy and
 * level names of each lane.
 */
/** The lanes that produce evidence. */
const LANES = ['source', 'integration', 'e2e', 'promotion'];
/** `predicateType` of the evidence: SLSA Verification Summary Attestation v1. */
const vsa_VERIFICATION_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
/** The `verifier.id` of a lane's evidence: `https://digestline.dev/verifier/<lane>`. */
function vsa_verifierId(lane) {
    return `https://digestline.dev/verifier/${lane}`;
}
/**
 * The `policy.uri` of a lane that applied no policy file of its own: digestline's built-in rules for
 * that lane, `https://digestline.dev/policy/<lane>/v1` (VSA requires a policy URI on every statement).
 */
function vsa_defaultPolicyUri(lane) {
    return `https://digestline.dev/policy/${lane}/v1`;
}
/**
 * The `verifiedLevels` entry a PASSED lane claims: a custom track per lane, level 1,
 * e.g. `DIGESTLINE_INTEGRATION_LEVEL_1`. VSA v1 (SlsaResult): "Users MAY use custom values here but
 * MUST NOT use custom values starting with `SLSA_`", and no more than one level per track.
 */
function vsa_laneLevel(lane) {
    return `DIGESTLINE_${lane.toUpperCase()}_LEVEL_1`;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/statement.ts
/**
 * in-toto Statement v1 carrying a SLSA Verification Summary Attestation (VSA) v1: what one lane checked,
 * for which digests, at which commit, and with what result.
 *
 * The predicate is a VSA (https://slsa.dev/spec/v1.0/verification_summary) so that tools outside
 * digestline (cosign, Kyverno, sigstore policy-controller) can check it: every required VSA field is
 * filled. digestline's own fields (`lane`, `commit`, `runUrl`, `tested`, `target`, `checks`, `run`)
 * travel in the same predicate as extension fields: the VSA parsing rules say "Consumers MUST ignore
 * unrecognized fields" (they also say producers MAY name extensions with URIs; plain names keep our
 * evidence readable).
 */



/** `_type` of an in-toto Statement v1. */
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/**
 * Digest `algorithm:hex` → in-toto digest set `{algorithm: hex}`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function digestSet(digest) {
    const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
    return { [parsed.algorithm]: parsed.hex };
}
/** in-toto digest set → `algorithm:hex` texts (sha256/sha512 entries only, sorted). */
function digestsOfSubject(subject) {
    return Object.entries(subject.digest)
        .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
        .map(([algorithm, hex]) => `${algorithm}:${hex}`)
        .sort();
}
/** The subject name of a commit: `git+<repository url>` or `commit` when the URL is unknown. */
function commitSubjectName(repositoryUrl) {
    return repositoryUrl ? `git+${repositoryUrl}` : 'commit';
}
function resourceUri(commit, repositoryUrl) {
    return `${repositoryUrl ? `git+${repositoryUrl}` : 'git+commit'}@${commit}`;
}
function laneResult(result, checks) {
    if (result !== undefined)
        return result;
    return checks.some((c) => c.result === 'FAILED') ? 'FAILED' : 'PASSED';
}
function validateChecks(checks) {
    return checks.map((c, i) => {
        if (c.name.trim() === '')
            throw new Error(`check #${i + 1} has an empty name`);
        if (!['PASSED', 'FAILED', 'SKIPPED'].includes(c.result)) {
            throw new Error(`check ${JSON.stringify(c.name)} has result ${JSON.stringify(c.result)}`);
        }
        if (!Number.isFinite(c.durationMs) || c.durationMs < 0) {
            throw new Error(`check ${JSON.stringify(c.name)} has durationMs ${c.durationMs}: expected a number >= 0`);
        }
        return { ...c, durationMs: Math.round(c.durationMs) };
    });
}
function predicate(lane, opts, extra) {
    const overrides = {};
    if (opts.commit !== undefined)
        overrides.commit = opts.commit;
    if (opts.repositoryUrl !== undefined)
        overrides.repositoryUrl = opts.repositoryUrl;
    if (opts.runUrl !== undefined)
        overrides.runUrl = opts.runUrl;
    const context = runContext(overrides, opts.env);
    const checks = validateChecks(opts.checks ?? []);
    const result = laneResult(opts.result, checks);
    if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
        const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
        throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
    }
    const commit = { sha: context.commit };
    if (extra.tree !== undefined)
        commit.tree = assertGitObjectId(extra.tree, 'tree');
    const verifier = { id: opts.verifier?.id ?? verifierId(lane) };
    if (opts.verifier?.version !== undefined)
        verifier.version = opts.verifier.version;
    const policy = { uri: opts.policy?.uri ?? defaultPolicyUri(lane) };
    if (opts.policy?.digest !== undefined)
        policy.digest = opts.policy.digest;
    const levels = [lane, ...(extra.verifiedLanes ?? []).filter((l) => l !== lane)].map(laneLevel);
    const p = {
        verifier,
        timeVerified: (opts.timeVerified ?? new Date()).toISOString(),
        resourceUri: resourceUri(context.commit, context.repositoryUrl),
        policy,
        ...(extra.inputAttestations !== undefined
            ? { inputAttestations: extra.inputAttestations.map((a) => ({ uri: a.uri, digest: { ...a.digest } })) }
            : {}),
        verificationResult: result,
        verifiedLevels: result === 'PASSED' ? levels : ['FAILED'],
        lane,
        commit,
        runUrl: context.runUrl ?? 'unknown',
        tested: extra.tested,
        ...(extra.target !== undefined ? { target: extra.target } : {}),
        checks,
    };
    if (context.run !== undefined)
        p.run = context.run;
    return { context, predicate: p };
}
/**
 * Builds the source lane's statement. Its subject is the commit itself (`digest: {gitCommit}`, as
 * in-toto's digest set allows), plus the tree (`digest: {gitTree}`) when given: the tree identifies the
 * checked content even when the commit is rebased.
 */
function sourceStatement(opts) {
    const extra = { tested: [] };
    if (opts.tree !== undefined)
        extra.tree = opts.tree;
    const { predicate: p, context } = predicate('source', opts, extra);
    const subject = [
        { name: commitSubjectName(context.repositoryUrl), digest: { gitCommit: context.commit } },
    ];
    if (p.commit.tree !== undefined) {
        subject.push({
            name: `${commitSubjectName(context.repositoryUrl)}#tree`,
            digest: { gitTree: p.commit.tree },
        });
    }
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function imageSubjects(images, what) {
    if (images.length === 0)
        throw new Error(`${what} needs at least one image`);
    const names = new Set();
    for (const image of images) {
        if (names.has(image.name))
            throw new Error(`${what}: image name ${JSON.stringify(image.name)} appears twice`);
        names.add(image.name);
        if (image.repository.includes('@') || image.repository === '') {
            throw new Error(`${what}: repository ${JSON.stringify(image.repository)} of ${image.name} must be registry/path without tag or digest`);
        }
    }
    const digests = images.map((i) => parseDigest(i.digest));
    return {
        subject: images.map((i, n) => ({ name: i.repository, digest: digestSet(digests[n]) })),
        tested: images.map((i, n) => ({ name: i.name, digest: digests[n].value })),
    };
}
/** Builds an integration or E2E lane's statement about a set of images tested together. */
function laneStatement(opts) {
    if (opts.lane !== 'integration' && opts.lane !== 'e2e') {
        throw new Error(`laneStatement builds integration or e2e evidence, not ${JSON.stringify(opts.lane)}`);
    }
    const { subject, tested } = imageSubjects(opts.images, `${opts.lane} evidence`);
    const { predicate: p } = predicate(opts.lane, opts, { tested });
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
/**
 * Builds the promotion statement: promote-digest verified the lanes' evidence for these digests and
 * copied them. `checks` usually holds one entry per verified lane.
 */
function promotionStatement(opts) {
    const { subject, tested } = imageSubjects(opts.images, 'promotion evidence');
    const { predicate: p } = predicate('promotion', opts, {
        tested,
        ...(opts.verifiedLanes !== undefined ? { verifiedLanes: opts.verifiedLanes } : {}),
        ...(opts.inputAttestations !== undefined ? { inputAttestations: opts.inputAttestations } : {}),
        ...(opts.target !== undefined ? { target: opts.target } : {}),
    });
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Checks that parsed JSON is a digestline verification statement and returns it typed.
 *
 * @throws Error saying which field is missing or malformed
 */
function parseStatement(value) {
    if (!isRecord(value))
        throw new Error('statement is not a JSON object');
    if (value._type !== STATEMENT_TYPE)
        throw new Error(`statement _type is ${JSON.stringify(value._type)}, expected ${STATEMENT_TYPE}`);
    if (value.predicateType !== vsa_VERIFICATION_PREDICATE_TYPE) {
        throw new Error(`predicateType is ${JSON.stringify(value.predicateType)}, expected ${vsa_VERIFICATION_PREDICATE_TYPE}`);
    }
    if (!Array.isArray(value.subject) || value.subject.length === 0)
        throw new Error('statement has no subject');
    for (const s of value.subject) {
        if (!isRecord(s) || typeof s.name !== 'string' || !isRecord(s.digest)) {
            throw new Error('statement subject entries need name and digest');
        }
        if (!Object.values(s.digest).every((v) => typeof v === 'string'))
            throw new Error(`subject ${s.name} has a non-string digest`);
    }
    const p = value.predicate;
    if (!isRecord(p))
        throw new Error('statement has no predicate object');
    if (!LANES.includes(p.lane))
        throw new Error(`predicate lane ${JSON.stringify(p.lane)} is not one of ${LANES.join(', ')}`);
    if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED') {
        throw new Error(`predicate verificationResult ${JSON.stringify(p.verificationResult)} is not PASSED or FAILED`);
    }
    if (!isRecord(p.commit) || typeof p.commit.sha !== 'string')
        throw new Error('predicate commit.sha is missing');
    if (!Array.isArray(p.tested))
        throw new Error('predicate tested is not a list');
    for (const t of p.tested) {
        if (!isRecord(t) || typeof t.name !== 'string' || typeof t.digest !== 'string') {
            throw new Error('predicate tested entries need name and digest');
        }
    }
    if (!Array.isArray(p.checks))
        throw new Error('predicate checks is not a list');
    if (typeof p.timeVerified !== 'string' || typeof p.runUrl !== 'string') {
        throw new Error('predicate needs timeVerified and runUrl strings');
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/dsse.ts
/**
 * DSSE (Dead Simple Signing Envelope) v1 around in-toto statements, signed with ECDSA P-256.
 *
 * Signatures are ASN.1 DER encoded, as sigstore/cosign produce and verify them, so an envelope signed
 * here can be checked with `cosign verify-blob-attestation`-style tooling and vice versa.
 * Key ids are the lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER: stable for a key
 * whatever PEM wrapping it comes in, and computable by hand with openssl (see docs/evidence.md).
 */



/** The DSSE payload type of in-toto statements. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * DSSE pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as
 * ASCII decimal byte counts. Signing the PAE rather than the payload binds the payload type too.
 */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
        type,
        Buffer.from(` ${payload.length} `, 'utf8'),
        payload,
    ]);
}
function publicKeyObject(key) {
    const obj = typeof key === 'string' ? (0,external_node_crypto_.createPublicKey)(key) : key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key;
    if (obj.asymmetricKeyType !== 'ec' || obj.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error(`evidence keys must be ECDSA P-256, got ${obj.asymmetricKeyType ?? 'unknown'} ${obj.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
    }
    return obj;
}
/** Key id of a public (or private) key: lowercase hex SHA-256 of its SPKI DER encoding. */
function keyId(key) {
    const der = publicKeyObject(key).export({ type: 'spki', format: 'der' });
    return (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex');
}
/** Wraps a statement in an unsigned envelope (the payload is the statement's compact JSON). */
function envelopeOf(statement) {
    return {
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: Buffer.from(JSON.stringify(statement), 'utf8').toString('base64'),
        signatures: [],
    };
}
function decodeBase64(text, what) {
    // Buffer.from silently skips junk; DSSE allows standard or URL-safe base64, nothing else.
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text))
        throw new Error(`${what} is not base64`);
    return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
}
/** The envelope's payload bytes (exactly what was signed, not a re-serialisation). */
function payloadBytes(envelope) {
    return decodeBase64(envelope.payload, 'DSSE payload');
}
/**
 * Adds a signature by `privateKeyPem` (PKCS#8 or SEC1 PEM of a P-256 key). The envelope is not
 * mutated; an existing signature with the same key id is replaced.
 */
function signEnvelope(envelope, privateKeyPem) {
    const key = typeof privateKeyPem === 'string' ? (0,external_node_crypto_.createPrivateKey)(privateKeyPem) : privateKeyPem;
    const keyid = keyId(key);
    const sig = (0,external_node_crypto_.sign)('sha256', pae(envelope.payloadType, payloadBytes(envelope)), { key, dsaEncoding: 'der' });
    return {
        ...envelope,
        signatures: [
            ...envelope.signatures.filter((s) => s.keyid !== keyid),
            { keyid, sig: sig.toString('base64') },
        ],
    };
}
/**
 * Verifies the envelope's signatures against one public key (PEM). Every signature is tried whatever
 * its `keyid` says (DSSE treats key ids as hints), and the key's own id is reported for each that
 * verifies.
 *
 * @returns the key ids that verified (empty when none did, or the envelope is unsigned)
 */
function verifyEnvelope(envelope, publicKeyPem) {
    const key = publicKeyObject(publicKeyPem);
    const id = keyId(key);
    let message;
    try {
        message = pae(envelope.payloadType, payloadBytes(envelope));
    }
    catch {
        return [];
    }
    for (const s of envelope.signatures) {
        let sig;
        try {
            sig = decodeBase64(s.sig, 'signature');
        }
        catch {
            continue;
        }
        if ((0,external_node_crypto_.verify)('sha256', message, { key, dsaEncoding: 'der' }, sig))
            return [id];
    }
    return [];
}
/**
 * Checks that parsed JSON has the shape of a DSSE envelope.
 *
 * @throws Error naming the malformed field
 */
function parseEnvelope(value) {
    if (typeof value !== 'object' || value === null)
        throw new Error('DSSE envelope is not a JSON object');
    const v = value;
    if (typeof v.payloadType !== 'string')
        throw new Error('DSSE envelope has no payloadType');
    if (typeof v.payload !== 'string')
        throw new Error('DSSE envelope has no payload');
    if (!Array.isArray(v.signatures))
        throw new Error('DSSE envelope has no signatures list');
    const signatures = v.signatures.map((s, i) => {
        const sig = s;
        if (typeof sig !== 'object' || sig === null || typeof sig.sig !== 'string') {
            throw new Error(`DSSE signature #${i + 1} has no sig`);
        }
        return { keyid: typeof sig.keyid === 'string' ? sig.keyid : '', sig: sig.sig };
    });
    return { payloadType: v.payloadType, payload: v.payload, signatures };
}
/**
 * The statement inside an envelope, checked to be an in-toto statement with digestline's predicate.
 *
 * @throws Error when the payload type is not in-toto or the payload is not a verification statement
 */
function statementOf(envelope) {
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new Error(`DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    let json;
    try {
        json = JSON.parse(payloadBytes(envelope).toString('utf8'));
    }
    catch (err) {
        throw new Error(`DSSE payload is not JSON: ${err.message}`, { cause: err });
    }
    // Whoever could push wrote this text: it is made log-safe before anything reads it.
    return parseStatement((0,untrusted/* neutralStrings */._)(json));
}


/***/ }),

/***/ 8346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ neutral),
/* harmony export */   _: () => (/* binding */ neutralStrings)
/* harmony export */ });
/**
 * Text that came from a registry (evidence fields, error bodies) is written by whoever can push there,
 * not by the user running the step. Before such text reaches the step log it is made one inert line:
 * a line break followed by `::` would otherwise be read by the runner as a workflow command
 * (`::add-mask::`, `::stop-commands::`, a forged `::error::`), and terminal escapes could repaint the log.
 */
// C0 controls (line breaks, ESC…), DEL, C1 controls (incl. NEL) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * One log-safe line: every control character is shown as a visible `\u{…}` escape, and a leading
 * `::` or `##[` (a workflow command even on the first line) is broken by a space.
 */
function neutral(text) {
    const line = text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
    return /^\s*(?:::|##\[)/.test(line) ? ` ${line}` : line;
}
/** A copy of parsed JSON with {@link neutral} applied to every string (keys included). */
function neutralStrings(value) {
    if (typeof value === 'string')
        return neutral(value);
    if (Array.isArray(value))
        return value.map((v) => neutralStrings(v));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [neutral(k), neutralStrings(v)]));
    }
    return value;
}


/***/ })

};
