export const id = 905;
export const ids = [905];
export const modules = {

/***/ 21905:
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

// EXTERNAL MODULE: ./packages/core/src/lanes/integration.ts + 20 modules
var integration = __webpack_require__(7378);
// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(74412);
// EXTERNAL MODULE: ./packages/core/src/summary.ts
var summary = __webpack_require__(56968);
// EXTERNAL MODULE: ./actions/integration-test/src/constants.ts
var constants = __webpack_require__(68573);
;// CONCATENATED MODULE: ./actions/integration-test/src/run.ts





/** Runs the lane with inputs already read and validated by `getInputs`. */
async function run(inputs) {
    const engine = selectEngine(inputs.engine);
    const outcome = await (0,integration/* runIntegrationTest */.Q1)({
        ...inputs,
        engine,
        // Saved before anything is created: a cancelled or crashed main still gets its teardown.
        onProject: (project) => {
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Project, project);
            (0,step/* saveState */.LZ)(constants/* State */.Uw.Engine, engine.kind);
        },
        // Loaded only on the failure path: @actions/artifact doubles the bundle's start-up time.
        upload: async (name, dir) => (await __webpack_require__.e(/* import() */ 151).then(__webpack_require__.bind(__webpack_require__, 151))).uploadDirectory(name, dir),
        log: step/* info */.pq,
    });
    if (outcome.kept)
        (0,step/* saveState */.LZ)(constants/* State */.Uw.Kept, 'true');
    (0,step/* setOutputs */.n0)({
        [constants/* Outputs */.tY.Result]: outcome.report.result,
        [constants/* Outputs */.tY.Report]: outcome.reportPath,
        [constants/* Outputs */.tY.Bundle]: outcome.bundlePath ?? '',
        [constants/* Outputs */.tY.Evidence]: outcome.evidencePath ?? '',
    });
    await (0,summary/* writeSummary */.Sy)((summary) => (0,integration/* summarizeLane */.wF)(summary, outcome.report));
    const failure = (0,integration/* laneFailureMessage */.Yq)(outcome);
    if (failure !== undefined)
        throw new Error(failure);
}
/** The post step: tears down the stack main started, if any. */
async function post() {
    const project = (0,step/* getState */.Gu)(constants/* State */.Uw.Project);
    if (project === '')
        return (0,step/* info */.pq)('integration-test post: main started no stack, nothing to tear down');
    const engine = selectEngine((0,step/* getState */.Gu)(constants/* State */.Uw.Engine) || 'auto');
    (0,step/* info */.pq)(await (0,integration/* teardownIntegrationTest */.p2)(engine, project, (0,step/* getState */.Gu)(constants/* State */.Uw.Kept) === 'true', step/* info */.pq));
}


/***/ })

};
