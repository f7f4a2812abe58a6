export const id = 402;
export const ids = [402];
export const modules = {

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
/* harmony import */ var _evidence_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21745);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78851);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(41397);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(44212);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(94262);
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


/***/ })

};
