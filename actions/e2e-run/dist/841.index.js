export const id = 841;
export const ids = [841];
export const modules = {

/***/ 85734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ stagedHostPath),
/* harmony export */   II: () => (/* binding */ STAGED_LABEL),
/* harmony export */   O0: () => (/* binding */ stageRunMounts),
/* harmony export */   rg: () => (/* binding */ stageVolume),
/* harmony export */   xW: () => (/* binding */ finishStagedRun)
/* harmony export */ });
/* unused harmony export copyVolumeOut */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(637);
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
                    : [entry.source, node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(STAGE_DIR, entry.path)];
                try {
                    await engine.copyInto(from, helper, to);
                }
                catch (err) {
                    throw new Error(`copying ${entry.source} into volume ${opts.volume}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`, {
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
    const parents = [...new Set(entries.map((e) => node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(e.path)).filter((d) => d !== '.'))];
    if (parents.length === 0)
        return;
    const skeleton = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'digestline-stage-'));
    try {
        for (const dir of parents)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(skeleton, dir), { recursive: true });
        await engine.copyInto(`${skeleton}/.`, helper, STAGE_DIR);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(skeleton, { recursive: true, force: true });
    }
}
/**
 * Copies `path` of `volume` (its whole content by default) into the local directory `dest` (made if
 * missing), through a never-started helper of `image`.
 */
async function copyVolumeOut(engine, opts) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(opts.dest, { recursive: true });
    const from = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(STAGE_DIR, opts.path ?? '');
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
    const ours = mounts.flatMap((m, n) => m.source.startsWith('/') ? [{ m, path: `${n}/${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(m.source)}` }] : []);
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
    return node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(await engine.volumeMountpoint(volume), path);
}


/***/ }),

/***/ 78851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   hp: () => (/* binding */ defaultExec),
/* harmony export */   os: () => (/* binding */ tailLines)
/* harmony export */ });
/* unused harmony exports STDERR_TAIL_LINES, Exec */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60508);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40296);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
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
            (0,_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq)(secret);
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
            result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H)(program, programArgs, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, null, '', `${argv.join(' ')} could not be started: ${redact(reason, secrets)}`, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, null, stderrTail, stderrTail === '' ? what : `${what}:\n${stderrTail}`);
        }
        if (result.exitCode !== 0 && !opts.ignoreReturnCode) {
            const what = `${argv.join(' ')} exited with code ${result.exitCode}`;
            if (stderrTail !== '')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, result.exitCode, stderrTail, `${what}:\n${stderrTail}`);
            // Some tools report failures on stdout; an empty stderr must not leave the reader with nothing.
            const stdoutTail = redact(tailLines(result.stdout), secrets);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, result.exitCode, '', stdoutTail === ''
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


/***/ }),

/***/ 84648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ checkDetail),
/* harmony export */   n: () => (/* binding */ laneCheck)
/* harmony export */ });
/** `detail` cut to at most 500 characters. */
function checkDetail(detail) {
    return detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
}
/** An evidence check; a negative duration (clock skew) becomes 0, an empty detail is left out. */
function laneCheck(name, result, durationMs, detail) {
    const c = { name, result, durationMs: Math.max(0, durationMs) };
    if (detail !== undefined && detail !== '')
        c.detail = checkDetail(detail);
    return c;
}


/***/ }),

/***/ 91126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Tc: () => (/* binding */ TESTS_ROLE)
});

// UNUSED EXPORTS: commandTester, runOnRunner, testContainerOptions

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./packages/core/src/user-code.ts
var user_code = __webpack_require__(49867);
;// CONCATENATED MODULE: ./packages/core/src/checks/host.ts
/**
 * Runs checks on the runner itself: each one `sh -c` in its own process group, so that a timeout
 * kills the check and everything it started (npm → node → workers), not just the shell.
 */


/** How long a killed check gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5_000;
/**
 * After a check's shell exits, how long its output pipes may stay open (held by a background process
 * it left behind) before they are closed and the leftovers killed.
 */
const PIPE_DRAIN_MS = 2_000;
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        // Negative pid: the whole process group the check's shell leads (spawned with `detached`).
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is already gone.
    }
}
/** Runs each check as `/bin/sh -c <run>` on the runner, in its own process group. */
class host_HostLauncher {
    env;
    killGraceMs;
    user;
    /**
     * @param env the checks' environment (see `userEnvironment` in ../user-code.ts)
     * @param killGraceMs time between SIGTERM and SIGKILL when a check is killed
     * @param user uid:gid the checks run as (we must be root); this process's own when absent
     */
    constructor(env = userEnvironment(process.env), killGraceMs = KILL_GRACE_MS, user) {
        this.env = env;
        this.killGraceMs = killGraceMs;
        this.user = user;
    }
    start(check, output) {
        const child = spawn('/bin/sh', ['-c', check.run], {
            cwd: check.cwd,
            env: this.env,
            detached: true,
            ...(this.user !== undefined ? { uid: this.user.uid, gid: this.user.gid } : {}),
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', output);
        child.stderr.on('data', output);
        const exited = new Promise((resolve) => {
            let done = false;
            const finish = (exit) => {
                if (done)
                    return;
                done = true;
                resolve(exit);
            };
            child.on('error', (err) => {
                const as = this.user !== undefined ? ` as uid ${this.user.uid}:${this.user.gid}` : '';
                output(Buffer.from(`could not start /bin/sh in ${check.cwd}${as}: ${err.message}\n`));
                finish({ exitCode: null });
            });
            child.on('exit', (code, signal) => {
                // Nothing a check started may outlive it: a background process would keep running between
                // checks (and hold the output pipes open, so 'close' would never come).
                killGroup(child.pid, 'SIGKILL');
                const drain = setTimeout(() => {
                    child.stdout.destroy();
                    child.stderr.destroy();
                    finish({ exitCode: code, signal });
                }, PIPE_DRAIN_MS);
                child.once('close', () => {
                    clearTimeout(drain);
                    finish({ exitCode: code, signal });
                });
            });
        });
        const kill = async () => {
            killGroup(child.pid, 'SIGTERM');
            const hard = setTimeout(() => killGroup(child.pid, 'SIGKILL'), this.killGraceMs);
            await exited;
            clearTimeout(hard);
        };
        return { exited, kill };
    }
}

// EXTERNAL MODULE: ./packages/core/src/engine/staging.ts
var staging = __webpack_require__(85734);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(78851);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
// EXTERNAL MODULE: ./packages/core/src/summary.ts
var summary = __webpack_require__(56968);
// EXTERNAL MODULE: ./packages/core/src/lanes/names.ts
var names = __webpack_require__(8468);
;// CONCATENATED MODULE: ./packages/core/src/lanes/command-tester.ts
/**
 * integration-test's tester: a shell command run in a container on the stack network (with the
 * services' internal URLs), or on the runner (with their published loopback URLs). In a container,
 * the test container is created while the services become ready and only started once they are.
 */












/** `CONTAINER_ROLE_LABEL` value of the container the tests run in. */
const TESTS_ROLE = 'tests';
/**
 * `run` options of the test container: on the stack network, the workspace mounted read-only at the
 * same path and used as working directory, the image's entrypoint cleared so that `sh -c` runs the
 * command whatever the image's ENTRYPOINT, labelled with the stack so that `down` removes it too.
 */
function testContainerOptions(project, network, tests, env) {
    return {
        image: tests.image,
        name: `${project}-tests`,
        // Every network of the stack: the tests address any service by name.
        ...joinNetworks(network),
        rm: true,
        env,
        volumes: [{ source: tests.workspace, target: tests.workspace, readonly: true }],
        workdir: tests.workspace,
        entrypoint: '',
        labels: { [STACK_LABEL]: project, [CONTAINER_ROLE_LABEL]: TESTS_ROLE },
        command: ['sh', '-c', tests.command],
    };
}
/** The volume holding the test container's staged files in copy mode. */
function stagingVolume(options) {
    return `${options.name ?? 'tests'}-files`;
}
/** The container-side `<SERVICE>_URL` variables from {@link Stack.internalUrls}, as `serviceUrls` makes them. */
function urlsFromInternal(urls) {
    const env = {};
    for (const u of urls)
        if (u.url !== undefined)
            env[urlEnvName(u.service)] = u.url;
    return env;
}
/** Removes a prepared test container that will not be started (if it was created at all). */
async function discardPrepared(engine, prepared) {
    try {
        await prepared.created;
        await engine.remove(prepared.name, { force: true }).catch(() => undefined);
    }
    catch {
        // Not created: nothing to remove but what was staged for it.
    }
    await prepared.staging.then((staged) => finishStagedRun(engine, staged)).catch(() => undefined);
}
/** Makes sure the test image is local (pulling it the way Stack pulls service images). */
async function ensureImage(engine, ref, log) {
    try {
        await engine.inspectImage(ref);
    }
    catch {
        log.info(`pulling test image ${ref}`);
        let insecure = false;
        try {
            insecure = isLoopbackRegistry(parseReference(ref).registry);
        }
        catch {
            // An unparsable reference is the engine's to reject, with its own message.
        }
        await engine.pull(ref, { insecure });
    }
}
/**
 * Runs the test command on the runner: `sh -c` in its own process group (a timeout kills all it
 * started), as the unprivileged user when the key must be kept from it, its output echoed to the
 * log as it comes. Never rejects: a command that could not run to an exit code says why in `error`.
 */
async function runOnRunner(tests, env, user) {
    const launcher = new HostLauncher(user !== undefined ? { ...env, HOME: user.home } : env, undefined, user?.user);
    const chunks = [];
    const child = launcher.start({ name: 'tests', run: tests.command, cwd: tests.workspace, timeoutMs: tests.timeoutMs ?? 0 }, (chunk) => {
        chunks.push(chunk);
        process.stdout.write(chunk);
    });
    let timedOut = false;
    const timer = tests.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            void child.kill();
        }, tests.timeoutMs)
        : undefined;
    const exit = await child.exited;
    if (timer !== undefined)
        clearTimeout(timer);
    const output = Buffer.concat(chunks).toString('utf8');
    if (timedOut) {
        return {
            exitCode: null,
            output,
            error: `did not finish within ${formatDuration(tests.timeoutMs ?? 0)} and was killed`,
        };
    }
    return exit.exitCode === null
        ? { exitCode: null, output, error: `was killed by ${exit.signal ?? 'a signal'}` }
        : { exitCode: exit.exitCode, output };
}
/**
 * Runs the test command: starts the container prepared during `up` when there is one, else runs
 * one in a single step, or runs the command on the runner. Never throws: a command that cannot run
 * to an exit code says why in `error`.
 */
async function runTestCommand(tests, deps, stack, urls, prepared, hostUser) {
    const { engine, log } = deps;
    for (const [name, value] of Object.entries(urls))
        log.info(`${name}=${value}`);
    const t0 = Date.now();
    const timeout = tests.timeoutMs !== undefined ? { timeoutMs: tests.timeoutMs } : {};
    let created = false;
    let staged;
    if (prepared !== undefined) {
        try {
            await prepared.created;
            staged = await prepared.staging;
            created = true;
        }
        catch (err) {
            // `run` below tries again and reports the engine's error if it fails the same way.
            log.info(`creating the test container failed (${errorMessage(err)}); running it in one step`);
            await discardPrepared(engine, prepared);
            staged = undefined;
        }
    }
    try {
        if (tests.image === undefined) {
            const r = await runOnRunner(tests, { ...(tests.host?.env ?? {}), ...urls }, hostUser);
            return { ...r, durationMs: Date.now() - t0 };
        }
        if (!created || prepared === undefined) {
            const options = testContainerOptions(stack.project, stack.networks, { ...tests, image: tests.image }, urls);
            staged = await stageRunMounts(engine, options, stagingVolume(options));
        }
        const r = created && prepared !== undefined
            ? await engine.startAttached(prepared.name, timeout)
            : await engine.runToCompletion(staged.options, timeout);
        return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`, durationMs: Date.now() - t0 };
    }
    catch (err) {
        return { exitCode: null, output: '', durationMs: Date.now() - t0, error: errorMessage(err) };
    }
    finally {
        if (staged !== undefined) {
            await finishStagedRun(engine, staged).catch((err) => log.warning(`removing the test container's staged files failed: ${errorMessage(err)}`));
        }
    }
}
/** The lane's view of a finished test command: the report's `tests`, one check, the failure. */
function commandVerdict(tests, run) {
    const testsCheck = `tests: ${tests.command}`;
    const result = {
        tests: {
            command: tests.command,
            where: tests.image !== undefined ? 'container' : 'runner',
            ...(tests.image !== undefined ? { image: tests.image } : {}),
            exitCode: run.exitCode,
            durationMs: run.durationMs,
        },
        output: run.output,
        checks: [],
        failures: [],
    };
    if (run.exitCode === 0) {
        result.checks.push(laneCheck(testsCheck, 'PASSED', run.durationMs));
    }
    else {
        const why = run.error ?? `exited with code ${run.exitCode}`;
        result.failures.push(`the tests ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 15)}`}`);
        result.checks.push(laneCheck(testsCheck, 'FAILED', run.durationMs, why));
    }
    return result;
}
/** The command tester: integration-test's tests, as a {@link LaneTester}. */
function commandTester(tests, deps) {
    const { engine, log } = deps;
    const where = tests.image !== undefined ? 'container' : 'runner';
    let prepared;
    let hostUser;
    const host = tests.image === undefined ? tests.host : undefined;
    const isolationCheck = host !== undefined ? keyIsolationCheck(host.isolation, host.inputs.unsafe) : undefined;
    const discard = async () => {
        if (prepared !== undefined)
            await discardPrepared(engine, prepared);
        prepared = undefined;
        await hostUser?.cleanup();
    };
    return {
        where,
        ...(tests.image !== undefined ? { probeImage: tests.image } : {}),
        ...(isolationCheck !== undefined ? { initialChecks: [isolationCheck] } : {}),
        skippedWhenNotStarted: ['digests verified', `tests: ${tests.command}`],
        prepare: async () => {
            if (tests.image !== undefined)
                await ensureImage(engine, tests.image, log);
            if (host === undefined)
                return;
            log.info(describeHostIsolation(host.isolation, 'the test command will'));
            if (host.isolation.mode === 'unsafe')
                log.warning(describeHostIsolation(host.isolation, 'the test command will'));
            if (host.isolation.mode !== 'dropped')
                return;
            hostUser = await prepareHostUser(host.isolation.user, { workspace: tests.workspace, cwds: [tests.workspace] }, host.inputs);
            for (const warning of hostUser.warnings)
                log.warning(warning);
        },
        // `create` is most of the cost of a `run` that is not starting the process itself.
        onStarting: (s) => {
            if (tests.image === undefined)
                return;
            const env = urlsFromInternal(s.internalUrls());
            const options = testContainerOptions(s.project, s.networks, { ...tests, image: tests.image }, env);
            // Copy mode: the workspace reaches the container through the engine, staged first.
            // Bind mode creates at once: the creation overlaps the services' start.
            const copy = engine.files === 'copy';
            const staging = copy
                ? stageRunMounts(engine, options, stagingVolume(options))
                : Promise.resolve({ options, writable: [] });
            const created = copy ? staging.then((staged) => engine.create(staged.options)) : engine.create(options);
            staging.catch(() => undefined);
            created.catch(() => undefined);
            prepared = { name: options.name, env, staging, created };
        },
        onStartFailed: discard,
        plan: async (stack, _statuses, urls) => {
            if (prepared !== undefined && JSON.stringify(prepared.env) !== JSON.stringify(urls.env)) {
                // Cannot happen while internalUrls() and inspect() agree; if they ever do not, the tests get
                // what inspect says, in a container made now.
                await discard();
            }
            if (urls.missing.length > 0) {
                log.info(`no ${where === 'runner' ? 'published loopback' : 'internal'} URL for ${urls.missing.join(', ')}: ${where === 'runner'
                    ? 'publish a port (ports: ["8080"]) to reach it from the runner'
                    : 'it has no port'}`);
            }
            return {
                run: async () => commandVerdict(tests, await group(`Run tests (${where === 'container' ? `in ${tests.image}` : 'on the runner'})`, () => runTestCommand(tests, deps, stack, urls.env, prepared, hostUser).finally(() => hostUser?.cleanup()))),
            };
        },
    };
}


/***/ }),

/***/ 57269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lE: () => (/* binding */ assertEvidencePossible),
  Pm: () => (/* binding */ publishLaneEvidence)
});

// UNUSED EXPORTS: evidenceImages

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __webpack_require__(92479);
// EXTERNAL MODULE: ./packages/core/src/evidence/statement.ts + 2 modules
var evidence_statement = __webpack_require__(35839);
// EXTERNAL MODULE: ./packages/core/src/registry/media-types.ts
var media_types = __webpack_require__(45514);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/registry/digest.ts
var registry_digest = __webpack_require__(57212);
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
const artifact_EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
const artifact_EMPTY_DESCRIPTOR = { mediaType: media_types/* OCI_EMPTY */.g1, digest: (0,registry_digest/* digestOf */.o)(artifact_EMPTY_BLOB), size: 2 };
/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
function artifact_buildEvidenceManifest(envelope, opts) {
    const statement = (0,dsse.statementOf)(envelope);
    const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
    const annotations = {
        [LANE_ANNOTATION]: statement.predicate.lane,
        [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
        [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType: EVIDENCE_ARTIFACT_TYPE,
        config: artifact_EMPTY_DESCRIPTOR,
        layers: [{ mediaType: DSSE_MEDIA_TYPE, digest: (0,registry_digest/* digestOf */.o)(layer), size: layer.length }],
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
    const digest = (0,registry_digest/* digestOf */.o)(bytes);
    return {
        manifest,
        bytes,
        digest,
        layer,
        descriptor: {
            mediaType: media_types/* OCI_MANIFEST */.EG,
            digest,
            size: bytes.length,
            artifactType: EVIDENCE_ARTIFACT_TYPE,
            annotations,
        },
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./packages/core/src/registry/errors.ts
var registry_errors = __webpack_require__(22743);
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
    return err instanceof registry_errors/* RegistryError */.gl && err.status === 404;
}
/** A manifest by tag or digest, or `undefined` when the registry does not have it. */
async function getManifestOrUndefined(client, repo, ref) {
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
async function registry_uploadIfMissing(client, repo, bytes, digest) {
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

;// CONCATENATED MODULE: ./packages/core/src/evidence/cosign-layout.ts
/**
 * Evidence in cosign's legacy attestation layout, so that `cosign verify-attestation` (and the admission
 * controllers built on it: Kyverno, sigstore policy-controller) find and check it.
 *
 * cosign looks for attestations of `repo@sha256:<hex>` at the tag `sha256-<hex>.att` in the same
 * repository: an OCI image manifest whose every layer is one DSSE envelope (media type
 * `application/vnd.dsse.envelope.v1+json`, annotation `predicateType`), with the image config that
 * go-containerregistry computes for those layers (cosign: pkg/oci/empty, pkg/oci/mutate/signatures.go,
 * pkg/oci/static). Adding an envelope is read-modify-write on that tag; distribution 2.8 has no
 * compare-and-set on tags, so the append re-reads after each put and appends again when a concurrent
 * writer replaced the manifest without our layers (the same loop as the referrers fallback index).
 */







/** Media type of the config blob of cosign's signature and attestation images. */
const OCI_IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** Layer annotation naming the statement's predicate type; `cosign verify-attestation --type` reads it. */
const PREDICATE_TYPE_ANNOTATION = 'predicateType';
/** Layer annotation cosign puts on every layer; empty for attestations (the signature is in the DSSE). */
const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** cosign refuses signature and attestation images with more layers than this. */
const COSIGN_MAX_LAYERS = 1000;
/**
 * The tag cosign reads the attestations of `digest` from: `sha256-<hex>.att`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function cosignAttestationTag(digest) {
    const parsed = typeof digest === 'string' ? (0,reference/* parseDigest */.m)(digest) : digest;
    return `${parsed.algorithm}-${parsed.hex}.att`;
}
/** The layer of an envelope: its compact JSON, annotated as cosign annotates attestation layers. */
function attestationLayer(envelope) {
    const bytes = Buffer.from(JSON.stringify(envelope), 'utf8');
    return {
        bytes,
        descriptor: {
            mediaType: DSSE_MEDIA_TYPE,
            size: bytes.length,
            digest: (0,registry_digest/* digestOf */.o)(bytes),
            annotations: {
                [COSIGN_SIGNATURE_ANNOTATION]: '',
                [PREDICATE_TYPE_ANNOTATION]: (0,dsse.statementOf)(envelope).predicateType,
            },
        },
    };
}
/**
 * The config blob of an `.att` image with these layers, byte for byte what cosign writes: an empty
 * image config whose diff_ids are the layer digests (the layers are uncompressed) and one zero-time
 * history entry per layer.
 */
function attestationConfig(layers) {
    const config = {
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    };
    return Buffer.from(JSON.stringify(config), 'utf8');
}
/**
 * The `.att` manifest with `add` appended to `existing`'s layers (pure): layers already there (same
 * digest) are not added twice, and other writers' layers (cosign's own attestations too) are kept.
 *
 * @returns the manifest and its config blob, or `undefined` when every layer is there already
 * @throws Error when the result would exceed cosign's {@link COSIGN_MAX_LAYERS}
 */
function appendAttestations(existing, add) {
    const layers = [...(existing?.layers ?? [])];
    const missing = add.filter((d, i) => !layers.some((l) => l.digest === d.digest) && add.findIndex((o) => o.digest === d.digest) === i);
    if (missing.length === 0)
        return undefined;
    layers.push(...missing);
    if (layers.length > COSIGN_MAX_LAYERS) {
        throw new Error(`the cosign attestation image would have ${layers.length} layers; cosign reads at most ${COSIGN_MAX_LAYERS}`);
    }
    const config = attestationConfig(layers);
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        config: { mediaType: OCI_IMAGE_CONFIG, size: config.length, digest: (0,registry_digest/* digestOf */.o)(config) },
        layers,
    };
    if (existing?.annotations !== undefined)
        manifest.annotations = existing.annotations;
    return { manifest, bytes: Buffer.from(JSON.stringify(manifest), 'utf8'), config };
}
/**
 * Appends envelopes to the cosign attestation image of `digest` in `repo` (tag `sha256-<hex>.att`),
 * and re-reads until every one of them is in the tag: a concurrent writer whose put replaced ours is
 * seen after a short wait, and our layers are appended again (bounded by `opts.attempts`).
 * Idempotent: envelopes already there change nothing.
 *
 * @throws Error when the layers do not stay in the tag after `opts.attempts` rounds
 */
async function attachCosignAttestations(client, repo, digest, envelopes, opts = {}) {
    const tag = cosignAttestationTag(digest);
    const layers = envelopes.map(attestationLayer);
    const wanted = layers.map((l) => l.descriptor);
    const result = { tag, layers: wanted.map((d) => d.digest) };
    if (layers.length === 0)
        return { ...result, rounds: 0 };
    // The first read of the tag needs not wait for the layers: only our put must come after them.
    const firstRead = getManifestOrUndefined(client, repo, tag);
    firstRead.catch(() => undefined);
    // Most tags are new: the config of a new tag (a function of exactly these layers) goes up while the
    // tag is read. If the tag exists after all, that small blob was uploaded for nothing.
    const fresh = appendAttestations(undefined, wanted);
    const freshConfig = fresh.manifest.config.digest;
    const freshUpload = client.uploadBlob(repo, freshConfig, fresh.config, fresh.config.length);
    freshUpload.catch(() => undefined);
    await Promise.all(layers.map((l) => opts.uploads?.get(l.descriptor.digest) ?? registry_uploadIfMissing(client, repo, l.bytes, l.descriptor.digest)));
    const attempts = opts.attempts ?? 6;
    const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
    const holdsAll = async () => {
        const m = await getManifestOrUndefined(client, repo, tag);
        return wanted.every((w) => m?.json.layers?.some((l) => l.digest === w.digest) === true);
    };
    for (let round = 1; round <= attempts; round++) {
        const current = await (round === 1 ? firstRead : getManifestOrUndefined(client, repo, tag));
        const next = appendAttestations(current?.json, wanted);
        if (next === undefined)
            return { ...result, rounds: round };
        if (next.manifest.config.digest === freshConfig) {
            await freshUpload;
        }
        else {
            await registry_uploadIfMissing(client, repo, next.config, next.manifest.config.digest);
        }
        await client.putManifest(repo, tag, next.bytes, media_types/* OCI_MANIFEST */.EG);
        // A writer that read the tag before our put landed puts its own version after it: waiting, then
        // looking twice, sees that and appends again instead of being silently dropped.
        await (0,external_node_timers_promises_.setTimeout)(settle());
        if (!(await holdsAll()))
            continue;
        await (0,external_node_timers_promises_.setTimeout)(settle());
        if (await holdsAll())
            return { ...result, rounds: round };
    }
    throw new Error(`could not keep ${wanted.length} attestation layer(s) in ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
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
    const parsed = typeof digest === 'string' ? (0,reference/* parseDigest */.m)(digest) : digest;
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
function evidenceRepository(imageRepository) {
    const slash = imageRepository.lastIndexOf('/');
    return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/referrers-index.ts
/**
 * The referrers fallback index (an OCI index at tag `sha256-<hex>`, OCI distribution spec 1.1): how
 * evidence is listed on a registry without the referrers API. Distribution 2.8 has no compare-and-set
 * on tags, so every change is read-merge-put-verify.
 */



/**
 * Adds `descriptor` to a referrers index unless an entry with its digest is there (pure).
 *
 * @returns the new index, or `undefined` when nothing changed
 */
function mergeReferrer(index, descriptor) {
    const manifests = index?.manifests ?? [];
    if (manifests.some((m) => m.digest === descriptor.digest))
        return undefined;
    return { ...(index ?? {}), schemaVersion: 2, mediaType: media_types/* OCI_INDEX */.$p, manifests: [...manifests, descriptor] };
}
/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
async function mergeIntoFallback(client, repo, tag, descriptor, opts = {}) {
    const attempts = opts.attempts ?? 6;
    const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
    for (let round = 1; round <= attempts; round++) {
        const current = await getManifestOrUndefined(client, repo, tag);
        const merged = mergeReferrer(current?.json, descriptor);
        if (merged !== undefined) {
            await client.putManifest(repo, tag, Buffer.from(JSON.stringify(merged), 'utf8'), media_types/* OCI_INDEX */.$p);
        }
        // Waiting lets a concurrent writer's put (based on an index read before ours landed) land first,
        // so the re-read sees it and we merge again instead of being silently overwritten.
        await (0,external_node_timers_promises_.setTimeout)(settle());
        const after = await getManifestOrUndefined(client, repo, tag);
        if (after?.json.manifests?.some((m) => m.digest === descriptor.digest)) {
            if (merged === undefined)
                return round;
            // Our put stuck; a second look after another wait catches a writer whose put was still in flight.
            await (0,external_node_timers_promises_.setTimeout)(settle());
            const again = await getManifestOrUndefined(client, repo, tag);
            if (again?.json.manifests?.some((m) => m.digest === descriptor.digest))
                return round;
        }
    }
    throw new Error(`could not keep ${descriptor.digest} in the referrers index ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/store.ts
/**
 * Stores DSSE evidence envelopes in the registry next to the image they speak about.
 *
 * Image evidence is an OCI artifact manifest whose `subject` is the image manifest, made discoverable
 * through the OCI referrers API when the registry has one, otherwise through the referrers tag-schema
 * fallback (an OCI index at tag `sha256-<hex>`). The same envelope also goes into cosign's attestation
 * layout (tag `sha256-<hex>.att`), where `cosign verify-attestation` and admission controllers look.
 * Source-lane evidence has no image to point at; it is tagged `commit-<sha>.source` in an evidence
 * repository so it can be found from the commit alone.
 */








/**
 * Stores an evidence envelope attached to the image manifest `digest` in `repo`.
 *
 * Uploads the empty config and the envelope, PUTs the artifact manifest by digest, then makes it
 * discoverable: nothing more when the referrers API answers, otherwise merges it into the fallback
 * index at tag `sha256-<hex>`. Distribution 2.8 has no compare-and-set on tags, so the merge re-reads
 * after each put (after a short random wait) and merges again when a concurrent writer replaced the
 * index without our entry. Idempotent: storing the same envelope again changes nothing.
 *
 * @throws Error when the statement's subjects do not include `digest`, or the merge does not stick
 */
async function storeEvidence(client, repo, digest, envelope, opts = {}) {
    const subjectDigest = typeof digest === 'string' ? (0,reference/* parseDigest */.m)(digest) : digest;
    const statement = (0,dsse.statementOf)(envelope);
    if (!statement.subject.some((s) => s.digest[subjectDigest.algorithm] === subjectDigest.hex)) {
        throw new Error(`${statement.predicate.lane} evidence does not name ${subjectDigest.value} among its subjects; refusing to attach it there`);
    }
    const image = await client.getManifest(repo, subjectDigest.value);
    const subject = { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length };
    const built = artifact_buildEvidenceManifest(envelope, opts.created !== undefined ? { subject, created: opts.created } : { subject });
    await registry_uploadIfMissing(client, repo, artifact_EMPTY_BLOB, artifact_EMPTY_DESCRIPTOR.digest);
    await registry_uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, built.digest, built.bytes, media_types/* OCI_MANIFEST */.EG);
    // Two tags, two writers' worth of waiting: both at once.
    const [listed, cosign] = await Promise.all([
        (async () => {
            const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
            if (viaApi !== null)
                return { discoverableVia: 'referrers-api', mergeRounds: 0 };
            const tag = fallbackTag(subjectDigest);
            return {
                discoverableVia: `tag:${tag}`,
                mergeRounds: await mergeIntoFallback(client, repo, tag, built.descriptor, opts),
            };
        })(),
        attachCosignAttestations(client, repo, subjectDigest, [envelope], opts),
    ]);
    return { digest: built.digest, descriptor: built.descriptor, ...listed, cosignTag: cosign.tag };
}
/**
 * Stores source-lane evidence in `repo` (the evidence repository, see docs/evidence.md) under tag
 * `commit-<sha>.source`, replacing an earlier run's evidence for the same commit.
 */
async function storeSourceEvidence(client, repo, envelope, opts = {}) {
    const statement = statementOf(envelope);
    if (statement.predicate.lane !== 'source') {
        throw new Error(`storeSourceEvidence takes source-lane evidence, got ${statement.predicate.lane}`);
    }
    const built = buildEvidenceManifest(envelope, opts.created !== undefined ? { created: opts.created } : {});
    const tag = sourceEvidenceTag(statement.predicate.commit.sha);
    await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
    await uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, tag, built.bytes, OCI_MANIFEST);
    return {
        digest: built.digest,
        descriptor: built.descriptor,
        discoverableVia: `tag:${tag}`,
        mergeRounds: 0,
    };
}

// EXTERNAL MODULE: ./packages/core/src/registry/client.ts + 13 modules
var client = __webpack_require__(25018);
;// CONCATENATED MODULE: ./packages/core/src/lanes/evidence.ts
/**
 * A stack lane's evidence: one statement over the image set under test with the lane's checks,
 * signed when a key is given, written next to the report and stored next to every tested digest.
 */






/** The evidence subjects of an image set. */
function evidenceImages(images) {
    return images.map((e) => ({
        name: e.name,
        digest: e.digest.value,
        repository: `${e.registry}/${e.repository}`,
    }));
}
/**
 * Builds the statement without checks, only to fail before anything starts when it cannot be
 * built at all (no commit known).
 */
function assertEvidencePossible(lane, images, env) {
    (0,evidence_statement/* laneStatement */.M5)({ lane, images: evidenceImages(images), env, checks: [] });
}
/**
 * Writes the lane's evidence (signed when a key is given) to `path` and stores it next to every
 * image's digest. A registry that refuses is reported in `error`, not thrown: the caller still
 * writes its report, and fails the step.
 */
async function publishLaneEvidence(o) {
    const statement = (0,evidence_statement/* laneStatement */.M5)({
        lane: o.lane,
        images: evidenceImages(o.images),
        env: o.env,
        checks: o.checks,
        result: o.passed ? 'PASSED' : 'FAILED',
    });
    let envelope = (0,dsse.envelopeOf)(statement);
    if (o.signingKey !== undefined)
        envelope = (0,dsse.signEnvelope)(envelope, o.signingKey);
    await (0,promises_.writeFile)(o.path, `${JSON.stringify(envelope, null, 2)}\n`);
    const evidence = {
        path: o.path,
        signed: o.signingKey !== undefined,
        stored: [],
    };
    const clientFor = o.registryFor ??
        ((registry) => 
        // A lane shows the registry's retries in its own log, not only with debug logging on.
        new client/* RegistryClient */.b({ registry, log: { ...o.log, debug: (line) => o.log.info(line) } }));
    const clients = new Map();
    const problems = [];
    for (const entry of o.images) {
        const { registry, repository, digest } = entry;
        const client = clients.get(registry) ?? clientFor(registry);
        clients.set(registry, client);
        try {
            const stored = await storeEvidence(client, repository, digest, envelope);
            evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
            o.log.info(`${o.lane} evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`);
        }
        catch (err) {
            problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return problems.length === 0
        ? { evidence }
        : { evidence, error: `could not store the evidence for ${problems.join('; ')}` };
}


/***/ }),

/***/ 8468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ laneProjectName),
/* harmony export */   _x: () => (/* binding */ serviceUrls),
/* harmony export */   q9: () => (/* binding */ urlEnvName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The names a stack lane gives things: its per-run project, and the `<SERVICE>_URL` variables the
 * tests reach the services by.
 */

/**
 * A project name unique per run and attempt: `<prefix>-<run id>-<random>`, lower case, so that two
 * jobs on one runner host (or a re-run) never share a network, container or volume name.
 */
function laneProjectName(prefix, runId, random = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3)) {
    const run = (runId ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
    return `${prefix}-${run === '' ? 'local' : run.slice(0, 20)}-${random.toString('hex')}`;
}
/** The env variable a service's URL is injected as: `web-ui` → `WEB_UI_URL`. */
function urlEnvName(service) {
    return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}
/**
 * The `<SERVICE>_URL` variables for the tests: internal URLs (`http://backend:8080`) for tests in a
 * container on the stack network, published loopback URLs for tests on the runner. Services
 * without such a URL (no port; on the runner: no published port) get none, and are listed in `missing`.
 */
function serviceUrls(statuses, where) {
    const env = {};
    const missing = [];
    for (const s of statuses) {
        const url = where === 'container' ? s.urls.internal : s.urls.published;
        if (url === undefined)
            missing.push(s.service);
        else
            env[urlEnvName(s.service)] = url;
    }
    return { env, missing };
}


/***/ }),

/***/ 19008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ runLane)
/* harmony export */ });
/* unused harmony export VERIFY_AFTER_TESTS_MS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41397);
/* harmony import */ var _stack_host_access_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71712);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(16207);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56968);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(84648);
/* harmony import */ var _evidence_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(57269);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8468);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9720);
/* harmony import */ var _teardown_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(74562);
/**
 * The one pipeline every stack lane runs: prepare → start the stack (or attach to a running one) →
 * run the tester while the digests are verified → collect the failure bundle → publish evidence →
 * tear down → write the report. What differs between lanes is the tester (command tests for
 * integration-test, Playwright for e2e-run), plugged in as a {@link LaneTester}.
 */












/**
 * How long after starting the tests the digest check begins (or when they end, if sooner). The check
 * runs engine processes of its own; started with the tests they compete, on a small runner, with the
 * engine starting the test container, which delays the tests' first line.
 */
const VERIFY_AFTER_TESTS_MS = 150;
/**
 * Runs a stack lane from start to teardown. Never throws for a failing stack or failing tests: the
 * outcome says `failed` (with `failure`), so the caller can still set outputs and write a summary.
 * Throws only for problems found before anything started (a stack the engine cannot plan, an image
 * that cannot be pulled) and for evidence that cannot even be built (e.g. no commit known).
 */
async function runLane(opts, tester) {
    const { report, log } = opts;
    (0,_evidence_js__WEBPACK_IMPORTED_MODULE_7__/* .assertEvidencePossible */ .lE)(report.lane, opts.images, opts.env);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(opts.outDir, { recursive: true });
    await tester.prepare?.();
    const state = { checks: [...(tester.initialChecks ?? [])], failures: [], testOutput: '' };
    const started = await startStack(opts, tester, state);
    if (started.ready)
        await runTester(started.stack, tester, report, state);
    const stack = started.stack;
    // What the stack was allowed to do to the host, for a verifier (an attached stack is someone else's).
    if ('start' in opts.stack)
        state.checks.push((0,_stack_host_access_js__WEBPACK_IMPORTED_MODULE_4__/* .hostAccessCheck */ .bI)(opts.stack.start));
    const passed = state.failures.length === 0;
    report.result = passed ? 'passed' : 'failed';
    if (!passed)
        report.failure = state.failures.join('\n');
    const outcome = { report, reportPath: opts.reportPath, kept: false };
    if (!passed) {
        const bundle = await collectBundle(stack, opts, state.testOutput);
        if (bundle !== undefined)
            outcome.bundlePath = bundle;
    }
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .group */ .Os)('Evidence', async () => {
        const published = await (0,_evidence_js__WEBPACK_IMPORTED_MODULE_7__/* .publishLaneEvidence */ .Pm)({
            lane: report.lane,
            images: opts.images,
            env: opts.env,
            checks: state.checks,
            passed,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.outDir, 'evidence.dsse.json'),
            log,
            ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
            ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        });
        outcome.evidencePath = published.evidence.path;
        report.evidence = published.evidence;
        if (published.error !== undefined)
            outcome.evidenceError = published.error;
    });
    // A stack this run only attached to belongs to someone else: it is never torn down.
    if ('start' in opts.stack)
        outcome.kept = await (0,_teardown_js__WEBPACK_IMPORTED_MODULE_10__/* .tearDownOrKeep */ .F)(stack, !passed && opts.keepOnFailure, log);
    report.durationMs = Date.now() - opts.started;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(opts.reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return outcome;
}
/**
 * The images the stack ran beside the images under test (a tag resolved at start included, as its
 * digest), `also ran db=registry/repo@sha256:…, …`, for the evidence; undefined when there are none.
 */
function stackReadyDetail(spec, images) {
    const others = spec.services
        .filter((s) => !images.some((i) => i.name === s.name))
        .map((s) => `${s.name}=${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .pinnedReference */ .ct)(s.image)}`);
    return others.length > 0 ? `also ran ${others.join(', ')}` : undefined;
}
/** Starts the stack (or takes the attached one); a stack that does not start fails the lane. */
async function startStack(opts, tester, state) {
    if ('attached' in opts.stack)
        return { stack: opts.stack.attached, ready: true };
    const { start: spec, readinessTimeoutMs, pollMs } = opts.stack;
    const checkName = `stack ready: ${spec.services.length} services`;
    const t0 = Date.now();
    try {
        const stack = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .group */ .Os)(`Start stack ${opts.project} (${spec.services.length} services)`, () => _stack_stack_js__WEBPACK_IMPORTED_MODULE_5__/* .Stack */ .B.up({
            project: opts.project,
            engine: opts.engine,
            spec,
            readiness: { timeoutMs: readinessTimeoutMs, ...(pollMs !== undefined ? { pollMs } : {}) },
            ...(tester.probeImage !== undefined ? { probeImage: tester.probeImage } : {}),
            ...(tester.onStarting !== undefined ? { onStarting: (s) => tester.onStarting?.(s) } : {}),
            log: opts.log,
        }));
        state.checks.push((0,_check_js__WEBPACK_IMPORTED_MODULE_11__/* .laneCheck */ .n)(checkName, 'PASSED', Date.now() - t0, stackReadyDetail(spec, opts.images)));
        return { stack, ready: true };
    }
    catch (err) {
        if (!(err instanceof _stack_stack_js__WEBPACK_IMPORTED_MODULE_5__/* .StackStartError */ .V))
            throw err;
        state.failures.push(err.message);
        state.checks.push((0,_check_js__WEBPACK_IMPORTED_MODULE_11__/* .laneCheck */ .n)(checkName, 'FAILED', Date.now() - t0, err.message));
        for (const name of tester.skippedWhenNotStarted)
            state.checks.push((0,_check_js__WEBPACK_IMPORTED_MODULE_11__/* .laneCheck */ .n)(name, 'SKIPPED', 0, 'the stack did not start'));
        // Never started: removed before the bundle is collected so that it shows only the stack.
        await tester.onStartFailed?.();
        return { stack: err.partialStack, ready: false };
    }
}
/**
 * Runs the tester against the ready stack. The digests are checked while the tests run: both must
 * pass, and neither needs the other, so the check stays off the path from "ready" to "tests
 * started" (it begins shortly after the start).
 */
async function runTester(stack, tester, report, state) {
    // The last readiness check already saw every container; another inspect of each would only delay
    // the tests.
    const statuses = stack.readyStatuses ?? (await stack.inspect());
    const urls = (0,_names_js__WEBPACK_IMPORTED_MODULE_8__/* .serviceUrls */ ._x)(statuses, tester.where);
    report.services = (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .reportServices */ .Tm)(stack, statuses, urls.env);
    const plan = await tester.plan(stack, statuses, urls);
    if ('skip' in plan) {
        state.failures.push(plan.skip.failure);
        state.checks.push(plan.skip.check);
        return;
    }
    let beginVerifying;
    const verifyGate = new Promise((resolve) => (beginVerifying = resolve));
    const verifying = (async () => {
        await verifyGate;
        const t0 = Date.now();
        try {
            await stack.verifyDigests();
            return { check: (0,_check_js__WEBPACK_IMPORTED_MODULE_11__/* .laneCheck */ .n)('digests verified', 'PASSED', Date.now() - t0) };
        }
        catch (err) {
            const error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err);
            return { check: (0,_check_js__WEBPACK_IMPORTED_MODULE_11__/* .laneCheck */ .n)('digests verified', 'FAILED', Date.now() - t0, error), error };
        }
    })();
    const testStartedAt = Date.now();
    report.readiness = (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .readinessOf */ .co)(stack, testStartedAt);
    const verifyTimer = setTimeout(beginVerifying, VERIFY_AFTER_TESTS_MS);
    const run = await plan.run(testStartedAt).finally(() => {
        clearTimeout(verifyTimer);
        beginVerifying();
    });
    state.testOutput = run.output;
    report.tests = run.tests;
    const verified = await verifying;
    report.digestsVerified = verified.error === undefined;
    state.checks.push(verified.check, ...run.checks);
    if (verified.error !== undefined)
        state.failures.push(verified.error);
    state.failures.push(...run.failures);
}
/**
 * Collects the failure bundle (the stack's logs and state, the tests' output), uploading it when
 * asked to. Never throws: a bundle that cannot be collected is logged.
 * @returns the bundle directory, or undefined when it could not be collected
 */
async function collectBundle(stack, opts, testOutput) {
    const { bundle, report, log } = opts;
    return (0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .group */ .Os)(bundle.title, async () => {
        try {
            await stack.collectBundle(bundle.dir, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
            if (testOutput !== '')
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bundle.dir, bundle.testLog), testOutput);
            report.bundle = bundle.dir;
            log.info(`${bundle.noun}: ${bundle.dir}`);
            if (opts.upload !== undefined && bundle.artifact !== undefined) {
                report.bundleArtifact = await opts.upload(bundle.artifact, bundle.dir);
                log.info(report.bundleArtifact.uploaded
                    ? `uploaded the bundle as artifact ${bundle.artifact}`
                    : `bundle not uploaded: ${report.bundleArtifact.reason ?? 'no reason given'}`);
            }
            return bundle.dir;
        }
        catch (err) {
            log.info(`could not collect the ${bundle.noun}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
            return undefined;
        }
    });
}


/***/ }),

/***/ 9720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tm: () => (/* binding */ reportServices),
/* harmony export */   VS: () => (/* binding */ newLaneReport),
/* harmony export */   co: () => (/* binding */ readinessOf)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41397);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8468);


/** A report in its starting state: failed, nothing checked yet. */
function newLaneReport(o) {
    return {
        lane: o.lane,
        project: o.project,
        engine: o.engine,
        stack: o.stack,
        result: 'failed',
        images: o.images.map((e) => ({
            name: e.name,
            reference: (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .pinnedReference */ .ct)(e),
            digest: e.digest.value,
        })),
        services: o.services,
        digestsVerified: null,
        readiness: null,
        tests: null,
        startedAt: new Date(o.started).toISOString(),
        durationMs: 0,
    };
}
/** The report's service lines of a ready stack: container, the URL the tests got, readiness timing. */
function reportServices(stack, statuses, urls) {
    return statuses.map((s) => {
        const timing = stack.timings[s.service];
        const line = { name: s.service, image: s.image, container: s.container };
        const url = urls[(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .urlEnvName */ .q9)(s.service)];
        if (url !== undefined)
            line.url = url;
        if (timing !== undefined) {
            line.readiness = timing.mode;
            line.startedAt = timing.startedAt;
            line.readyAt = timing.readyAt;
            line.readyAfterMs = timing.readyAt - timing.startedAt;
        }
        return line;
    });
}
/**
 * Readiness as the report states it, for tests started at `testStartedAt`; null for a stack this run
 * did not start (an attached one has no timings).
 */
function readinessOf(stack, testStartedAt) {
    const timings = Object.values(stack.timings);
    if (timings.length === 0)
        return null;
    const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
    return {
        upMs: lastReadyAt - Math.min(...timings.map((t) => t.startedAt)),
        lastReadyAt,
        testStartedAt,
        latencyMs: testStartedAt - lastReadyAt,
    };
}


/***/ }),

/***/ 74562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ tearDownOrKeep),
/* harmony export */   j: () => (/* binding */ teardownLaneStack)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(637);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73438);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16207);
/* harmony import */ var _stack_labels_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40184);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56968);





/**
 * Main's teardown: removes the stack with its volumes, or, with `keep`, leaves it running and logs
 * how to remove it by hand. A teardown that fails is logged, not thrown: the post step retries.
 * @returns whether the stack was kept
 */
async function tearDownOrKeep(stack, keep, log) {
    if (keep) {
        // The engine's CLI is named like its kind (docker, podman).
        const cli = stack.engine.kind;
        log.info(`keep-on-failure: stack ${stack.project} keeps running (network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}); remove it with: ${cli} rm -f $(${cli} ps -aq --filter label=${_stack_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .STACK_LABEL */ .GF}=${stack.project}) && ${cli} network rm ${stack.networks.join(' ')}`);
        return true;
    }
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)(`Tear down stack ${stack.project}`, async () => {
        try {
            await stack.down({ volumes: 'all', stopTimeoutS: 5 });
        }
        catch (err) {
            // The post step tries again and fails the job if it cannot either.
            log.info(`teardown left something behind (the post step retries): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
        }
    });
    return false;
}
/**
 * Removes a lane's stack found by its project label (the post step: a new process). Nothing to do
 * when main already removed it.
 * @returns whether anything was found
 * @throws CleanupError when something could not be removed
 */
async function teardownLaneStack(engine, project, log = _log_js__WEBPACK_IMPORTED_MODULE_1__/* .silentLog */ .a) {
    let stack;
    try {
        stack = await _stack_stack_js__WEBPACK_IMPORTED_MODULE_2__/* .Stack */ .B.attach(project, engine);
    }
    catch (err) {
        if (/^no stack /.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)))
            return false;
        throw err;
    }
    log.info(`removing stack ${project} (containers, network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}, volumes)`);
    await stack.down({ volumes: 'all', stopTimeoutS: 5 });
    return true;
}


/***/ }),

/***/ 73438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ silentLog)
/* harmony export */ });
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


/***/ }),

/***/ 25018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RegistryClient)
});

// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(73438);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(41397);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

// EXTERNAL MODULE: ./packages/core/src/registry/errors.ts
var errors = __webpack_require__(22743);
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
var untrusted = __webpack_require__(48346);
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
    const tooLarge = (size) => (0,errors/* malformedAnswer */.eA)(method, url, response.status, `${what} of ${size} bytes exceeds the ${maxBytes}-byte limit`);
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
        throw new errors/* RegistryError */.gl(method, url, response.status, undefined, undefined, `${method} ${url}: ${what} is not valid JSON: ${err.message}`, { cause: err });
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
    throw new errors/* RegistryError */.gl(method, url, response.status, code, detail, message);
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
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
            throw new errors/* RegistryError */.gl('GET', url.href, response.status, undefined, undefined, `GET ${url.href}: the token realm redirected (${response.status}) to ${new URL(location, url).href}; ` +
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
        if (url.protocol !== 'http:' || (0,loopback/* isLoopbackHost */.c)(url.hostname))
            return;
        if (this.options.insecure && url.hostname === new URL(this.options.baseUrl).hostname)
            return;
        throw new errors/* RegistryError */.gl('GET', url.href, undefined, undefined, undefined, `refusing to send credentials to token realm ${url.href} over plain http ` +
            `(the registry is ${this.options.baseUrl}; a token realm must be https unless it is on loopback)`);
    }
}
/** A 401 that the credentials at hand cannot answer. */
function unauthorized(method, url, message) {
    return new errors/* RegistryError */.gl(method, url, 401, 'UNAUTHORIZED', undefined, message);
}
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}

// EXTERNAL MODULE: ./packages/core/src/registry/digest.ts
var registry_digest = __webpack_require__(57212);
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
        throw (0,errors/* malformedAnswer */.eA)('GET', transport.absolute(path), 200, 'empty body');
    const stream = (0,registry_digest/* verifyingStream */.X)(response.body, digest, `GET blob ${transport.registry}/${repository}@${digest}`, size);
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
            throw new errors/* RegistryError */.gl('PUT', put.href, undefined, undefined, undefined, `PUT ${put.origin}${put.pathname} (blob ${digest} into ${transport.registry}/${repository}) failed: ` +
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
        const actual = (0,registry_digest/* digestOf */.o)(body, (0,src_reference/* parseDigest */.m)(digest).algorithm);
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
        throw (0,errors/* malformedAnswer */.eA)('POST', transport.absolute(path), 202, '202 without a Location header');
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

// EXTERNAL MODULE: ./packages/core/src/registry/media-types.ts
var media_types = __webpack_require__(45514);
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
        headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
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
        throw new errors/* DigestMismatchError */.h(transport.registry, repository, reference, reference, digest, 'HEAD manifest');
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
    const bytes = await readBodyCapped(response, 'GET', transport.absolute(path), media_types/* MAX_MANIFEST_BYTES */.ZJ, 'manifest');
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
        digest = (0,registry_digest/* digestOf */.o)(bytes);
    }
    const actual = (0,registry_digest/* digestOf */.o)(bytes, (0,src_reference/* parseDigest */.m)(digest).algorithm);
    if (actual !== digest) {
        throw new errors/* DigestMismatchError */.h(registry, repository, reference, digest, actual, 'GET manifest');
    }
    if ((0,src_reference/* isDigest */.Bc)(reference) && header !== null && (0,src_reference/* isDigest */.Bc)(header) && header !== reference) {
        throw new errors/* DigestMismatchError */.h(registry, repository, reference, reference, header, 'GET manifest');
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
    const digest = (0,registry_digest/* digestOf */.o)(bytes, algorithm);
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
    if (stored !== null && stored !== digest && stored !== (0,registry_digest/* digestOf */.o)(bytes)) {
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
var promises_ = __webpack_require__(46466);
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
    const mod = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 44708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23));
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
            (0,promises_.pipeline)(external_node_stream_.Readable.fromWeb(body), req).catch((err) => req.destroy(err instanceof Error ? err : new Error(String(err))));
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
    const scheme = insecure || (0,loopback/* isLoopbackHost */.c)(url.hostname) ? 'http' : 'https';
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
            const fail = (why) => (0,errors/* malformedAnswer */.eA)(method, url, response.status, `redirected (${response.status}) to ${next}, ${why}`);
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
            throw new errors/* RegistryError */.gl(method, url, undefined, undefined, undefined, `${method} ${url} failed: ${reason}` + (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''), { cause: err });
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
        return new errors/* RegistryError */.gl('GET', url, undefined, undefined, undefined, `GET ${url}: ${this.what}: ${why}`);
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
            headers: { accept: media_types/* OCI_INDEX */.$p },
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
        this.transport = new RegistryTransport(options, options.log ?? log/* silentLog */.a);
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


/***/ }),

/***/ 57212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ verifyingStream),
/* harmony export */   o: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41397);
/**
 * Hashing and verification of bytes received from or sent to a registry. What a digest is (its
 * grammar and algorithms) is defined once, in reference.ts.
 */


/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
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
    const { algorithm } = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(expected);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
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


/***/ }),

/***/ 22743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eA: () => (/* binding */ malformedAnswer),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   h: () => (/* binding */ DigestMismatchError)
/* harmony export */ });
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


/***/ }),

/***/ 64429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   j: () => (/* binding */ isLoopbackRegistry)
/* harmony export */ });
/* harmony import */ var _ip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3159);
/**
 * Loopback detection, apart from the registry client: actions use it while reading their inputs,
 * before the client is loaded.
 */

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    return (0,_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .isIPv4 */ .w)(h) && h.startsWith('127.');
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


/***/ }),

/***/ 45514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   g1: () => (/* binding */ OCI_EMPTY)
/* harmony export */ });
/* unused harmony exports OCI_CONFIG, OCI_LAYER_GZIP, OCI_LAYER_TAR, OCI_LAYER_ZSTD, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_CONFIG, DOCKER_LAYER_GZIP, MANIFEST_MEDIA_TYPES, isIndexMediaType, isImageManifestMediaType */
/**
 * Media types of the OCI image spec and of Docker's image manifest v2 (schema 2).
 *
 * Registries still hold plenty of Docker-typed images (docker push, podman push with `--format v2s2`),
 * so every manifest request accepts both families.
 */
/** OCI image manifest. */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
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
    OCI_MANIFEST,
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
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/**
 * OCI distribution spec recommends registries accept manifests of at least 4 MiB; anything larger is
 * not a manifest we should hold in memory.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;


/***/ }),

/***/ 53560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ startOrder)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38029);
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
            throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .StackFileError */ .N(spec.source, 'services', `depends_on has a cycle: ${cycle.join(' -> ')}; no service in it could ever start`);
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


/***/ }),

/***/ 38029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ StackFileError)
/* harmony export */ });
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


/***/ }),

/***/ 71712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ag: () => (/* binding */ hostAccessWarnings),
/* harmony export */   bI: () => (/* binding */ hostAccessCheck),
/* harmony export */   oo: () => (/* binding */ hostAccessText)
/* harmony export */ });
/* unused harmony exports HOST_ACCESS_CHECK, HOST_ACCESS_INPUTS, allowedInputs */
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


/***/ }),

/***/ 40184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ stackNetworkName),
/* harmony export */   EH: () => (/* binding */ volumeName),
/* harmony export */   GF: () => (/* binding */ STACK_LABEL),
/* harmony export */   H_: () => (/* binding */ IMAGE_LABEL),
/* harmony export */   JH: () => (/* binding */ PORT_LABEL),
/* harmony export */   TZ: () => (/* binding */ stackNetworkNames),
/* harmony export */   fX: () => (/* binding */ SERVICE_LABEL),
/* harmony export */   gt: () => (/* binding */ CONTAINER_ROLE_LABEL),
/* harmony export */   kW: () => (/* binding */ joinNetworks),
/* harmony export */   sy: () => (/* binding */ ORDER_LABEL),
/* harmony export */   xN: () => (/* binding */ containerName)
/* harmony export */ });
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


/***/ }),

/***/ 63031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ STACK_NAME_PATTERN)
/* harmony export */ });
/**
 * The naming rule of stacks, apart from the stack file parser (and its YAML library): deploy-staging
 * checks its `environment` input against it before anything else is loaded.
 */
/** Service, volume and project names: safe as DNS names, container-name parts and placeholders. */
const STACK_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;


/***/ }),

/***/ 16207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ Stack),
  V: () => (/* binding */ StackStartError)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(73438);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/stack/labels.ts
var stack_labels = __webpack_require__(40184);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(78851);
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
        return (0,exec/* redact */.E$)(out, [
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
    const containers = await engine.containerList({ label: `${stack_labels/* STACK_LABEL */.GF}=${stack.project}`, all: true });
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
    if (info.labels[stack_labels/* SERVICE_LABEL */.fX] !== undefined)
        entry.service = info.labels[stack_labels/* SERVICE_LABEL */.fX];
    if (net?.ipAddress !== undefined)
        entry.ipAddress = net.ipAddress;
    return entry;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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

// EXTERNAL MODULE: ./packages/core/src/stack/host-access.ts
var host_access = __webpack_require__(71712);
// EXTERNAL MODULE: ./packages/core/src/engine/staging.ts
var staging = __webpack_require__(85734);
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
        await (0,staging/* stageVolume */.rg)(engine, { volume, labels, image: (0,reference/* pinnedReference */.ct)(first.image), entries });
        for (const entry of entries)
            staged.set(entry.source, await (0,staging/* stagedHostPath */.A8)(engine, volume, entry.path));
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
    const staged = new Set(await engine.volumeList({ label: staging/* STAGED_LABEL */.II }));
    return volumes.filter((v) => staged.has(v));
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
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
function formatMs(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/plan.ts




/** Inspects every service image once, pulling the ones not present locally. */
async function resolveImages(engine, spec, log) {
    const images = new Map(spec.services.map((s) => [(0,reference/* pinnedReference */.ct)(s.image), s.image]));
    const infos = await Promise.all([...images].map(async ([ref, image]) => {
        try {
            return [ref, await engine.inspectImage(ref)];
        }
        catch {
            log.info(`pulling ${ref}`);
            await engine.pull(ref, { insecure: (0,loopback/* isLoopbackRegistry */.j)(image.registry) });
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
        const image = images.get((0,reference/* pinnedReference */.ct)(service.image));
        const hasHealthcheck = service.healthcheck !== undefined || (!service.healthcheckDisabled && image.healthcheck !== undefined);
        const port = tcpPorts(service)[0]?.containerPort ?? service.expose[0] ?? firstTcpPort(image.exposedPorts);
        const mode = readinessMode(service, { oneShot: oneShot.has(service.name), hasHealthcheck, port });
        if (mode === 'network-probe' && opts.probeImage === undefined) {
            throw new Error(`${spec.source}: service "${service.name}" listens on port ${port} but has no health check and no published port, so its readiness needs a probe container: pass probeImage (an image with bash), or give it a healthcheck`);
        }
        const record = {
            name: service.name,
            container: (0,stack_labels/* containerName */.xN)(opts.project, service.name),
            image: (0,reference/* pinnedReference */.ct)(service.image),
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
    const containers = await engine.containerList({ label: `${stack_labels/* STACK_LABEL */.GF}=${project}`, all: true });
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
        const service = info.labels[stack_labels/* SERVICE_LABEL */.fX];
        if (service === undefined || info.labels[stack_labels/* CONTAINER_ROLE_LABEL */.gt] === 'probe')
            continue;
        const record = {
            name: service,
            container: info.name,
            image: info.labels[stack_labels/* IMAGE_LABEL */.H_] ?? info.imageRef,
            order: Number(info.labels[stack_labels/* ORDER_LABEL */.sy] ?? records.length),
        };
        const port = Number(info.labels[stack_labels/* PORT_LABEL */.JH]);
        if (Number.isInteger(port) && port > 0)
            record.port = port;
        records.push(record);
    }
    return records.sort((a, b) => a.order - b.order);
}

// EXTERNAL MODULE: ./packages/core/src/stack/names.ts
var names = __webpack_require__(63031);
// EXTERNAL MODULE: ./packages/core/src/stack/compose/order.ts
var compose_order = __webpack_require__(53560);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
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
        tail = (0,exec/* tailLines */.os)(`${logs.stdout}\n${logs.stderr}`.trim(), LOG_TAIL_LINES);
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
        labels: { ...ctx.labels, [stack_labels/* CONTAINER_ROLE_LABEL */.gt]: 'probe', [stack_labels/* SERVICE_LABEL */.fX]: plan.spec.name },
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
            throw new Error(`the probe container (${ctx.probeImage}) exited with ${r.exitCode}: ${(0,exec/* tailLines */.os)(r.stderr, 5)}`);
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
    return new ServiceStartFailure(waiting.map((p) => p.spec.name), `stack ${project}: not ready within ${formatMs(timeoutMs)}: ${details.join('; ')}`);
}
async function lastLogLine(engine, container) {
    try {
        const logs = await engine.logs(container);
        return (0,exec/* tailLines */.os)(`${logs.stdout}\n${logs.stderr}`.trim(), 1);
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
        image: (0,reference/* pinnedReference */.ct)(service.image),
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
            [stack_labels/* SERVICE_LABEL */.fX]: service.name,
            [stack_labels/* IMAGE_LABEL */.H_]: (0,reference/* pinnedReference */.ct)(service.image),
            [stack_labels/* ORDER_LABEL */.sy]: String(plan.record.order),
            [stack_labels/* CONTAINER_ROLE_LABEL */.gt]: 'service',
            ...(plan.record.port !== undefined ? { [stack_labels/* PORT_LABEL */.JH]: String(plan.record.port) } : {}),
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
                source: source === undefined ? '' : host !== undefined ? source : (0,stack_labels/* volumeName */.EH)(ctx.prefix, source),
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
        ctx.log.warning(`stack ${ctx.project}: ${service.name} runs with access to the host (allowed by allow-privileged): ${(0,host_access/* hostAccessText */.oo)(service.hostAccess)}`);
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
    ctx.log.info(`stack ${ctx.project}: started ${service.name} (${(0,reference/* pinnedReference */.ct)(service.image)}); readiness: ${plan.mode}`);
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
        this.networks = networks.length > 0 ? networks : [(0,stack_labels/* stackNetworkName */.CO)(project)];
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
        return (0,stack_labels/* joinNetworks */.kW)(this.networks);
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
        if (!names/* STACK_NAME_PATTERN */.K.test(project)) {
            throw new Error(`stack project name ${JSON.stringify(project)} must match ${names/* STACK_NAME_PATTERN */.K.source}`);
        }
        const log = opts.log ?? src_log/* silentLog */.a;
        const prefix = opts.volumePrefix ?? project;
        const order = (0,compose_order/* startOrder */.l)(spec);
        const labels = { ...opts.labels, [stack_labels/* STACK_LABEL */.GF]: project };
        const images = await resolveImages(engine, spec, log);
        const plans = planServices(spec, order, images, { project, probeImage: opts.probeImage });
        const volumes = spec.volumes.map((v) => (0,stack_labels/* volumeName */.EH)(prefix, v));
        const declared = spec.networks ?? [];
        const networkNames = (0,stack_labels/* stackNetworkNames */.TZ)(project, declared.map((n) => n.name));
        const stack = new Stack(project, engine, [...plans.values()].map((p) => p.record), volumes, [...new Set(networkNames.values())]);
        log.info(`stack ${project}: network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}, services ${order.map((s) => s.name).join(' → ')}`);
        for (const warning of (0,host_access/* hostAccessWarnings */.ag)(project, spec.allow))
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
        log.info(`stack ${project}: all ${plans.size} services ready after ${formatMs(Date.now() - startedAt)}`);
        return stack;
    }
    /**
     * Finds a stack started earlier (possibly by another process) by its labels.
     * @param _opts.exec ignored (see {@link StackUpOptions.exec})
     * @throws Error when no container, network or volume carries the project's label
     */
    static async attach(project, engine, _opts = {}) {
        const label = `${stack_labels/* STACK_LABEL */.GF}=${project}`;
        const services = await findServiceRecords(project, engine);
        const volumes = await engine.volumeList({ label });
        const networks = await engine.networkList({ label });
        // A stack that failed before its first container still has a network (and volumes) to clean up.
        if (services.length === 0 && volumes.length === 0 && networks.length === 0) {
            throw new Error(`no stack "${project}": no container, network or volume has the label ${label}`);
        }
        const single = (0,stack_labels/* stackNetworkName */.CO)(project);
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
            const expected = (0,reference/* parseReference */.F2)(s.image).digest;
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
        const label = `${stack_labels/* STACK_LABEL */.GF}=${this.project}`;
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


/***/ }),

/***/ 56968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony export SummaryBuilder */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60508);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
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
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`could not build the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`could not write the job summary to ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
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
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .startGroup */ .Oh(title);
        return await fn();
    }
    finally {
        _commands_js__WEBPACK_IMPORTED_MODULE_1__/* .endGroup */ .N4();
        groupDepth--;
    }
}


/***/ }),

/***/ 49867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ isActionVariable)
/* harmony export */ });
/* unused harmony exports UNPRIVILEGED_USER, KEY_ISOLATION_CHECK, keyMaterial, userEnvironment, decideHostIsolation, unreachableBy, writableBy, prepareHostUser, describeHostIsolation, keyIsolationCheck */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(637);
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


/***/ })

};
