export const id = 635;
export const ids = [635];
export const modules = {

/***/ 18635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __webpack_require__(78851);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(73438);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/engine/choices.ts
var choices = __webpack_require__(76255);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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
class BuildError extends errors/* ExecError */.cI {
    stepOutput;
    /**
     * @param stepOutput stdout from the last step marker on (podman `STEP 3/7:`, docker `Step 3/7 :`),
     *   then the whole of stderr: a RUN's own stderr, apt's `E:`/`W:` lines and the engine's error
     */
    constructor(argv, exitCode, stderrTail, stepOutput) {
        const what = `${argv.join(' ')} exited with code ${exitCode}`;
        // Docker's legacy builder prints a RUN's output on stdout: then the step's tail says why.
        const tail = stderrTail === '' ? (0,src_exec/* tailLines */.os)(stepOutput) : stderrTail;
        super(argv, exitCode, stderrTail, tail === '' ? `${what} and printed nothing` : `${what}:\n${tail}`);
        this.stepOutput = stepOutput;
    }
}
const STEP_MARKER = /^(?:STEP|Step) \d+\/\d+ ?:/gm;
/** The {@link BuildError} for a build run with `ignoreReturnCode` that exited non-zero. */
function buildError(argv, result) {
    const markers = [...result.stdout.matchAll(STEP_MARKER)];
    const lastStep = result.stdout.slice(markers.at(-1)?.index ?? 0);
    const stderrTail = (0,src_exec/* tailLines */.os)(result.stderr);
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
function digestOf(ref) {
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
        const digest = digestOf(entry);
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
        const digest = digestOf(imageRef);
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
    constructor(exec = src_exec/* defaultExec */.hp, bin = 'docker') {
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
    constructor(exec = src_exec/* defaultExec */.hp, bin = 'podman') {
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
            throw new errors/* ExecError */.cI(argv, r.exitCode, r.stderr.trim());
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
function selectEngine(kind, env = process.env, exec = src_exec/* defaultExec */.hp) {
    const choice = kind.trim().toLowerCase();
    if (!isChoice(choice)) {
        throw new errors/* InputError */.dz('engine', `engine must be one of ${choices/* ENGINE_CHOICES */.u.join(', ')}; got ${JSON.stringify(kind)}`);
    }
    const resolved = choice === 'auto' ? autoKind(env) : choice;
    if (resolved === undefined) {
        throw new errors/* InputError */.dz('engine', `engine is auto but neither podman nor docker is on PATH (${env.PATH ?? ''}); install one, ` +
            `or set the engine input to docker or podman (valid values: ${choices/* ENGINE_CHOICES */.u.join(', ')}); ` +
            `in a job container, ${ENGINE_ACCESS_ADVICE}, with a job image that has the docker (or podman) CLI`);
    }
    if (!onPath(resolved, env)) {
        throw new errors/* InputError */.dz('engine', `engine is ${choice === 'auto' ? `auto (chose ${resolved})` : resolved} but ${resolved} is not on PATH ` +
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
            `${(0,errors/* errorMessage */.gJ)(err)}\n${ENGINE_ACCESS_ADVICE}`, { cause: err });
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
        throw new errors/* InputError */.dz(FILES_ENV, `${FILES_ENV} must be bind or copy (or unset to decide from the engine); got ${JSON.stringify(forced)}`);
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
    const log = opts.log ?? src_log/* silentLog */.a;
    // A bad override is refused before the engine is even asked.
    filesOverride(env);
    const engine = selectEngine(kind, env, opts.exec ?? src_exec/* defaultExec */.hp);
    const server = await checkEngineAccess(engine, env, opts.timeoutMs);
    const decision = decideFiles(engine.kind, env, server);
    engine.files = decision.mode;
    log.info(`${engine.kind} ${server.version}: files ${decision.mode === 'bind' ? 'bind-mounted' : 'copied through the engine'} (${decision.reason})`);
    return engine;
}

// EXTERNAL MODULE: ./packages/core/src/lanes/integration.ts + 84 modules
var integration = __webpack_require__(32626);
;// CONCATENATED MODULE: ./packages/core/src/lanes/lane-summary.ts
function ms(value) {
    return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}
/** The job summary of a lane run (also printed to the log). */
function summarizeLane(summary, report) {
    summary.heading(`${report.lane === 'integration' ? 'integration-test' : 'e2e-run'}: ${report.result}`);
    summary.table(['Service', 'Image', 'Readiness', 'Ready after', 'URL'], report.services.map((s) => [
        s.name,
        s.image,
        s.readiness ?? '',
        s.readyAfterMs !== undefined ? ms(s.readyAfterMs) : '',
        s.url ?? '',
    ]));
    const lines = [
        `project ${report.project} on ${report.engine}, stack ${report.stack}`,
        `digests verified: ${report.digestsVerified === null ? 'not checked' : report.digestsVerified ? 'yes' : 'NO'}`,
    ];
    if (report.readiness !== null) {
        lines.push(`ready ${ms(report.readiness.upMs)} after the first start; tests started ${ms(report.readiness.latencyMs)} after the last service was ready`);
    }
    if (report.tests !== null) {
        lines.push(`tests (${report.tests.where === 'container' ? `in ${report.tests.image}` : 'on the runner'}): exit code ${report.tests.exitCode ?? 'none'} after ${ms(report.tests.durationMs)}`);
    }
    lines.push(`lane took ${ms(report.durationMs)}`);
    if (report.bundle !== undefined)
        lines.push(`failure bundle: ${report.bundle}`);
    if (report.evidence !== undefined) {
        lines.push(`evidence (${report.evidence.signed ? 'signed' : 'unsigned'}): ${report.evidence.path}, stored for ${report.evidence.stored.length}/${report.images.length} digests`);
    }
    summary.list(lines);
    if (report.failure !== undefined)
        summary.code(report.failure);
}
/** Why the step fails, or undefined when it passed. */
function laneFailureMessage(outcome) {
    const parts = [];
    if (outcome.report.failure !== undefined)
        parts.push(outcome.report.failure);
    if (outcome.evidenceError !== undefined)
        parts.push(outcome.evidenceError);
    if (parts.length === 0)
        return undefined;
    return parts.join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(74412);
// EXTERNAL MODULE: ./packages/core/src/summary.ts
var summary = __webpack_require__(56968);
// EXTERNAL MODULE: ./actions/integration-test/src/constants.ts
var constants = __webpack_require__(68573);
;// CONCATENATED MODULE: ./actions/integration-test/src/run.ts







/** Runs the lane with inputs already read and validated by `getInputs`. */
async function run(inputs) {
    const engine = await connectEngine(inputs.engine, { log: step/* stepLog */.tV });
    const outcome = await (0,integration/* runIntegrationTest */.Q1)(inputs, {
        engine,
        // Saved before anything is created: a cancelled or crashed main still gets its teardown.
        onProject: (project) => {
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Project, project);
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Engine, engine.kind);
        },
        // Loaded only on the failure path: @actions/artifact doubles the bundle's start-up time.
        upload: async (name, dir) => (await __webpack_require__.e(/* import() */ 151).then(__webpack_require__.bind(__webpack_require__, 151))).uploadDirectory(name, dir, { log: step/* stepLog */.tV }),
        log: step/* stepLog */.tV,
    });
    if (outcome.kept)
        (0,step/* saveState */.LZ)(constants/* State */.Uw.Kept, 'true');
    (0,step/* setOutputs */.n0)({
        [constants/* Outputs */.tY.Result]: outcome.report.result,
        [constants/* Outputs */.tY.Report]: outcome.reportPath,
        [constants/* Outputs */.tY.Bundle]: outcome.bundlePath ?? '',
        [constants/* Outputs */.tY.Evidence]: outcome.evidencePath ?? '',
    });
    await (0,summary/* writeSummary */.Sy)((summary) => summarizeLane(summary, outcome.report));
    const failure = laneFailureMessage(outcome);
    if (failure !== undefined)
        throw new Error(failure);
}
/** The post step: tears down the stack main started, if any. */
async function post() {
    const project = (0,step/* getState */.Gu)(constants/* State */.Uw.Project);
    if (project === '')
        return (0,step/* info */.pq)('integration-test post: main started no stack, nothing to tear down');
    const engine = selectEngine((0,step/* getState */.Gu)(constants/* State */.Uw.Engine) || 'auto');
    (0,step/* info */.pq)(await (0,integration/* teardownIntegrationTest */.p2)(engine, project, (0,step/* getState */.Gu)(constants/* State */.Uw.Kept) === 'true', step/* stepLog */.tV));
}


/***/ })

};
