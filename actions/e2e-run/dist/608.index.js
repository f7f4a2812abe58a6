export const id = 608;
export const ids = [608,14,402];
export const modules = {

/***/ 43608:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __webpack_require__(78851);
// EXTERNAL MODULE: ./packages/core/src/engine/choices.ts
var choices = __webpack_require__(76255);
// EXTERNAL MODULE: ./packages/core/src/engine/cli-engine.ts
var cli_engine = __webpack_require__(24404);
;// CONCATENATED MODULE: ./packages/core/src/engine/docker.ts




/** Docker Engine through the docker CLI (legacy builder or BuildKit, whichever the CLI uses). */
class Docker extends cli_engine/* CliEngine */.Bp {
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
     */
    async build(opts) {
        if (opts.file === undefined &&
            !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Dockerfile')) &&
            (0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Containerfile'))) {
            return super.build({ ...opts, file: (0,external_node_path_.join)(opts.context, 'Containerfile') });
        }
        return super.build(opts);
    }
    /** Docker's `--pull` is a switch meaning "always"; leaving it out means "missing". */
    buildEngineArgs(opts) {
        return opts.pull === 'always' ? ['--pull'] : [];
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
        const parsed = JSON.parse(inspect.stdout.trim() || 'null');
        const repoDigests = Array.isArray(parsed) ? parsed.filter((e) => typeof e === 'string') : [];
        const digest = (0,cli_engine/* pickRepoDigest */.Ej)(repoDigests, ref);
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
function shellQuote(arg) {
    return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/core/src/engine/podman.ts





/** Podman (4.x and newer) through its CLI. */
class Podman extends cli_engine/* CliEngine */.Bp {
    kind = 'podman';
    /**
     * @param exec runs every command (inject a spied one in tests)
     * @param bin the podman program
     */
    constructor(exec = src_exec/* defaultExec */.hp, bin = 'podman') {
        super(exec, bin);
    }
    buildEngineArgs(opts) {
        return ['--format', opts.format ?? 'docker', `--pull=${opts.pull ?? 'missing'}`, ...this.tlsArgs(opts)];
    }
    tlsArgs(opts) {
        return opts.insecure ? ['--tls-verify=false'] : [];
    }
    /** Podman takes a JSON array as exec form (a plain string would be run by /bin/sh). */
    execFormHealthCmd(argv) {
        return JSON.stringify(argv);
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
            `or set the engine input to docker or podman (valid values: ${choices/* ENGINE_CHOICES */.u.join(', ')})`);
    }
    if (!onPath(resolved, env)) {
        throw new errors/* InputError */.dz('engine', `engine is ${choice === 'auto' ? `auto (chose ${resolved})` : resolved} but ${resolved} is not on PATH ` +
            `(${env.PATH ?? ''}); install it or pick another engine (valid values: ${choices/* ENGINE_CHOICES */.u.join(', ')})`);
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

// EXTERNAL MODULE: ./packages/core/src/lanes/e2e.ts
var e2e = __webpack_require__(45402);
// EXTERNAL MODULE: ./packages/core/src/lanes/integration.ts
var integration = __webpack_require__(47014);
// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(74412);
// EXTERNAL MODULE: ./packages/core/src/summary.ts
var summary = __webpack_require__(56968);
// EXTERNAL MODULE: ./actions/e2e-run/src/constants.ts
var constants = __webpack_require__(44442);
;// CONCATENATED MODULE: ./actions/e2e-run/src/run.ts






/** Runs the lane with inputs already read and validated by `getInputs`. */
async function run(inputs) {
    const engine = selectEngine(inputs.engine);
    const outcome = await (0,e2e/* runE2e */.Kg)({
        ...inputs,
        engine,
        inputs: {
            tests: constants/* Inputs */.G0.Tests,
            network: constants/* Inputs */.G0.Network,
            images: constants/* Inputs */.G0.Images,
            baseUrlService: constants/* Inputs */.G0.BaseUrlService,
        },
        // Saved before anything is created: a cancelled or crashed main still gets its teardown.
        onProject: (project) => {
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Project, project);
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Engine, engine.kind);
        },
        // A dynamic import: @actions/artifact roughly doubles the bundle's start-up time.
        ...(inputs.uploadArtifacts
            ? {
                upload: async (name, dir) => (await __webpack_require__.e(/* import() */ 151).then(__webpack_require__.bind(__webpack_require__, 151))).uploadDirectory(name, dir),
            }
            : {}),
        log: step/* info */.pq,
    });
    (0,step/* setOutputs */.n0)({
        [constants/* Outputs */.tY.Result]: outcome.report.result,
        [constants/* Outputs */.tY.Report]: outcome.reportDir,
        [constants/* Outputs */.tY.Evidence]: outcome.evidencePath ?? '',
    });
    await (0,summary/* writeSummary */.Sy)((summary) => {
        (0,integration/* summarizeLane */.wF)(summary, outcome.report);
        const pw = outcome.report.playwright;
        const counts = pw.counts;
        summary.list([
            `Playwright ${pw.version} in ${pw.runnerImage} against ${pw.baseUrl ?? '(no base URL)'}`,
            counts !== undefined
                ? `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped`
                : 'tests: no Playwright JSON report',
            `report: ${outcome.reportDir}${outcome.report.artifact ? ` (artifact ${outcome.report.artifact.name}: ${outcome.report.artifact.uploaded ? 'uploaded' : `not uploaded, ${outcome.report.artifact.reason ?? ''}`})` : ''}`,
        ]);
    });
    const failure = (0,e2e/* e2eFailureMessage */.e4)(outcome);
    if (failure !== undefined)
        throw new Error(failure);
}
/** The post step: tears down the stack main started, if any. */
async function post() {
    const project = (0,step/* getState */.Gu)(constants/* State */.Uw.Project);
    if (project === '')
        return (0,step/* info */.pq)('e2e-run post: main started no stack (or attached to one), nothing to tear down');
    const engine = selectEngine((0,step/* getState */.Gu)(constants/* State */.Uw.Engine) || 'auto');
    (0,step/* info */.pq)(await (0,e2e/* teardownE2e */.r5)(engine, project, step/* info */.pq));
}


/***/ }),

/***/ 45402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kg: () => (/* binding */ runE2e),
/* harmony export */   e4: () => (/* binding */ e2eFailureMessage),
/* harmony export */   r5: () => (/* binding */ teardownE2e),
/* harmony export */   resolveTestsDir: () => (/* binding */ resolveTestsDir)
/* harmony export */ });
/* unused harmony exports E2E_PROJECT_PREFIX, PLAYWRIGHT_VERSION_LABEL, PLAYWRIGHT_PACKAGE, RUNNER_NODE_MODULES, CHROMIUM_EXECUTABLE, CHROMIUM_ARGS, CONTAINER_TESTS_DIR, CONTAINER_REPORT_DIR, REPORT_FILES, testsPlaywrightVersion, readTestsPlaywrightVersion, inspectRunnerImage, checkPlaywrightVersions, parseNumericUser, runnerUser, prepareTestsCopy, prepareReportDir, playwrightCommand, playwrightEnv, e2eContainerOptions, playwrightChecks, projectOfNetwork */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92479);
/* harmony import */ var _evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45885);
/* harmony import */ var _evidence_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86673);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78851);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(41397);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61634);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(54747);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(56968);
/* harmony import */ var _stack_lane_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(17383);
/**
 * The browser E2E lane: Playwright from a dedicated, digest-pinned runner image (Debian's chromium,
 * node and a pinned @playwright/test under /opt/playwright) runs in a container on the stack's
 * network against `http://<service>:<port>`. It shares the stack lane's pieces (project names,
 * service URLs, teardown, evidence subjects, summary) and adds what E2E needs: the Playwright
 * version check before anything starts, a writable report directory owned by the runner image's
 * user, attaching to a stack that is already running, per-spec checks from Playwright's JSON report,
 * and the report uploaded as an artifact.
 */












/** Prefix of e2e-run project names (`e2e-<run id>-<random>`). */
const E2E_PROJECT_PREFIX = 'e2e';
/** Image label carrying the runner image's @playwright/test version. */
const PLAYWRIGHT_VERSION_LABEL = 'org.digestline.playwright.version';
/** The npm package whose version the tests and the runner image must agree on. */
const PLAYWRIGHT_PACKAGE = '@playwright/test';
/** Where the runner image keeps its pinned Playwright. */
const RUNNER_NODE_MODULES = '/opt/playwright/node_modules';
/** Debian's chromium in the runner image; Playwright must never download a browser of its own. */
const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
/**
 * Flags for chromium in a container: no user namespaces for its sandbox, no GPU, no traffic of its
 * own (the network rule: only the stack), and /tmp instead of the 64 MB /dev/shm containers get.
 */
const CHROMIUM_ARGS = (/* unused pure expression or super */ null && ([
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
]));
/** Mount points inside the runner container. */
const CONTAINER_TESTS_DIR = '/e2e/tests';
const CONTAINER_REPORT_DIR = '/e2e/report';
/** Layout of the report directory (output `report`, uploaded as the artifact). */
const REPORT_FILES = {
    html: 'html',
    testResults: 'test-results',
    json: 'results.json',
    lane: 'digestline-e2e.json',
    stackBundle: 'stack-bundle',
};
// ---- the Playwright version check ----
/** Exact versions only: `1.65.1`, `1.66.0-beta-1`. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/**
 * The `@playwright/test` version a tests directory pins in its package.json (`dependencies` or
 * `devDependencies`). A range would let the tests run against whatever the runner image has, so
 * only an exact version is accepted.
 * @param text package.json content
 * @param file shown in messages
 * @param input the input naming the tests directory
 * @throws InputError when the package is missing, pinned by a range, or the file is not JSON
 */
function testsPlaywrightVersion(text, file, input) {
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} is not valid JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    const declared = pkg.devDependencies?.[PLAYWRIGHT_PACKAGE] ?? pkg.dependencies?.[PLAYWRIGHT_PACKAGE];
    if (declared === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} does not list ${PLAYWRIGHT_PACKAGE} in dependencies or devDependencies; pin the version the runner image has, e.g. "${PLAYWRIGHT_PACKAGE}": "1.65.1"`);
    }
    const version = typeof declared === 'string' ? declared.trim() : '';
    if (!EXACT_VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} must pin ${PLAYWRIGHT_PACKAGE} to an exact version (like "1.65.1"), got ${JSON.stringify(declared)}: the tests run with the runner image's Playwright, so a range would hide a mismatch`);
    }
    return version;
}
/** Reads `<tests>/package.json` (see {@link testsPlaywrightVersion}). */
async function readTestsPlaywrightVersion(testsDir, shownAs, input) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(shownAs, 'package.json');
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(testsDir, 'package.json'), 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": cannot read ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    return testsPlaywrightVersion(text, file, input);
}
function isLoopbackRegistry(ref) {
    try {
        return (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_8__/* .isLoopbackHost */ .cW)(new URL(`http://${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(ref).registry}`).hostname);
    }
    catch {
        return false;
    }
}
/**
 * Inspects the runner image, pulling it first when it is not local.
 * @throws Error naming the image when it has no {@link PLAYWRIGHT_VERSION_LABEL}
 */
async function inspectRunnerImage(engine, image, log) {
    let info;
    try {
        info = await engine.inspectImage(image);
    }
    catch {
        log(`pulling runner image ${image}`);
        await engine.pull(image, { insecure: isLoopbackRegistry(image) });
        info = await engine.inspectImage(image);
    }
    const version = info.labels[PLAYWRIGHT_VERSION_LABEL];
    if (version === undefined || version.trim() === '') {
        throw new Error(`runner image ${image} has no ${PLAYWRIGHT_VERSION_LABEL} label: build it from images/e2e-runner/Containerfile (or label it with its ${PLAYWRIGHT_PACKAGE} version)`);
    }
    return { playwrightVersion: version.trim(), user: info.user };
}
/**
 * Fails when the runner image's Playwright and the tests' pin differ: Playwright refuses (or
 * misbehaves with) tests written against another version, and finding that out after a stack
 * start wastes minutes.
 */
function checkPlaywrightVersions(v) {
    if (v.runnerVersion === v.testsVersion)
        return;
    throw new Error(`Playwright version mismatch: runner image ${v.runnerImage} has ${PLAYWRIGHT_PACKAGE} ${v.runnerVersion} (label ${PLAYWRIGHT_VERSION_LABEL}), but ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(v.tests, 'package.json')} pins ${v.testsVersion}; pin "${PLAYWRIGHT_PACKAGE}": "${v.runnerVersion}" in the tests or use a runner image built with ${v.testsVersion}`);
}
// ---- the runner container ----
/** A numeric `uid[:gid]` from an image's `User` (`''` is root); `undefined` for a user name. */
function parseNumericUser(user) {
    if (user === '')
        return { uid: 0, gid: 0 };
    const m = /^(\d+)(?::(\d+))?$/.exec(user);
    if (m === null)
        return undefined;
    const uid = Number(m[1]);
    return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}
/** The numeric uid/gid the runner image runs as, asking the image itself when `User` is a name. */
async function runnerUser(engine, image, user) {
    const numeric = parseNumericUser(user);
    if (numeric !== undefined)
        return numeric;
    const r = await engine.runToCompletion({
        image,
        rm: true,
        entrypoint: '',
        network: 'none',
        command: ['sh', '-c', 'echo "$(id -u):$(id -g)"'],
    });
    const ids = parseNumericUser(r.stdout.trim());
    if (r.exitCode !== 0 || ids === undefined) {
        throw new Error(`cannot tell the uid of user ${JSON.stringify(user)} of runner image ${image} (id exited ${r.exitCode}: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(`${r.stdout}${r.stderr}`, 3)})`);
    }
    return ids;
}
/**
 * Copies the tests directory (without `node_modules` and earlier Playwright output) and links
 * `node_modules` to the runner image's Playwright.
 *
 * Why a copy with a link rather than NODE_PATH: NODE_PATH reaches `require()` only, while ESM test
 * files and configs (`.mjs`, `"type": "module"`) resolve bare imports by walking up `node_modules`
 * directories; the link serves both. The copy keeps a developer's own `node_modules` (another
 * Playwright version: Playwright refuses to load a second copy of itself) out of the container, and
 * leaves the workspace untouched. The link dangles on the runner and resolves inside the container.
 */
async function prepareTestsCopy(testsDir, dest) {
    const skip = new Set(['node_modules', 'test-results', 'playwright-report', 'blob-report']);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.cp)(testsDir, dest, {
        recursive: true,
        filter: (source) => {
            const rel = source.slice(testsDir.length).split('/').filter(Boolean);
            return !(rel.length === 1 && skip.has(rel[0])) && !rel.includes('node_modules');
        },
    });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)(RUNNER_NODE_MODULES, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dest, 'node_modules'));
}
/**
 * Makes the report directory writable for the runner image's user: owned by its uid when this
 * process may chown (root, or the same uid), else world-writable (a non-root runner with a rootful
 * or rootless engine, where the container's uid is not ours to give files to).
 */
async function prepareReportDir(dir, owner) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const me = process.getuid?.();
    if (me === owner.uid)
        return 'owned by this process already';
    if (me === 0) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chown)(dir, owner.uid, owner.gid);
        return `owned by ${owner.uid}:${owner.gid}`;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dir, 0o777);
    return 'world-writable (this process cannot chown it)';
}
/**
 * The Playwright command: the runner image's own CLI by path (not whatever `playwright` PATH
 * finds), output locations forced into the mounted report directory, reporters fixed so that the
 * HTML report and the JSON the lane reads always exist.
 */
function playwrightCommand(retries) {
    return [
        'node',
        `${RUNNER_NODE_MODULES}/@playwright/test/cli.js`,
        'test',
        '--reporter=list,html,json',
        `--output=${CONTAINER_REPORT_DIR}/${REPORT_FILES.testResults}`,
        `--retries=${retries}`,
    ];
}
/** Env of the runner container (service URLs come on top). */
function playwrightEnv(baseUrl) {
    return {
        BASE_URL: baseUrl,
        PLAYWRIGHT_BASE_URL: baseUrl,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
        PLAYWRIGHT_CHROMIUM_EXECUTABLE: CHROMIUM_EXECUTABLE,
        PLAYWRIGHT_HTML_OUTPUT_DIR: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.html}`,
        PLAYWRIGHT_HTML_OPEN: 'never',
        PLAYWRIGHT_JSON_OUTPUT_FILE: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.json}`,
        CI: 'true',
    };
}
/** `run` options of the runner container. */
function e2eContainerOptions(o) {
    return {
        image: o.image,
        name: `${o.project}-e2e`,
        network: o.network,
        ...(o.hosts !== undefined ? { hosts: o.hosts } : {}),
        rm: true,
        // Explicit, so that the uid the report directory was prepared for is the one that writes it.
        user: `${o.user.uid}:${o.user.gid}`,
        env: { ...o.serviceEnv, ...playwrightEnv(o.baseUrl) },
        volumes: [
            { source: o.testsCopy, target: CONTAINER_TESTS_DIR, readonly: true },
            { source: o.reportDir, target: CONTAINER_REPORT_DIR },
        ],
        workdir: CONTAINER_TESTS_DIR,
        entrypoint: '',
        labels: { [_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF]: o.project, [_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .ROLE_LABEL */ .eg]: _stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .TESTS_ROLE */ .Tc },
        command: playwrightCommand(o.retries),
    };
}
function specsOf(suite, path = []) {
    const here = (suite.specs ?? []).map((s) => ({
        title: [...path, s.title ?? ''].filter(Boolean).join(' › '),
        tests: s.tests ?? [],
    }));
    return [...here, ...(suite.suites ?? []).flatMap((child) => specsOf(child, [...path, child.title ?? '']))];
}
/**
 * One evidence check per spec file (`playwright: playlists.spec.ts`): FAILED when a test in it
 * failed (detail: the failing titles), SKIPPED when all were skipped, else PASSED (flaky tests
 * passed on a retry and count as passed, as in Playwright's exit code). Errors outside tests (a
 * config that does not load) become a `playwright: load` check.
 */
function playwrightChecks(report) {
    const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
    const checks = [];
    for (const file of report.suites ?? []) {
        const specs = specsOf(file);
        const tests = specs.flatMap((s) => s.tests.map((t) => ({ spec: s.title, test: t })));
        const failed = tests.filter((t) => t.test.status === 'unexpected');
        const skipped = tests.filter((t) => t.test.status === 'skipped');
        counts.failed += failed.length;
        counts.skipped += skipped.length;
        counts.flaky += tests.filter((t) => t.test.status === 'flaky').length;
        counts.passed += tests.filter((t) => t.test.status === 'expected').length;
        const durationMs = tests.reduce((sum, t) => sum + (t.test.results ?? []).reduce((s, r) => s + (r.duration ?? 0), 0), 0);
        const name = `playwright: ${file.file ?? file.title ?? 'unknown file'}`;
        if (failed.length > 0) {
            const detail = failed.map((t) => t.spec).join('; ');
            checks.push({
                name,
                result: 'FAILED',
                durationMs,
                detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
            });
        }
        else if (tests.length > 0 && skipped.length === tests.length) {
            checks.push({ name, result: 'SKIPPED', durationMs });
        }
        else {
            checks.push({ name, result: 'PASSED', durationMs });
        }
    }
    const errors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '').filter(Boolean);
    if (errors.length > 0) {
        const detail = errors.join('; ');
        checks.push({
            name: 'playwright: load',
            result: 'FAILED',
            durationMs: 0,
            detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
        });
    }
    return { checks, counts };
}
/** The project of a digestline stack network (`dl-<project>-net`). */
function projectOfNetwork(network) {
    return /^dl-([a-z0-9][a-z0-9_-]*)-net$/.exec(network)?.[1];
}
/** Finds the stack on `network` and the image set it runs. */
async function attachToNetwork(engine, target, input, imagesInput) {
    const project = projectOfNetwork(target.network);
    const labelled = project === undefined ? [] : await engine.networkList({ label: `${_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF}=${project}` });
    if (project === undefined || !labelled.includes(target.network)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${target.network} is not the network of a running digestline stack (dl-<project>-net, labelled ${_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF}=<project>); start the stack with integration-test (keep-on-failure) or deploy-staging, or give stack and images instead`);
    }
    const stack = await _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .Stack */ .BJ.attach(project, engine);
    const statuses = await stack.inspect();
    if (statuses.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": the stack on ${target.network} has no service containers`);
    }
    const running = new Map();
    for (const s of statuses)
        if (!running.has(s.image))
            running.set(s.image, s.service);
    if (target.images !== undefined && target.images.length > 0) {
        const wrong = target.images.filter((e) => !running.has((0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref)));
        if (wrong.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(imagesInput, `input "${imagesInput}": no service on ${target.network} runs ${wrong.map((e) => `${e.name}=${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref)}`).join(', ')} (it runs ${[...running.keys()].join(', ')})`);
        }
        return { stack, images: target.images };
    }
    const images = [];
    for (const [image, service] of running) {
        const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(image);
        if (ref.digest === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": service ${service} on ${target.network} runs ${image}, which is not a digest reference`);
        }
        images.push({ name: service, ref });
    }
    return { stack, images };
}
function check(name, result, durationMs, detail) {
    const c = { name, result, durationMs: Math.max(0, durationMs) };
    if (detail !== undefined && detail !== '')
        c.detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
    return c;
}
async function readJson(path) {
    try {
        return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Writes the e2e evidence (signed when a key is given) to `path` and stores it next to every
 * image's digest. A registry that refuses is reported in `error`, not thrown: the caller still
 * writes its report, and fails the step.
 */
async function writeAndStoreEvidence(o) {
    const statement = (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({
        lane: 'e2e',
        images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(o.images),
        env: o.env,
        checks: o.checks,
        result: o.passed ? 'PASSED' : 'FAILED',
    });
    let envelope = (0,_evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__.envelopeOf)(statement);
    if (o.signingKey !== undefined)
        envelope = (0,_evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__.signEnvelope)(envelope, o.signingKey);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(o.path, `${JSON.stringify(envelope, null, 2)}\n`);
    const evidence = {
        path: o.path,
        signed: o.signingKey !== undefined,
        stored: [],
    };
    const clients = new Map();
    const problems = [];
    for (const entry of o.images) {
        const { registry, repository } = entry.ref;
        const digest = entry.ref.digest;
        const client = clients.get(registry) ?? o.clientFor(registry);
        clients.set(registry, client);
        try {
            const stored = await (0,_evidence_store_js__WEBPACK_IMPORTED_MODULE_5__/* .storeEvidence */ .jE)(client, repository, digest, envelope);
            evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
            o.log(`e2e evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`);
        }
        catch (err) {
            problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        }
    }
    return problems.length === 0
        ? { evidence }
        : { evidence, error: `could not store the evidence for ${problems.join('; ')}` };
}
/**
 * Runs the E2E lane. Order: the Playwright versions of runner image and tests are compared (the
 * image pulled if needed) before anything is created; then the stack starts (or the running one on
 * `network` is found), Playwright runs in the runner image on the stack network, the stack is torn
 * down (never an attached one), evidence is written and stored next to every tested digest, and the
 * report directory is uploaded.
 *
 * Never throws for failing tests or a stack that does not start: the outcome says `failed`.
 * @throws InputError / Error for problems found before anything started (version mismatch, a
 *   runner image without the version label, a missing commit for the evidence, a bad network)
 */
async function runE2e(opts) {
    const log = opts.log ?? (() => undefined);
    const env = opts.env ?? process.env;
    const { engine, target } = opts;
    const names = {
        tests: opts.inputs?.tests ?? 'tests',
        network: opts.inputs?.network ?? 'network',
        images: opts.inputs?.images ?? 'images',
        baseUrlService: opts.inputs?.baseUrlService ?? 'base-url-service',
    };
    const started = Date.now();
    // Before anything is created: versions, then (stack mode) evidence subjects and the base service.
    const testsVersion = await readTestsPlaywrightVersion(opts.testsDir, opts.testsShownAs, names.tests);
    const runner = await inspectRunnerImage(engine, opts.runnerImage, log);
    checkPlaywrightVersions({
        runnerImage: opts.runnerImage,
        runnerVersion: runner.playwrightVersion,
        tests: opts.testsShownAs,
        testsVersion,
    });
    log(`${PLAYWRIGHT_PACKAGE} ${testsVersion} in both the runner image and ${opts.testsShownAs}`);
    if (target.kind === 'stack') {
        (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({ lane: 'e2e', images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(target.images), env, checks: [] });
        if (!target.spec.services.some((s) => s.name === opts.baseUrlService)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(names.baseUrlService, `input "${names.baseUrlService}": ${target.spec.source} has no service ${JSON.stringify(opts.baseUrlService)} (services: ${target.spec.services.map((s) => s.name).join(', ')})`);
        }
    }
    const user = await runnerUser(engine, opts.runnerImage, runner.user);
    let attached;
    let images;
    let project;
    const checks = [check(`playwright version ${testsVersion} (runner image and tests)`, 'PASSED', 0)];
    const failures = [];
    if (target.kind === 'network') {
        const found = await attachToNetwork(engine, target, names.network, names.images);
        attached = found.stack;
        images = found.images;
        project = attached.project;
        (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({ lane: 'e2e', images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(images), env, checks: [] });
        log(`attached to stack ${project} on ${target.network}; it is left running afterwards`);
    }
    else {
        images = target.images;
        project = (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .laneProjectName */ .Fr)(E2E_PROJECT_PREFIX, env.GITHUB_RUN_ID);
        opts.onProject?.(project);
    }
    const outDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.tempDir, 'digestline-e2e-run', target.kind === 'stack' ? project : `${project}-${Date.now()}`);
    const reportDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'report');
    const testsCopy = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'tests');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(outDir, { recursive: true });
    await prepareTestsCopy(opts.testsDir, testsCopy);
    log(`report directory ${reportDir}: ${await prepareReportDir(reportDir, user)}`);
    const report = {
        lane: 'e2e',
        target: target.kind,
        project,
        engine: engine.kind,
        stack: target.kind === 'stack' ? target.spec.source : `attached: network ${target.network}`,
        result: 'failed',
        images: images.map((e) => ({
            name: e.name,
            reference: (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref),
            digest: e.ref.digest,
        })),
        services: [],
        digestsVerified: null,
        readiness: null,
        tests: null,
        startedAt: new Date(started).toISOString(),
        durationMs: 0,
        playwright: { runnerImage: opts.runnerImage, version: testsVersion, reportDir },
    };
    let ready = true;
    let stack;
    if (attached !== undefined) {
        stack = attached;
    }
    else if (target.kind === 'stack') {
        report.services = target.spec.services.map((s) => ({ name: s.name, image: s.image }));
        const t0 = Date.now();
        try {
            stack = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Start stack ${project} (${target.spec.services.length} services)`, () => _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .Stack */ .BJ.up({
                project,
                engine,
                spec: target.spec,
                readiness: {
                    timeoutMs: opts.readinessTimeoutMs ?? 120_000,
                    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
                },
                // The runner image is Debian with bash: it can probe ports on the network too.
                probeImage: opts.runnerImage,
                log,
            }));
            checks.push(check(`stack ready: ${target.spec.services.length} services`, 'PASSED', Date.now() - t0));
        }
        catch (err) {
            if (!(err instanceof _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .StackStartError */ .VE))
                throw err;
            stack = err.partialStack;
            ready = false;
            failures.push(err.message);
            checks.push(check(`stack ready: ${target.spec.services.length} services`, 'FAILED', Date.now() - t0, err.message));
        }
    }
    else {
        throw new Error('unreachable: a network target is attached above');
    }
    let testOutput = '';
    if (ready) {
        // The last readiness check already saw every container (see Stack.readyStatuses).
        const statuses = stack.readyStatuses ?? (await stack.inspect());
        const urls = (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .serviceUrls */ ._x)(statuses, 'container');
        const base = statuses.find((s) => s.service === opts.baseUrlService);
        report.services = statuses.map((s) => {
            const timing = stack.timings[s.service];
            const line = { name: s.service, image: s.image, container: s.container };
            if (s.urls.internal !== undefined)
                line.url = s.urls.internal;
            if (timing !== undefined) {
                line.readiness = timing.mode;
                line.startedAt = timing.startedAt;
                line.readyAt = timing.readyAt;
                line.readyAfterMs = timing.readyAt - timing.startedAt;
            }
            return line;
        });
        const baseUrl = base?.urls.internal;
        if (baseUrl === undefined) {
            const why = base === undefined
                ? `there is no service ${JSON.stringify(opts.baseUrlService)} (services: ${statuses.map((s) => s.service).join(', ')})`
                : `service ${opts.baseUrlService} has no port (give it ports or expose)`;
            failures.push(`input "${names.baseUrlService}": ${why}`);
            checks.push(check('playwright', 'SKIPPED', 0, why));
        }
        else {
            report.playwright.baseUrl = baseUrl;
            const verifying = stack.verifyDigests().then(() => undefined, (err) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err));
            const timings = Object.values(stack.timings);
            const testStartedAt = Date.now();
            if (timings.length > 0) {
                const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
                report.readiness = {
                    upMs: lastReadyAt - Math.min(...timings.map((t) => t.startedAt)),
                    lastReadyAt,
                    testStartedAt,
                    latencyMs: testStartedAt - lastReadyAt,
                };
            }
            const options = e2eContainerOptions({
                project,
                network: stack.network,
                image: opts.runnerImage,
                testsCopy,
                reportDir,
                baseUrl,
                serviceEnv: urls.env,
                retries: opts.retries,
                user,
                hosts: await stack.hosts(),
            });
            log(`BASE_URL=${baseUrl}`);
            const run = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Playwright in ${opts.runnerImage} against ${baseUrl}`, async () => {
                try {
                    // The engine's exec streams Playwright's list reporter to the log as it runs.
                    const r = await engine.runToCompletion(options);
                    return {
                        exitCode: r.exitCode,
                        output: `${r.stdout}${r.stderr}`,
                        error: undefined,
                    };
                }
                catch (err) {
                    return { exitCode: null, output: '', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err) };
                }
            });
            const durationMs = Date.now() - testStartedAt;
            testOutput = run.output;
            report.tests = {
                command: options.command?.join(' ') ?? '',
                where: 'container',
                image: opts.runnerImage,
                exitCode: run.exitCode,
                durationMs,
            };
            const digestError = await verifying;
            report.digestsVerified = digestError === undefined;
            checks.push(check('digests verified', digestError === undefined ? 'PASSED' : 'FAILED', 0, digestError));
            if (digestError !== undefined)
                failures.push(digestError);
            const json = await readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.json));
            const parsed = json !== undefined ? playwrightChecks(json) : undefined;
            if (parsed !== undefined) {
                checks.push(...parsed.checks);
                report.playwright.counts = parsed.counts;
            }
            if (run.exitCode !== 0) {
                const counts = parsed?.counts;
                const why = run.error ??
                    (counts !== undefined && counts.failed > 0
                        ? `${counts.failed} of ${counts.passed + counts.failed + counts.flaky} tests failed`
                        : `playwright exited with code ${run.exitCode}`);
                failures.push(`E2E tests: ${why}${run.output === '' ? '' : `; last output lines:\n${(0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(run.output, 20)}`}`);
                if (parsed === undefined || !parsed.checks.some((c) => c.result === 'FAILED')) {
                    checks.push(check('playwright', 'FAILED', durationMs, why));
                }
            }
            else if (parsed === undefined) {
                checks.push(check('playwright', 'PASSED', durationMs, 'no JSON report'));
            }
        }
    }
    const passed = failures.length === 0;
    report.result = passed ? 'passed' : 'failed';
    if (!passed)
        report.failure = failures.join('\n');
    if (!passed) {
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)('Collect the stack bundle', async () => {
            const bundle = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.stackBundle);
            try {
                await stack.collectBundle(bundle, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
                if (testOutput !== '')
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bundle, 'playwright.log'), testOutput);
                report.bundle = bundle;
            }
            catch (err) {
                log(`could not collect the stack bundle: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
            }
        });
    }
    if (target.kind === 'stack') {
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Tear down stack ${project}`, async () => {
            try {
                await stack.down({ volumes: 'all', stopTimeoutS: 5 });
            }
            catch (err) {
                log(`teardown left something behind (the post step retries): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
            }
        });
    }
    const outcome = { report, reportDir };
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)('Evidence', async () => {
        const stored = await writeAndStoreEvidence({
            images,
            env,
            checks,
            passed,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'evidence.dsse.json'),
            clientFor: opts.registryFor ?? ((registry) => new _registry_client_js__WEBPACK_IMPORTED_MODULE_8__/* .RegistryClient */ .bP({ registry, log })),
            log,
            ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        });
        outcome.evidencePath = stored.evidence.path;
        report.evidence = stored.evidence;
        if (stored.error !== undefined)
            outcome.evidenceError = stored.error;
    });
    const lanePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.lane);
    report.durationMs = Date.now() - started;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(lanePath, `${JSON.stringify(report, null, 2)}\n`);
    if (opts.upload !== undefined) {
        const result = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Upload the report as artifact ${opts.artifactName}`, () => opts.upload(opts.artifactName, reportDir));
        report.artifact = { name: opts.artifactName, ...result };
        report.durationMs = Date.now() - started;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(lanePath, `${JSON.stringify(report, null, 2)}\n`);
    }
    return outcome;
}
/** Why the step fails, or undefined when it passed. */
function e2eFailureMessage(outcome) {
    const parts = [outcome.report.failure, outcome.evidenceError].filter((p) => p !== undefined);
    return parts.length === 0 ? undefined : parts.join('\n');
}
/**
 * The post step: removes a stack main started (it was cancelled, or crashed before its own
 * teardown). A stack main only attached to is never touched.
 * @throws CleanupError when something could not be removed
 */
async function teardownE2e(engine, project, log = () => undefined) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    return (await (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .teardownLaneStack */ .jb)(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}
/** Resolves the tests input against the workspace and checks that it is a directory. */
async function resolveTestsDir(path, workspace, input) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
    const isDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).then((st) => st.isDirectory(), () => false);
    if (!isDir) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${path} is not a directory (resolved against ${workspace})`);
    }
    return dir;
}


/***/ }),

/***/ 47014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadStackFile: () => (/* binding */ loadStackFile),
/* harmony export */   wF: () => (/* binding */ summarizeLane)
/* harmony export */ });
/* unused harmony exports INTEGRATION_PROJECT_PREFIX, runIntegrationTest, teardownIntegrationTest, laneFailureMessage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _stack_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24925);
/* harmony import */ var _stack_lane_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17383);
/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared stack lane (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name, the summary and the post step's teardown.
 */





/** Prefix of integration-test project names (`it-<run id>-<random>`). */
const INTEGRATION_PROJECT_PREFIX = 'it';
/**
 * Reads and parses a stack file with the image set, before anything starts: a key outside the
 * subset, a tag, an image set entry with no service of that name all fail here.
 * @param path as the user wrote it (messages name it); read relative to `cwd`
 * @throws InputError naming `input` (the stack input) with the parser's file:line message
 */
async function loadStackFile(path, images, input, cwd = process.cwd()) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path), 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": cannot read the stack file ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    try {
        return (0,_stack_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStack */ .GI)(text, path, images);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`, { cause: err });
    }
}
/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
async function runIntegrationTest(opts) {
    const env = opts.env ?? process.env;
    const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    opts.onProject?.(project);
    return runStackLane({
        lane: 'integration',
        engine: opts.engine,
        spec: opts.spec,
        images: opts.images,
        project,
        tests: {
            command: opts.testCommand,
            workspace: opts.workspace,
            ...(opts.testImage ? { image: opts.testImage } : {}),
        },
        readinessTimeoutMs: opts.readinessTimeoutMs,
        keepOnFailure: opts.keepOnFailure,
        outDir: join(opts.tempDir, 'digestline-integration-test', project),
        env,
        ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
        ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
        ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        ...(opts.log !== undefined ? { log: opts.log } : {}),
    });
}
/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
async function teardownIntegrationTest(engine, project, kept, log = () => undefined) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    if (kept)
        return `stack ${project} kept running (keep-on-failure)`;
    return (await teardownLaneStack(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}
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


/***/ })

};
