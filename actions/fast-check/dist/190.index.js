export const id = 190;
export const ids = [190];
export const modules = {

/***/ 9190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planChecks: () => (/* binding */ planChecks),
  np: () => (/* binding */ runSourceLane)
});

// UNUSED EXPORTS: FAST_CHECK_ISOLATION_INPUTS, FAST_CHECK_VERSION, printOutcome, readLaneCommit

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __webpack_require__(8851);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(3438);
// EXTERNAL MODULE: ./packages/core/src/commands.ts
var src_commands = __webpack_require__(508);
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
        src_commands/* warning */.$e(`could not build the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
        src_commands/* warning */.$e(`could not write the job summary to ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
                    throw new Error(`copying ${entry.source} into volume ${opts.volume}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
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

;// CONCATENATED MODULE: ./packages/core/src/checks/container.ts
/**
 * Runs checks inside a CI tooling image: each check is its own `run --rm` container with a unique
 * name and a lane label, the workspace mounted at the same path. A check past its time limit is
 * stopped by name; at the end of the lane every container (and, in copy mode, the workspace volume)
 * carrying the lane's label is removed, so nothing is left behind whatever happened.
 */



/** Label on every check container; its value is the lane's id. */
const LANE_LABEL = 'org.digestline.fast-check.lane';
/** Image label saying what an image is for (set by build-image's `role`). */
const IMAGE_ROLE_LABEL = 'org.digestline.role';
/** The volume that holds a lane's copy of the workspace in copy mode. */
function workspaceVolumeName(laneId) {
    return `dl-check-${laneId}-workspace`;
}
/**
 * Copy mode: copies the workspace into a fresh volume through the engine (the engine cannot see
 * our paths) and returns the copy's path on the engine's host. It is a directory inside the volume,
 * not the volume's root, so that it keeps the workspace's owner and mode (a volume's root is
 * root's: a non-root check could not write there). The volume carries the lane label, so the lane's
 * sweep removes it; on failure nothing is left.
 */
async function stageWorkspace(engine, opts) {
    const volume = workspaceVolumeName(opts.laneId);
    await stageVolume(engine, {
        volume,
        labels: { [LANE_LABEL]: opts.laneId },
        image: opts.image,
        entries: [{ source: opts.workspace, path: 'workspace' }],
    });
    try {
        return await stagedHostPath(engine, volume, 'workspace');
    }
    catch (err) {
        await engine.volumeRemove(volume, { force: true }).catch(() => undefined);
        throw err;
    }
}
/**
 * The user checks run as, so that files they write in the mounted workspace (node_modules, coverage)
 * belong to whoever runs the job:
 * - podman: `0:0`. Rootless podman maps container root to the invoking user; rootful podman means
 *   the invoking user is root.
 * - docker: the invoking `uid:gid` (the daemon is rootful; root would leave root-owned files in a
 *   non-root runner's workspace). A uid that is not root has no writable HOME in most images, so
 *   HOME is set to /tmp.
 * @returns `undefined` when the engine's or platform's user is unknown (Windows)
 */
function checkUser(kind, uid = process.getuid?.(), gid = process.getgid?.()) {
    if (kind === 'podman')
        return { user: '0:0', env: {} };
    if (uid === undefined || gid === undefined)
        return undefined;
    return { user: `${uid}:${gid}`, env: uid === 0 ? {} : { HOME: '/tmp' } };
}
function containerName(laneId, index, check) {
    const slug = check.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40);
    return `dl-check-${laneId}-${index}-${slug}`;
}
/** How long {@link ContainerLauncher.sweep} keeps removing a lane's containers before it fails. */
const SWEEP_SETTLE_MS = 20_000;
const SWEEP_RETRY_MS = 500;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Runs each check as `run --rm --name dl-check-<lane>-<n>-<check> ... IMAGE -c <run>` (entrypoint `/bin/sh`). */
class ContainerLauncher {
    engine;
    options;
    /** The lane id in container names and the {@link LANE_LABEL}. */
    laneId;
    started = 0;
    constructor(engine, options) {
        this.engine = engine;
        this.options = options;
        this.laneId = options.laneId ?? (0,external_node_crypto_.randomBytes)(4).toString('hex');
    }
    /** The foreground run of `check` as container `name` (pure; its argv is pinned by tests). */
    runOptions(check, name) {
        const opts = {
            image: this.options.image,
            name,
            rm: true,
            // Name-only: the values come from the engine CLI's environment, so secrets stay out of argv.
            passEnv: this.options.envNames,
            labels: { [LANE_LABEL]: this.laneId },
            volumes: [
                { source: this.options.workspaceSource ?? this.options.workspace, target: this.options.workspace },
            ],
            workdir: check.cwd,
            entrypoint: '/bin/sh',
            // stderr joins stdout inside the container, so the two stay in the order the check wrote them.
            command: ['-c', `exec 2>&1\n${check.run}`],
        };
        if (this.options.user !== undefined)
            opts.user = this.options.user;
        if (this.options.env !== undefined && Object.keys(this.options.env).length > 0)
            opts.env = this.options.env;
        return opts;
    }
    start(check, output) {
        const name = containerName(this.laneId, ++this.started, check);
        let settled = false;
        // The check's stderr joins its stdout in the container, so what the engine reports on stderr
        // after it is the engine's own complaint (image, mount, name clash).
        const exited = this.engine
            .runStreaming(this.runOptions(check, name), { onOutput: output })
            .then((result) => ({ exitCode: result.exitCode }), (err) => {
            output(Buffer.from(`fast-check: could not run ${this.engine.kind}: ${(0,errors/* errorMessage */.gJ)(err)}\n`));
            return { exitCode: null };
        })
            .finally(() => {
            settled = true;
        });
        const kill = async () => {
            // The container may not exist yet (still being created): keep trying until the run ends.
            while (!settled) {
                try {
                    // PID 1 is `sh`, which ignores SIGTERM: a grace period would only be waited out.
                    await this.engine.stop(name, 0);
                }
                catch {
                    // Not created yet, or already gone.
                }
                await Promise.race([exited, sleep(500)]);
            }
        };
        return { exited, kill };
    }
    /**
     * Removes every container of this lane that still exists (a run cut short, an engine that ignored
     * `--rm`), listing again until none is left: an engine may still be removing a `--rm` container
     * when it is listed, and refuse or ignore a second removal. Returns the names removed.
     * @throws Error when a container is still there after {@link SWEEP_SETTLE_MS}, naming it and the
     *   engine's last complaint: a check left running must not pass unnoticed
     */
    async sweep(settleMs = SWEEP_SETTLE_MS) {
        const label = `${LANE_LABEL}=${this.laneId}`;
        const removed = new Set();
        const deadline = Date.now() + settleMs;
        let complaint;
        for (let round = 0;; round++) {
            const left = await this.engine.containerList({ label, all: true });
            if (left.length === 0)
                break;
            if (round > 0 && Date.now() >= deadline) {
                throw new Error(`check containers still there after ${settleMs / 1000} s: ${left.map((c) => c.name).join(', ')}` +
                    (complaint !== undefined ? ` (${this.engine.kind}: ${(0,errors/* errorMessage */.gJ)(complaint)})` : ''));
            }
            complaint = undefined;
            for (const container of left) {
                await this.engine.remove(container.id, { force: true }).catch((err) => (complaint = err));
                removed.add(container.name);
            }
            await sleep(SWEEP_RETRY_MS);
        }
        // Copy mode's workspace volume goes too, once no container holds it.
        for (const volume of await this.engine.volumeList({ label })) {
            await this.engine.volumeRemove(volume, { force: true });
        }
        return [...removed];
    }
}
/**
 * Makes sure the CI tooling image is present (pulling it when absent) and is not a deployable
 * runtime image: checks run a shell and write to the workspace, which a runtime image must never be
 * used for, and a runtime image passing the source lane would say nothing about the source.
 *
 * @param input the input named in errors
 * @throws InputError (input `image`) for an image whose {@link IMAGE_ROLE_LABEL} is `runtime`
 */
async function prepareImage(engine, image, options = {}) {
    const input = options.input ?? 'image';
    let pulled = false;
    let info;
    try {
        info = await engine.inspectImage(image);
    }
    catch {
        try {
            await engine.pull(image, { insecure: options.insecure ?? false });
        }
        catch (err) {
            throw new errors/* InputError */.dz(input, `input "${input}": cannot pull ${image}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
                cause: err,
            });
        }
        pulled = true;
        info = await engine.inspectImage(image);
    }
    const role = info.labels[IMAGE_ROLE_LABEL];
    if (role === 'runtime') {
        throw new errors/* InputError */.dz(input, `input "${input}": ${image} is labelled ${IMAGE_ROLE_LABEL}=runtime; checks run only in a CI tooling image ` +
            '(e.g. images/ci-tools), never in a deployable runtime image');
    }
    return { pulled, labels: info.labels };
}

// EXTERNAL MODULE: ./packages/core/src/user-code.ts
var user_code = __webpack_require__(9867);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
class HostLauncher {
    env;
    killGraceMs;
    user;
    /**
     * @param env the checks' environment (see `userEnvironment` in ../user-code.ts)
     * @param killGraceMs time between SIGTERM and SIGKILL when a check is killed
     * @param user uid:gid the checks run as (we must be root); this process's own when absent
     */
    constructor(env = (0,user_code/* userEnvironment */.nW)(process.env), killGraceMs = KILL_GRACE_MS, user) {
        this.env = env;
        this.killGraceMs = killGraceMs;
        this.user = user;
    }
    start(check, output) {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', check.run], {
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

// EXTERNAL MODULE: ./packages/core/src/checks/report.ts
var checks_report = __webpack_require__(740);
// EXTERNAL MODULE: ./packages/core/src/checks/run.ts
var run = __webpack_require__(1781);
;// CONCATENATED MODULE: ./packages/core/src/checks/lane.ts
/**
 * The source lane end to end: plan the checks, bind to the commit, make sure the tooling image is
 * fit, run the checks (each one's output shown as one log group when it ends), then write the report,
 * the evidence and the summary. The fast-check action reads inputs and calls {@link runSourceLane}.
 */














/** Version recorded in the evidence's verifier. */
const FAST_CHECK_VERSION = '0.1.0';
/** fast-check's inputs named when checks on the runner would be within reach of the key. */
const FAST_CHECK_ISOLATION_INPUTS = {
    key: 'signing-key',
    container: 'image',
    unsafe: 'unsafe-host-commands-with-key',
};
/**
 * Resolves each check's directory (check's `working-directory` under the lane's, under the workspace)
 * and time limit, and checks that every directory exists, and, when checks run in a container, lies
 * inside the workspace (nothing else is mounted).
 *
 * @throws InputError naming `working-directory` or the checks input
 */
function planChecks(specs, options) {
    const wdInput = options.workingDirectoryInput ?? 'working-directory';
    const workspace = (0,external_node_path_.resolve)(options.workspace);
    const laneDir = (0,external_node_path_.resolve)(workspace, options.workingDirectory || '.');
    const mustBeDir = (dir, input, what) => {
        if (options.inContainer && !isInside(dir, workspace)) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${what} ${dir} is outside the workspace ${workspace}, which is all the container sees`);
        }
        if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${what} ${dir} is not a directory`);
        }
    };
    mustBeDir(laneDir, wdInput, 'working directory');
    const checks = specs.map((spec) => {
        const cwd = spec.workingDirectory === undefined ? laneDir : (0,external_node_path_.resolve)(laneDir, spec.workingDirectory);
        if (spec.workingDirectory !== undefined) {
            mustBeDir(cwd, options.checksInput, `working-directory of check ${JSON.stringify(spec.name)}:`);
        }
        return { name: spec.name, run: spec.run, cwd, timeoutMs: spec.timeoutMs ?? options.timeoutMs };
    });
    return { checks, workspace };
}
/**
 * The commit the lane checks: `GITHUB_SHA`, else `git rev-parse HEAD` in the workspace; and its tree
 * (`git rev-parse <sha>^{tree}`), which is left out with a warning when git cannot tell.
 *
 * @throws Error when there is no commit at all: evidence must be bound to one
 */
async function readLaneCommit(workspace, env, exec, log = src_log/* silentLog */.a) {
    const git = async (args) => (await exec.exec('git', args, { cwd: workspace, silent: true })).stdout.trim();
    let sha = (env.GITHUB_SHA ?? '').trim().toLowerCase();
    if (sha === '') {
        try {
            sha = await git(['rev-parse', 'HEAD']);
        }
        catch (err) {
            throw new Error(`fast-check binds its evidence to a commit, but GITHUB_SHA is unset and git cannot tell in ${workspace}: ` +
                `${(0,errors/* errorMessage */.gJ)(err)}\nRun it in a git checkout, or set GITHUB_SHA.`, { cause: err });
        }
    }
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
        throw new Error(`the commit ${JSON.stringify(sha)} (GITHUB_SHA or git rev-parse HEAD) is not a full hex sha`);
    }
    try {
        return { sha, tree: await git(['rev-parse', '--verify', `${sha}^{tree}`]) };
    }
    catch (err) {
        log.warning(`the evidence names commit ${sha} without its tree: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return { sha };
    }
}
/**
 * The runner launcher: the step's env minus inputs, runner tokens and key material; as an
 * unprivileged uid with a fresh HOME when the key must be kept from the checks.
 */
async function hostLaunch(request, env, isolation, log) {
    const checksEnv = (0,user_code/* userEnvironment */.nW)(env, request.signingKey !== undefined ? [request.signingKey] : []);
    log.info((0,user_code/* describeHostIsolation */.Kv)(isolation, 'checks'));
    if (isolation.mode === 'unsafe')
        log.warning((0,user_code/* describeHostIsolation */.Kv)(isolation, 'checks'));
    if (isolation.mode !== 'dropped')
        return { launcher: new HostLauncher(checksEnv) };
    const prepared = await (0,user_code/* prepareHostUser */.po)(isolation.user, { workspace: request.plan.workspace, cwds: request.plan.checks.map((c) => c.cwd) }, FAST_CHECK_ISOLATION_INPUTS);
    for (const warning of prepared.warnings)
        log.warning(warning);
    checksEnv.HOME = prepared.home;
    return {
        launcher: new HostLauncher(checksEnv, undefined, prepared.user),
        cleanup: prepared.cleanup,
    };
}
/**
 * The launcher for the request: the given one (tests), a container launcher on the tooling image
 * (made fit first), or the runner itself.
 */
async function chooseLauncher(request, deps, env, isolation, log) {
    if (deps.launcher !== undefined)
        return { launcher: deps.launcher };
    if (request.image === undefined)
        return hostLaunch(request, env, isolation ?? { mode: 'no-key' }, log);
    if (deps.engine === undefined)
        throw new Error('runSourceLane: an image needs an engine');
    const engine = await deps.engine();
    const prepared = await prepareImage(engine, request.image, { insecure: request.insecure ?? false });
    if (prepared.pulled)
        log.info(`pulled ${request.image}`);
    const user = checkUser(engine.kind);
    const material = request.signingKey !== undefined ? (0,user_code/* keyMaterial */.vN)(request.signingKey) : [];
    const passed = request.envNames.filter((name) => {
        const value = env[name];
        if (value === undefined)
            log.warning(`env: ${name} is not set on the runner, so the checks do not get it`);
        else if (material.some((m) => value.includes(m)))
            log.warning(`env: ${name} holds the signing key, so the checks do not get it`);
        else
            return true;
        return false;
    });
    const laneId = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    log.info(`checks run as ${engine.kind} containers dl-check-${laneId}-<n>-<check>, labelled ${LANE_LABEL}=${laneId}`);
    const workspaceSource = engine.files === 'copy'
        ? await stageWorkspace(engine, { laneId, image: request.image, workspace: request.plan.workspace })
        : undefined;
    if (workspaceSource !== undefined)
        log.info(`workspace copied to ${workspaceSource} (volume ${workspaceVolumeName(laneId)}); the checks share that copy, not ${request.plan.workspace}`);
    const container = new ContainerLauncher(engine, {
        image: request.image,
        workspace: request.plan.workspace,
        envNames: passed,
        laneId,
        ...(workspaceSource !== undefined ? { workspaceSource } : {}),
        ...(user !== undefined ? { user: user.user, env: user.env } : {}),
    });
    return { launcher: container, sweep: () => container.sweep() };
}
/**
 * Runs the planned checks. A cancelled job must not leave checks (or their containers) running:
 * SIGTERM/SIGINT kill them, and the sweep removes what is left.
 */
async function runPlannedChecks(request, launch, log) {
    const cancel = new AbortController();
    const onSignal = (signal) => {
        log.warning(`${signal}: stopping the running checks`);
        cancel.abort();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    try {
        return await (0,run/* runChecks */.JT)(request.plan.checks, {
            launcher: launch.launcher,
            concurrency: request.concurrency,
            failFast: request.failFast,
            signal: cancel.signal,
            onStart: (check) => log.info(`started ${check.name}: ${check.run}`),
            onFinish: printOutcome,
        });
    }
    finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        if (launch.sweep !== undefined) {
            const left = await launch.sweep();
            if (left.length > 0)
                log.warning(`removed check containers left behind: ${left.join(', ')}`);
        }
    }
}
/**
 * Writes each check's log, the report and the evidence (a statement, and a DSSE envelope when
 * signed) under a fresh directory in `tempDir`.
 */
async function writeLaneFiles(request, outcomes, run) {
    const dir = (0,external_node_path_.join)(request.tempDir, `fast-check-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'logs'), { recursive: true });
    const logs = {};
    for (const [i, o] of outcomes.entries()) {
        if (o.status === 'skipped')
            continue;
        const file = (0,external_node_path_.join)(dir, 'logs', `${i + 1}-${o.check.name.replace(/[^A-Za-z0-9_.-]/g, '-')}.log`);
        await (0,promises_.writeFile)(file, o.output);
        logs[o.check.name] = file;
    }
    const report = (0,checks_report/* buildReport */.FK)(outcomes, {
        commit: run.commit,
        ...(request.image !== undefined ? { image: request.image } : {}),
        workspace: request.plan.workspace,
        concurrency: request.concurrency,
        failFast: request.failFast,
        startedAt: run.startedAt,
        wallMs: run.wallMs,
        logs,
    });
    const reportPath = (0,external_node_path_.join)(dir, 'report.json');
    await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const statement = (0,checks_report/* laneStatement */.M5)(outcomes, {
        commit: run.commit,
        ...(request.image !== undefined ? { image: request.image } : {}),
        version: FAST_CHECK_VERSION,
        env: run.env,
        laneChecks: run.laneChecks,
    });
    const statementPath = (0,external_node_path_.join)(dir, 'source-evidence.intoto.json');
    await (0,promises_.writeFile)(statementPath, `${JSON.stringify(statement, null, 2)}\n`);
    let evidencePath = statementPath;
    if (request.signingKey !== undefined) {
        const { envelopeOf, signEnvelope } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 2479));
        const envelope = signEnvelope(envelopeOf(statement), request.signingKey);
        evidencePath = (0,external_node_path_.join)(dir, 'source-evidence.dsse.json');
        await (0,promises_.writeFile)(evidencePath, `${JSON.stringify(envelope, null, 2)}\n`);
    }
    return { report, reportPath, evidencePath };
}
/**
 * Runs the source lane. Resolves (does not reject) when checks fail: the caller decides to fail the
 * step, after setting its outputs. Rejects only when the lane could not be run at all (no commit, an
 * unusable or runtime-role image), and then before any check has started.
 */
async function runSourceLane(request, deps = {}) {
    const exec = deps.exec ?? src_exec/* defaultExec */.hp;
    const env = deps.env ?? process.env;
    const log = deps.log ?? src_log/* silentLog */.a;
    const { plan } = request;
    // Decided before anything runs: a refusal must come before any side effect.
    const isolation = request.image === undefined
        ? (0,user_code/* decideHostIsolation */.Fw)({
            signed: request.signingKey !== undefined,
            unsafe: request.unsafeHostCommandsWithKey ?? false,
            uid: deps.uid ?? process.getuid?.(),
            inputs: FAST_CHECK_ISOLATION_INPUTS,
        })
        : undefined;
    const commit = await readLaneCommit(plan.workspace, env, exec, log);
    const launch = await chooseLauncher(request, deps, env, isolation, log);
    const where = request.image !== undefined ? `in ${request.image}` : 'on the runner';
    log.info(`running ${plan.checks.length} checks ${where}, ${Math.min(request.concurrency, plan.checks.length)} at a time` +
        `${request.failFast ? ', fail-fast' : ''} (commit ${commit.sha})`);
    const startedAt = new Date();
    const started = performance.now();
    const outcomes = await runPlannedChecks(request, launch, log).finally(() => launch.cleanup?.());
    const wallMs = performance.now() - started;
    const isolationCheck = isolation !== undefined ? (0,user_code/* keyIsolationCheck */.kl)(isolation, FAST_CHECK_ISOLATION_INPUTS.unsafe) : undefined;
    const { report, reportPath, evidencePath } = await writeLaneFiles(request, outcomes, {
        commit,
        startedAt,
        wallMs,
        env,
        laneChecks: isolationCheck !== undefined ? [isolationCheck] : [],
    });
    await writeSummary((summary) => (0,checks_report/* summarizeLane */.wF)(summary, report, outcomes));
    log.info(`report: ${reportPath}`);
    log.info(`evidence: ${evidencePath}${request.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`);
    return {
        result: (0,checks_report/* laneResult */.Yq)(outcomes),
        failed: (0,checks_report/* failedChecks */.HH)(outcomes),
        outcomes,
        reportPath,
        evidencePath,
        wallMs,
    };
}
/**
 * Prints a finished check's whole output as one log group, in a single write: checks running at the
 * same time never interleave their lines.
 */
function printOutcome(outcome) {
    const body = outcome.output === '' || outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`;
    process.stdout.write(`::group::${(0,checks_report/* groupTitle */.SZ)(outcome)}\n${body}::endgroup::\n`);
}


/***/ }),

/***/ 740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   HH: () => (/* binding */ failedChecks),
/* harmony export */   M5: () => (/* binding */ laneStatement),
/* harmony export */   SZ: () => (/* binding */ groupTitle),
/* harmony export */   Yq: () => (/* binding */ laneResult),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   wF: () => (/* binding */ summarizeLane)
/* harmony export */ });
/* unused harmony exports FAILURE_TAIL_LINES, describeOutcome */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _evidence_statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6991);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8851);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1781);
/**
 * What a source lane leaves behind: the log block of each check, the JSON report, the summary table,
 * the failure message and the source-lane evidence (an in-toto Statement bound to the commit).
 */




/** Lines of a failed check's output shown in the failure message and kept in the report. */
const FAILURE_TAIL_LINES = 30;
/**
 * The lane's result: passed only when every check passed. A lane cut short (fail-fast, a cancelled
 * job) has not shown that the source is good, even when nothing it finished failed.
 */
function laneResult(outcomes) {
    return outcomes.every((o) => o.status === 'passed') ? 'passed' : 'failed';
}
/** Names of the checks that failed or timed out, in the order given. */
function failedChecks(outcomes) {
    return outcomes.filter((o) => (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(o.status)).map((o) => o.check.name);
}
/** One-line status for the log and the summary, e.g. `failed (exit 2)`, `timed out after 10m`. */
function describeOutcome(outcome) {
    switch (outcome.status) {
        case 'passed':
            return 'passed';
        case 'failed':
            return outcome.exitCode === null ? 'failed (did not run)' : `failed (exit ${outcome.exitCode})`;
        case 'timed-out':
            return `timed out after ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(outcome.check.timeoutMs)}`;
        case 'cancelled':
            return 'cancelled';
        case 'skipped':
            return 'not started';
    }
}
/** Title of a check's log group. */
function groupTitle(outcome) {
    const mark = outcome.status === 'passed' ? '✓' : (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(outcome.status) ? '✗' : '-';
    return `${mark} ${outcome.check.name}: ${describeOutcome(outcome)} in ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(outcome.durationMs)}`;
}
/**
 * The step's failure message: which checks failed and the tail of each one's output, so the reason is
 * in the error itself, not only somewhere up in the log.
 */
function failureMessage(outcomes) {
    const failed = outcomes.filter((o) => (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(o.status));
    const parts = [
        failed.length > 0
            ? `${failed.length} of ${outcomes.length} checks failed: ${failed.map((o) => o.check.name).join(', ')}`
            : 'the checks did not all finish, so the lane did not pass',
    ];
    for (const o of failed) {
        const tail = (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .tailLines */ .os)(o.output, FAILURE_TAIL_LINES);
        parts.push(`--- ${o.check.name}: ${describeOutcome(o)}; last ${FAILURE_TAIL_LINES} lines of output ---\n` +
            (tail === '' ? '(no output)' : tail));
    }
    const notRun = outcomes.filter((o) => o.status === 'skipped' || o.status === 'cancelled');
    if (notRun.length > 0)
        parts.push(`not finished (fail-fast or cancelled): ${notRun.map((o) => o.check.name).join(', ')}`);
    return parts.join('\n');
}
/** Builds the JSON report (`logs` maps check names to their full-output files). */
function buildReport(outcomes, lane) {
    const report = {
        result: laneResult(outcomes),
        failed: failedChecks(outcomes),
        commit: lane.commit,
        concurrency: lane.concurrency,
        failFast: lane.failFast,
        startedAt: lane.startedAt.toISOString(),
        wallMs: Math.round(lane.wallMs),
        checks: outcomes.map((o) => {
            const entry = {
                name: o.check.name,
                run: o.check.run,
                workingDirectory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(lane.workspace, o.check.cwd) || '.',
                status: o.status,
                exitCode: o.exitCode,
                durationMs: Math.round(o.durationMs),
                timeoutMs: o.check.timeoutMs,
                outputTail: (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .tailLines */ .os)(o.output, FAILURE_TAIL_LINES),
            };
            const log = lane.logs?.[o.check.name];
            if (log !== undefined)
                entry.log = log;
            return entry;
        }),
    };
    if (lane.image !== undefined)
        report.image = lane.image;
    return report;
}
const EVIDENCE_RESULT = {
    passed: 'PASSED',
    failed: 'FAILED',
    'timed-out': 'FAILED',
    cancelled: 'SKIPPED',
    skipped: 'SKIPPED',
};
/**
 * The source-lane evidence: an in-toto Statement v1 whose subjects are the commit and its tree, with
 * one predicate check per lane check. The tooling image is recorded as the verifier's `ci-tools`
 * version, since it is what the checks ran with.
 */
function laneStatement(outcomes, lane) {
    const checks = outcomes.map((o) => {
        const check = {
            name: o.check.name,
            result: EVIDENCE_RESULT[o.status],
            durationMs: Math.round(o.durationMs),
        };
        if (o.status !== 'passed')
            check.detail = describeOutcome(o);
        return check;
    });
    checks.push(...(lane.laneChecks ?? []));
    const version = { 'fast-check': lane.version };
    if (lane.image !== undefined)
        version['ci-tools'] = lane.image;
    else
        version.runner = `node ${process.version} on ${process.platform}`;
    return (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceStatement */ .h8)({
        commit: lane.commit.sha,
        ...(lane.commit.tree !== undefined ? { tree: lane.commit.tree } : {}),
        checks,
        result: laneResult(outcomes) === 'passed' ? 'PASSED' : 'FAILED',
        verifier: { version },
        ...(lane.env !== undefined ? { env: lane.env } : {}),
        ...(lane.timeVerified !== undefined ? { timeVerified: lane.timeVerified } : {}),
    });
}
/** Adds the lane's table (check, result, duration) to a summary. */
function summarizeLane(summary, report, outcomes) {
    summary.heading(`fast-check: ${report.result}`);
    summary.table(['Check', 'Result', 'Duration'], outcomes.map((o) => [
        o.check.name,
        describeOutcome(o),
        o.status === 'skipped' ? '-' : (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(o.durationMs),
    ]));
    const where = report.image !== undefined ? `in ${report.image}` : 'on the runner';
    summary.text(`${outcomes.length} checks ${where}, ${report.concurrency} at a time, in ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(report.wallMs)} ` +
        `(commit ${report.commit.sha.slice(0, 12)})`);
}


/***/ }),

/***/ 1781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JT: () => (/* binding */ runChecks),
/* harmony export */   N6: () => (/* binding */ isFailure),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports OUTPUT_CAP_BYTES, OutputBuffer */
/**
 * The scheduler of a source lane: runs checks at most `concurrency` at a time through a launcher (on
 * the runner: host.ts; in a CI tooling image: container.ts), enforces each check's time limit,
 * stops the rest on the first failure when asked to, and hands every finished check to `onFinish`
 * with its whole output, so the log can show it as one block.
 */
/** Output kept per check; beyond it the oldest output is dropped (the tail is what explains a failure). */
const OUTPUT_CAP_BYTES = 8 * 1024 * 1024;
/** Collects a check's output in arrival order, keeping at most `cap` bytes (the most recent ones). */
class OutputBuffer {
    cap;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(cap = OUTPUT_CAP_BYTES) {
        this.cap = cap;
    }
    /** Appends a chunk. */
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.cap && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.cap;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    /** The kept output as UTF-8 text, prefixed by a note when the start was dropped. */
    text() {
        const body = Buffer.concat(this.chunks).toString('utf8');
        return this.dropped === 0
            ? body
            : `[fast-check: ${this.dropped} earlier bytes of output dropped]\n${body}`;
    }
}
/** Whether an outcome fails the lane. */
function isFailure(status) {
    return status === 'failed' || status === 'timed-out';
}
/**
 * Runs `checks` and resolves with one outcome per check, in the order given, once every started
 * check has ended. Never rejects because of a check: a check that cannot start is a failed check.
 */
async function runChecks(checks, options) {
    const now = options.now ?? Date.now;
    const concurrency = Math.max(1, Math.floor(options.concurrency));
    const outcomes = new Array(checks.length);
    const running = new Map();
    let next = 0;
    let stopping = false;
    const stopTheRest = () => {
        stopping = true;
        for (const entry of running.values()) {
            entry.cancelled = true;
            void entry.process.kill();
        }
    };
    const runOne = async (index) => {
        const check = checks[index];
        const buffer = new OutputBuffer();
        options.onStart?.(check);
        const started = now();
        const child = options.launcher.start(check, (chunk) => buffer.push(chunk));
        const entry = { process: child, cancelled: false };
        running.set(index, entry);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            void child.kill();
        }, check.timeoutMs);
        const exit = await child.exited;
        clearTimeout(timer);
        running.delete(index);
        const durationMs = now() - started;
        let status;
        if (timedOut)
            status = 'timed-out';
        else if (entry.cancelled)
            status = 'cancelled';
        else
            status = exit.exitCode === 0 ? 'passed' : 'failed';
        if (status === 'timed-out') {
            buffer.push(Buffer.from(`\n[fast-check: killed after ${formatDuration(check.timeoutMs)} (the time limit)]\n`));
        }
        else if (status === 'cancelled') {
            buffer.push(Buffer.from('\n[fast-check: killed before it ended (fail-fast or the step was cancelled)]\n'));
        }
        const outcome = {
            check,
            status,
            exitCode: exit.exitCode,
            durationMs,
            output: buffer.text(),
        };
        outcomes[index] = outcome;
        options.onFinish?.(outcome);
        if (options.failFast && isFailure(status) && !stopping)
            stopTheRest();
    };
    const onAbort = () => {
        if (!stopping)
            stopTheRest();
    };
    if (options.signal?.aborted)
        stopping = true;
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const worker = async () => {
        while (!stopping && next < checks.length) {
            const index = next++;
            await runOne(index);
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, () => worker()));
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
    }
    return checks.map((check, i) => outcomes[i] ?? { check, status: 'skipped', exitCode: null, durationMs: 0, output: '' });
}
/** `1.2s`, `45s`, `2m05s`: durations as the log and the summary show them. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const totalS = Math.round(ms / 1000);
    const h = Math.floor(totalS / 3600);
    const m = Math.floor((totalS % 3600) / 60);
    const s = totalS % 60;
    if (h > 0)
        return `${h}h${String(m).padStart(2, '0')}m`;
    return `${m}m${String(s).padStart(2, '0')}s`;
}


/***/ }),

/***/ 2727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ assertGitObjectId),
/* harmony export */   p: () => (/* binding */ runContext)
/* harmony export */ });
/**
 * Where and when a lane ran, from the runner's environment: the commit, the repository and run URLs,
 * and the run id and attempt that bind evidence to one CI run.
 */
const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Checks a git commit or tree id (SHA-1 or SHA-256 object format, lowercase hex).
 *
 * @throws Error naming `what` and the expected form
 */
function assertGitObjectId(value, what) {
    if (!COMMIT_RE.test(value)) {
        throw new Error(`${what} ${JSON.stringify(value)} is not a git object id: expected 40 or 64 lowercase hex`);
    }
    return value;
}
/**
 * Reads the commit, repository URL, run URL and run id/attempt from the runner's environment, with
 * explicit overrides taking precedence.
 *
 * Forgejo and Gitea set the same `GITHUB_*` variables as GitHub, but serve a run's page at its
 * per-repository run number rather than at the global run id: with `GITEA_ACTIONS`/`FORGEJO_ACTIONS`
 * set, the run URL uses `GITHUB_RUN_NUMBER`.
 *
 * @throws Error when no commit is given and `GITHUB_SHA` is unset or not a commit id
 */
function runContext(overrides = {}, env = process.env) {
    const commit = overrides.commit ?? env.GITHUB_SHA;
    if (commit === undefined || commit === '') {
        throw new Error('no commit: pass one explicitly or run where GITHUB_SHA is set');
    }
    assertGitObjectId(commit, overrides.commit !== undefined ? 'commit' : 'GITHUB_SHA');
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    const repositoryUrl = overrides.repositoryUrl ?? (server && repository ? `${server}/${repository}` : undefined);
    const forgejo = env.GITEA_ACTIONS === 'true' || env.FORGEJO_ACTIONS === 'true';
    const runKey = forgejo ? (env.GITHUB_RUN_NUMBER ?? env.GITHUB_RUN_ID) : env.GITHUB_RUN_ID;
    const runUrl = overrides.runUrl ??
        (server && repository && runKey ? `${server}/${repository}/actions/runs/${runKey}` : undefined);
    const context = { commit };
    if (repositoryUrl !== undefined)
        context.repositoryUrl = repositoryUrl;
    if (runUrl !== undefined)
        context.runUrl = runUrl;
    const run = overrides.run ?? runBinding(env);
    if (run !== undefined)
        context.run = run;
    return context;
}
/**
 * The run binding from `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`: the attempt tells a re-run of the same
 * run apart (same id, new attempt). Absent when `GITHUB_RUN_ID` is unset or empty.
 *
 * @throws Error when either is set but not a decimal number
 */
function runBinding(env) {
    const id = env.GITHUB_RUN_ID;
    if (id === undefined || id === '')
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT === undefined || env.GITHUB_RUN_ATTEMPT === '' ? '1' : env.GITHUB_RUN_ATTEMPT;
    for (const [name, value] of [
        ['GITHUB_RUN_ID', id],
        ['GITHUB_RUN_ATTEMPT', attempt],
    ]) {
        if (!/^[0-9]{1,20}$/.test(value)) {
            throw new Error(`${name} ${JSON.stringify(value)} is not a run number: expected decimal digits`);
        }
    }
    return { id, attempt };
}


/***/ }),

/***/ 6991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  By: () => (/* binding */ parseStatement),
  h8: () => (/* binding */ sourceStatement)
});

// UNUSED EXPORTS: STATEMENT_TYPE, commitSubjectName, digestSet, digestsOfSubject, laneStatement, promotionStatement

// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(1397);
// EXTERNAL MODULE: ./packages/core/src/evidence/run-context.ts
var run_context = __webpack_require__(2727);
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
function verifierId(lane) {
    return `https://digestline.dev/verifier/${lane}`;
}
/**
 * The `policy.uri` of a lane that applied no policy file of its own: digestline's built-in rules for
 * that lane, `https://digestline.dev/policy/<lane>/v1` (VSA requires a policy URI on every statement).
 */
function defaultPolicyUri(lane) {
    return `https://digestline.dev/policy/${lane}/v1`;
}
/**
 * The `verifiedLevels` entry a PASSED lane claims: a custom track per lane, level 1,
 * e.g. `DIGESTLINE_INTEGRATION_LEVEL_1`. VSA v1 (SlsaResult): "Users MAY use custom values here but
 * MUST NOT use custom values starting with `SLSA_`", and no more than one level per track.
 */
function laneLevel(lane) {
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
    const context = (0,run_context/* runContext */.p)(overrides, opts.env);
    const checks = validateChecks(opts.checks ?? []);
    const result = laneResult(opts.result, checks);
    if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
        const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
        throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
    }
    const commit = { sha: context.commit };
    if (extra.tree !== undefined)
        commit.tree = (0,run_context/* assertGitObjectId */.h)(extra.tree, 'tree');
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
    return { _type: STATEMENT_TYPE, subject, predicateType: vsa_VERIFICATION_PREDICATE_TYPE, predicate: p };
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


/***/ }),

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hp: () => (/* binding */ defaultExec),
/* harmony export */   os: () => (/* binding */ tailLines)
/* harmony export */ });
/* unused harmony exports STDERR_TAIL_LINES, redact, Exec */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(508);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(296);
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

/***/ 3438:
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


/***/ })

};
