export const id = 271;
export const ids = [271];
export const modules = {

/***/ 8271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e4: () => (/* binding */ e2eFailureMessage),
  resolveTestsDir: () => (/* binding */ resolveTestsDir),
  Kg: () => (/* binding */ runE2e),
  r5: () => (/* binding */ teardownE2e)
});

// UNUSED EXPORTS: E2E_PROJECT_PREFIX

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(73438);
// EXTERNAL MODULE: ./packages/core/src/summary.ts
var summary = __webpack_require__(56968);
// EXTERNAL MODULE: ./packages/core/src/stack/stack.ts + 12 modules
var stack_stack = __webpack_require__(16207);
// EXTERNAL MODULE: ./packages/core/src/stack/labels.ts
var labels = __webpack_require__(40184);
;// CONCATENATED MODULE: ./packages/core/src/lanes/attach.ts




/** The project of a digestline stack network (`dl-<project>-net`). */
function projectOfNetwork(network) {
    return /^dl-([a-z0-9][a-z0-9_-]*)-net$/.exec(network)?.[1];
}
/**
 * The projects a network name could belong to: `dl-<project>-net` for a stack on one network,
 * `dl-<project>-<network>` for one on several (a project may contain `-`, so every split is a
 * candidate; the stack label decides). Shortest project first.
 */
function projectsOfNetwork(network) {
    const rest = /^dl-(.+)$/.exec(network)?.[1] ?? '';
    const projects = [];
    for (let i = rest.indexOf('-'); i > 0; i = rest.indexOf('-', i + 1)) {
        const project = rest.slice(0, i);
        if (/^[a-z0-9][a-z0-9_-]*$/.test(project) && i < rest.length - 1)
            projects.push(project);
    }
    return projects;
}
/** Finds the stack on `network` and the image set it runs. */
async function attachToNetwork(engine, target, input, imagesInput) {
    let project;
    for (const candidate of projectsOfNetwork(target.network)) {
        const labelled = await engine.networkList({ label: `${labels/* STACK_LABEL */.GF}=${candidate}` });
        if (labelled.includes(target.network)) {
            project = candidate;
            break;
        }
    }
    if (project === undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${target.network} is not the network of a running digestline stack (dl-<project>-net, or dl-<project>-<network> for a stack on several networks, labelled ${labels/* STACK_LABEL */.GF}=<project>); start the stack with integration-test (keep-on-failure) or deploy-staging, or give stack and images instead`);
    }
    const stack = await stack_stack/* Stack */.B.attach(project, engine);
    const statuses = await stack.inspect();
    if (statuses.length === 0) {
        throw new errors/* InputError */.dz(input, `input "${input}": the stack on ${target.network} has no service containers`);
    }
    const running = new Map();
    for (const s of statuses)
        if (!running.has(s.image))
            running.set(s.image, s.service);
    if (target.images !== undefined && target.images.length > 0) {
        const wrong = target.images.filter((e) => !running.has((0,reference/* pinnedReference */.ct)(e)));
        if (wrong.length > 0) {
            throw new errors/* InputError */.dz(imagesInput, `input "${imagesInput}": no service on ${target.network} runs ${wrong.map((e) => `${e.name}=${(0,reference/* pinnedReference */.ct)(e)}`).join(', ')} (it runs ${[...running.keys()].join(', ')})`);
        }
        return { stack, images: target.images };
    }
    const images = [];
    for (const [image, service] of running) {
        const ref = (0,reference/* parseReference */.F2)(image);
        if (ref.digest === undefined) {
            throw new errors/* InputError */.dz(input, `input "${input}": service ${service} on ${target.network} runs ${image}, which is not a digest reference`);
        }
        images.push((0,reference/* pinImage */.nH)(service, { registry: ref.registry, repository: ref.repository, digest: ref.digest }));
    }
    return { stack, images };
}

// EXTERNAL MODULE: ./packages/core/src/lanes/check.ts
var check = __webpack_require__(84648);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(78851);
// EXTERNAL MODULE: ./packages/core/src/lanes/command-tester.ts + 1 modules
var command_tester = __webpack_require__(91126);
;// CONCATENATED MODULE: ./packages/core/src/lanes/e2e-runner.ts
/**
 * The E2E runner container: the runner image's user, the tests copy linked to the image's own
 * Playwright, the report directory it writes, and the `run` options that put them together on the
 * stack network.
 */





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
        throw new Error(`cannot tell the uid of user ${JSON.stringify(user)} of runner image ${image} (id exited ${r.exitCode}: ${(0,exec/* tailLines */.os)(`${r.stdout}${r.stderr}`, 3)})`);
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
    await (0,promises_.cp)(testsDir, dest, {
        recursive: true,
        filter: (source) => {
            const rel = source.slice(testsDir.length).split('/').filter(Boolean);
            return !(rel.length === 1 && skip.has(rel[0])) && !rel.includes('node_modules');
        },
    });
    await (0,promises_.symlink)(RUNNER_NODE_MODULES, (0,external_node_path_.join)(dest, 'node_modules'));
}
/**
 * Makes the report directory writable for the runner image's user: owned by its uid when this
 * process may chown (root, or the same uid), else world-writable (a non-root runner with a rootful
 * or rootless engine, where the container's uid is not ours to give files to).
 */
async function prepareReportDir(dir, owner) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const me = process.getuid?.();
    if (me === owner.uid)
        return 'owned by this process already';
    if (me === 0) {
        await (0,promises_.chown)(dir, owner.uid, owner.gid);
        return `owned by ${owner.uid}:${owner.gid}`;
    }
    await (0,promises_.chmod)(dir, 0o777);
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
        ...(0,labels/* joinNetworks */.kW)(o.network),
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
        labels: { [labels/* STACK_LABEL */.GF]: o.project, [labels/* CONTAINER_ROLE_LABEL */.gt]: command_tester/* TESTS_ROLE */.Tc },
        command: playwrightCommand(o.retries),
    };
}

// EXTERNAL MODULE: ./packages/core/src/engine/staging.ts
var staging = __webpack_require__(85734);
;// CONCATENATED MODULE: ./packages/core/src/lanes/playwright-report.ts
/**
 * Playwright's JSON report as the lane reads it: one evidence check per spec file, and the counts
 * the summary shows.
 */


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
                detail: (0,check/* checkDetail */.E)(detail),
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
            detail: (0,check/* checkDetail */.E)(detail),
        });
    }
    return { checks, counts };
}
/** The JSON report at `path`; undefined when Playwright wrote none (or not a readable one). */
async function readPlaywrightJson(path) {
    try {
        return JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/lanes/e2e-tester.ts
/**
 * e2e-run's tester: Playwright from the runner image, in a container on the stack network against
 * the base service's internal URL, its verdict read from Playwright's JSON report (one check per
 * spec file).
 */








/** Turns the run and Playwright's JSON report into the lane's checks and failures. */
async function verdict(o, run, durationMs) {
    const result = { output: run.output, checks: [], failures: [] };
    const json = await readPlaywrightJson((0,external_node_path_.join)(o.reportDir, REPORT_FILES.json));
    const parsed = json !== undefined ? playwrightChecks(json) : undefined;
    if (parsed !== undefined) {
        result.checks.push(...parsed.checks);
        o.playwright.counts = parsed.counts;
    }
    if (run.exitCode !== 0) {
        const counts = parsed?.counts;
        const why = run.error ??
            (counts !== undefined && counts.failed > 0
                ? `${counts.failed} of ${counts.passed + counts.failed + counts.flaky} tests failed`
                : `playwright exited with code ${run.exitCode}`);
        result.failures.push(`E2E tests: ${why}${run.output === '' ? '' : `; last output lines:\n${(0,exec/* tailLines */.os)(run.output, 20)}`}`);
        if (parsed === undefined || !parsed.checks.some((c) => c.result === 'FAILED')) {
            result.checks.push((0,check/* laneCheck */.n)('playwright', 'FAILED', durationMs, why));
        }
    }
    else if (parsed === undefined) {
        result.checks.push((0,check/* laneCheck */.n)('playwright', 'PASSED', durationMs, 'no JSON report'));
    }
    return result;
}
/** The Playwright tester: e2e-run's tests, as a {@link LaneTester}. */
function playwrightTester(o) {
    const run = async (stack, env, baseUrl, testStartedAt) => {
        const options = e2eContainerOptions({
            project: stack.project,
            network: stack.networks,
            image: o.runnerImage,
            testsCopy: o.testsCopy,
            reportDir: o.reportDir,
            baseUrl,
            serviceEnv: env,
            retries: o.retries,
            user: o.user,
            hosts: await stack.hosts(),
        });
        o.log.info(`BASE_URL=${baseUrl}`);
        const ran = await (0,summary/* group */.Os)(`Playwright in ${o.runnerImage} against ${baseUrl}`, async () => {
            let staged;
            try {
                // Copy mode: the tests and the report directory reach the container through the engine; the
                // report comes back out afterwards, so the lane reads it where it always does.
                staged = await (0,staging/* stageRunMounts */.O0)(o.engine, options, `${options.name ?? 'e2e'}-files`);
                // The engine's exec streams Playwright's list reporter to the log as it runs.
                const r = await o.engine.runToCompletion(staged.options);
                return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`, error: undefined };
            }
            catch (err) {
                return { exitCode: null, output: '', error: (0,errors/* errorMessage */.gJ)(err) };
            }
            finally {
                if (staged !== undefined) {
                    await (0,staging/* finishStagedRun */.xW)(o.engine, staged).catch((err) => o.log.warning(`copying the report back from the engine failed: ${(0,errors/* errorMessage */.gJ)(err)}`));
                }
            }
        });
        const durationMs = Date.now() - testStartedAt;
        const result = await verdict(o, ran, durationMs);
        result.tests = {
            command: options.command?.join(' ') ?? '',
            where: 'container',
            image: o.runnerImage,
            exitCode: ran.exitCode,
            durationMs,
        };
        return result;
    };
    return {
        where: 'container',
        // The runner image is Debian with bash: it can probe ports on the network too.
        probeImage: o.runnerImage,
        initialChecks: o.initialChecks,
        skippedWhenNotStarted: [],
        plan: async (stack, statuses, urls) => {
            const base = statuses.find((s) => s.service === o.baseUrlService);
            const baseUrl = base?.urls.internal;
            if (baseUrl === undefined) {
                const why = base === undefined
                    ? `there is no service ${JSON.stringify(o.baseUrlService)} (services: ${statuses.map((s) => s.service).join(', ')})`
                    : `service ${o.baseUrlService} has no port (give it ports or expose)`;
                return {
                    skip: {
                        failure: `input "${o.baseUrlInput}": ${why}`,
                        check: (0,check/* laneCheck */.n)('playwright', 'SKIPPED', 0, why),
                    },
                };
            }
            o.playwright.baseUrl = baseUrl;
            return { run: (testStartedAt) => run(stack, urls.env, baseUrl, testStartedAt) };
        },
    };
}

// EXTERNAL MODULE: ./packages/core/src/lanes/evidence.ts + 6 modules
var evidence = __webpack_require__(57269);
// EXTERNAL MODULE: ./packages/core/src/lanes/names.ts
var lanes_names = __webpack_require__(8468);
// EXTERNAL MODULE: ./packages/core/src/lanes/pipeline.ts
var pipeline = __webpack_require__(19008);
// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
;// CONCATENATED MODULE: ./packages/core/src/lanes/playwright-version.ts
/**
 * The Playwright version check, before anything starts: the tests pin an exact `@playwright/test`,
 * the runner image states its own in a label, and the two must agree.
 */





/** Image label carrying the runner image's @playwright/test version. */
const PLAYWRIGHT_VERSION_LABEL = 'org.digestline.playwright.version';
/** The npm package whose version the tests and the runner image must agree on. */
const PLAYWRIGHT_PACKAGE = '@playwright/test';
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
        throw new errors/* InputError */.dz(input, `input "${input}": ${file} is not valid JSON: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    const declared = pkg.devDependencies?.[PLAYWRIGHT_PACKAGE] ?? pkg.dependencies?.[PLAYWRIGHT_PACKAGE];
    if (declared === undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${file} does not list ${PLAYWRIGHT_PACKAGE} in dependencies or devDependencies; pin the version the runner image has, e.g. "${PLAYWRIGHT_PACKAGE}": "1.65.1"`);
    }
    const version = typeof declared === 'string' ? declared.trim() : '';
    if (!EXACT_VERSION.test(version)) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${file} must pin ${PLAYWRIGHT_PACKAGE} to an exact version (like "1.65.1"), got ${JSON.stringify(declared)}: the tests run with the runner image's Playwright, so a range would hide a mismatch`);
    }
    return version;
}
/** Reads `<tests>/package.json` (see {@link testsPlaywrightVersion}). */
async function readTestsPlaywrightVersion(testsDir, shownAs, input) {
    const file = (0,external_node_path_.join)(shownAs, 'package.json');
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.join)(testsDir, 'package.json'), 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": cannot read ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    return testsPlaywrightVersion(text, file, input);
}
/** Whether an image reference names a loopback registry (pulled over plain http). */
function onLoopbackRegistry(ref) {
    try {
        return (0,loopback/* isLoopbackRegistry */.j)((0,reference/* parseReference */.F2)(ref).registry);
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
        log.info(`pulling runner image ${image}`);
        await engine.pull(image, { insecure: onLoopbackRegistry(image) });
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
    throw new Error(`Playwright version mismatch: runner image ${v.runnerImage} has ${PLAYWRIGHT_PACKAGE} ${v.runnerVersion} (label ${PLAYWRIGHT_VERSION_LABEL}), but ${(0,external_node_path_.join)(v.tests, 'package.json')} pins ${v.testsVersion}; pin "${PLAYWRIGHT_PACKAGE}": "${v.runnerVersion}" in the tests or use a runner image built with ${v.testsVersion}`);
}

// EXTERNAL MODULE: ./packages/core/src/lanes/report.ts
var report = __webpack_require__(9720);
// EXTERNAL MODULE: ./packages/core/src/lanes/teardown.ts
var teardown = __webpack_require__(74562);
;// CONCATENATED MODULE: ./packages/core/src/lanes/e2e.ts
/**
 * The browser E2E lane: Playwright from a dedicated, digest-pinned runner image (Debian's chromium,
 * node and a pinned @playwright/test under /opt/playwright) runs in a container on the stack's
 * network against `http://<service>:<port>`. It runs the shared lane pipeline (pipeline.ts) with the
 * Playwright tester (e2e-tester.ts), and adds what E2E needs before it: the Playwright version check
 * (playwright-version.ts), the runner image's user and a writable report directory (e2e-runner.ts),
 * attaching to a stack that is already running (attach.ts); and after it, the report directory
 * uploaded as an artifact.
 */
















/** Prefix of e2e-run project names (`e2e-<run id>-<random>`). */
const E2E_PROJECT_PREFIX = 'e2e';
/** Attaches to the stack on the target network, or names the stack this run starts. */
async function e2eSubject(request, deps, names, log) {
    const { target } = request;
    const env = deps.env ?? process.env;
    if (target.kind === 'network') {
        const found = await attachToNetwork(deps.engine, target, names.network, names.images);
        const stack = found.stack;
        (0,evidence/* assertEvidencePossible */.lE)('e2e', found.images, env);
        log.info(`attached to stack ${stack.project} on ${target.network}; it is left running afterwards`);
        return { stack: { attached: stack }, images: found.images, project: stack.project };
    }
    const project = (0,lanes_names/* laneProjectName */.Fr)(E2E_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    deps.onProject?.(project);
    return {
        stack: {
            start: target.spec,
            readinessTimeoutMs: request.readinessTimeoutMs ?? 120_000,
            ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
        },
        images: target.images,
        project,
    };
}
/**
 * The checks before anything is created: the Playwright versions of runner image and tests (the
 * image pulled if needed), then, for a stack to start, the evidence subjects and the base service.
 * @returns the version check and the uid/gid the runner image runs as
 */
async function preflight(request, deps, names, log) {
    const { engine } = deps;
    const { target } = request;
    const testsVersion = await readTestsPlaywrightVersion(request.testsDir, request.testsShownAs, names.tests);
    const runner = await inspectRunnerImage(engine, request.runnerImage, log);
    checkPlaywrightVersions({
        runnerImage: request.runnerImage,
        runnerVersion: runner.playwrightVersion,
        tests: request.testsShownAs,
        testsVersion,
    });
    log.info(`${PLAYWRIGHT_PACKAGE} ${testsVersion} in both the runner image and ${request.testsShownAs}`);
    if (target.kind === 'stack') {
        (0,evidence/* assertEvidencePossible */.lE)('e2e', target.images, deps.env ?? process.env);
        if (!target.spec.services.some((s) => s.name === request.baseUrlService)) {
            throw new errors/* InputError */.dz(names.baseUrlService, `input "${names.baseUrlService}": ${target.spec.source} has no service ${JSON.stringify(request.baseUrlService)} (services: ${target.spec.services.map((s) => s.name).join(', ')})`);
        }
    }
    return {
        versionCheck: (0,check/* laneCheck */.n)(`playwright version ${testsVersion} (runner image and tests)`, 'PASSED', 0),
        version: testsVersion,
        user: await runnerUser(engine, request.runnerImage, runner.user),
    };
}
/** The E2E report in its starting state: the lane's report with the target and Playwright. */
function startingReport(request, subject, o) {
    const { target } = request;
    const { lane, ...base } = (0,report/* newLaneReport */.VS)({
        lane: 'e2e',
        project: subject.project,
        engine: o.engine,
        stack: target.kind === 'stack' ? target.spec.source : `attached: network ${target.network}`,
        images: subject.images,
        services: target.kind === 'stack'
            ? target.spec.services.map((s) => ({ name: s.name, image: (0,reference/* pinnedReference */.ct)(s.image) }))
            : [],
        started: o.started,
    });
    // `target` second, as the report has always listed it.
    return {
        lane,
        target: target.kind,
        ...base,
        playwright: { runnerImage: request.runnerImage, version: o.version, reportDir: o.reportDir },
    };
}
/**
 * Runs the E2E lane. Order: the Playwright versions of runner image and tests are compared (the
 * image pulled if needed) before anything is created; then the stack starts (or the running one on
 * `network` is found), Playwright runs in the runner image on the stack network, evidence is
 * written and stored next to every tested digest, the stack is torn down (never an attached one),
 * and the report directory is uploaded.
 *
 * Never throws for failing tests or a stack that does not start: the outcome says `failed`.
 * @throws InputError / Error for problems found before anything started (version mismatch, a
 *   runner image without the version label, a missing commit for the evidence, a bad network)
 */
async function runE2e(request, deps) {
    const log = deps.log ?? src_log/* silentLog */.a;
    const env = deps.env ?? process.env;
    const { engine } = deps;
    const { target } = request;
    const names = {
        tests: request.inputs?.tests ?? 'tests',
        network: request.inputs?.network ?? 'network',
        images: request.inputs?.images ?? 'images',
        baseUrlService: request.inputs?.baseUrlService ?? 'base-url-service',
    };
    const started = Date.now();
    const checked = await preflight(request, deps, names, log);
    const subject = await e2eSubject(request, deps, names, log);
    const { project, images } = subject;
    const outDir = (0,external_node_path_.join)(request.tempDir, 'digestline-e2e-run', target.kind === 'stack' ? project : `${project}-${Date.now()}`);
    const reportDir = (0,external_node_path_.join)(outDir, 'report');
    const testsCopy = (0,external_node_path_.join)(outDir, 'tests');
    await (0,promises_.mkdir)(outDir, { recursive: true });
    await prepareTestsCopy(request.testsDir, testsCopy);
    log.info(`report directory ${reportDir}: ${await prepareReportDir(reportDir, checked.user)}`);
    const report = startingReport(request, subject, {
        engine: engine.kind,
        version: checked.version,
        reportDir,
        started,
    });
    const tester = playwrightTester({
        engine,
        runnerImage: request.runnerImage,
        baseUrlService: request.baseUrlService,
        baseUrlInput: names.baseUrlService,
        retries: request.retries,
        testsCopy,
        reportDir,
        user: checked.user,
        initialChecks: [checked.versionCheck],
        playwright: report.playwright,
        log,
    });
    const lanePath = (0,external_node_path_.join)(reportDir, REPORT_FILES.lane);
    const ran = await (0,pipeline/* runLane */.i)({
        engine,
        stack: subject.stack,
        images,
        project,
        report,
        started,
        keepOnFailure: false,
        outDir,
        reportPath: lanePath,
        bundle: {
            dir: (0,external_node_path_.join)(reportDir, REPORT_FILES.stackBundle),
            title: 'Collect the stack bundle',
            noun: 'stack bundle',
            testLog: 'playwright.log',
        },
        env,
        log,
        ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
        ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
    }, tester);
    const outcome = { report, reportDir };
    if (ran.evidencePath !== undefined)
        outcome.evidencePath = ran.evidencePath;
    if (ran.evidenceError !== undefined)
        outcome.evidenceError = ran.evidenceError;
    if (deps.upload !== undefined) {
        const upload = deps.upload;
        const result = await (0,summary/* group */.Os)(`Upload the report as artifact ${request.artifactName}`, () => upload(request.artifactName, reportDir));
        report.artifact = { name: request.artifactName, ...result };
        report.durationMs = Date.now() - started;
        await (0,promises_.writeFile)(lanePath, `${JSON.stringify(report, null, 2)}\n`);
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
async function teardownE2e(engine, project, log = src_log/* silentLog */.a) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    return (await (0,teardown/* teardownLaneStack */.j)(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}
/** Resolves the tests input against the workspace and checks that it is a directory. */
async function resolveTestsDir(path, workspace, input) {
    const dir = (0,external_node_path_.resolve)(workspace, path);
    const isDir = await (0,promises_.stat)(dir).then((st) => st.isDirectory(), () => false);
    if (!isDir) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${path} is not a directory (resolved against ${workspace})`);
    }
    return dir;
}


/***/ })

};
