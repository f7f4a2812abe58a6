export const id = 357;
export const ids = [357];
export const modules = {

/***/ 5357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  post: () => (/* binding */ post),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(1397);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./packages/core/src/commands.ts
var commands = __webpack_require__(508);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
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
        commands/* warning */.$e(`could not build the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            commands/* info */.pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        commands/* debug */.Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,promises_.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        commands/* warning */.$e(`could not write the job summary to ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
        commands/* info */.pq(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        commands/* startGroup */.Oh(title);
        return await fn();
    }
    finally {
        commands/* endGroup */.N4();
        groupDepth--;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/image/metadata.ts
function stringLabels(labels) {
    const out = {};
    if (typeof labels !== 'object' || labels === null)
        return out;
    for (const [k, v] of Object.entries(labels))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
/** Reduces a policy result to its summary. */
function policySummary(result) {
    if (result === undefined)
        return null;
    return {
        source: result.source,
        passed: result.passed,
        violations: result.violations.map((v) => v.message),
    };
}
/** Metadata of a pushed image. */
function pushedMetadata(options) {
    const { image } = options;
    return {
        image: `${options.repository}@${image.digest}`,
        digest: image.digest,
        mediaType: image.mediaType,
        configDigest: image.configDigest,
        platform: image.platform,
        size: image.size,
        tags: options.tags,
        labels: stringLabels(image.config.config?.Labels),
        revision: options.commit.revision,
        created: options.commit.created,
        role: options.role,
        policy: policySummary(options.policy),
    };
}
/** Metadata of an image that was built but not pushed (from the engine's inspect). */
function localMetadata(options) {
    return {
        image: null,
        digest: null,
        mediaType: null,
        configDigest: options.imageId,
        platform: null,
        size: null,
        tags: [],
        labels: options.labels,
        revision: options.commit.revision,
        created: options.commit.created,
        role: options.role,
        policy: null,
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/image/policy-check.ts
/**
 * The image policy applied to a pushed image, read from the registry. The policy, glob and tar code
 * is imported on first use, so builds without a policy never load it.
 */


/** How many layer blobs are streamed at once. */
const LAYER_CONCURRENCY = 3;
/**
 * Runs `fn` over `items` with at most `limit` in flight. After a failure no new item starts; the
 * ones in flight are awaited, then the first error is thrown.
 */
async function forEachConcurrent(items, limit, fn) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure !== undefined)
        throw failure.error;
}
/**
 * The merged filesystem of an image: every layer blob is streamed from the registry through the tar
 * lister (several at once; contents are skipped, only names and metadata kept), then the listings are
 * applied in manifest order, since whiteouts in one layer delete what the layers below it added.
 */
async function readImageFiles(client, repository, layers, concurrency = LAYER_CONCURRENCY) {
    const [{ listLayerEntries }, { FileTree }] = await Promise.all([
        __webpack_require__.e(/* import() */ 428).then(__webpack_require__.bind(__webpack_require__, 5428)),
        __webpack_require__.e(/* import() */ 694).then(__webpack_require__.bind(__webpack_require__, 9694)),
    ]);
    const listings = new Array(layers.length);
    await forEachConcurrent(layers, concurrency, async (layer, index) => {
        const blob = await client.getBlob(repository, layer.digest);
        const entries = [];
        try {
            for await (const entry of listLayerEntries(blob.stream, layer.mediaType))
                entries.push(entry);
        }
        catch (err) {
            await blob.stream.cancel().catch(() => undefined);
            const message = err instanceof Error ? err.message : String(err);
            throw new Error(`layer ${index + 1}/${layers.length} (${layer.digest}): ${message}`, { cause: err });
        }
        listings[index] = entries;
    });
    const tree = new FileTree();
    for (const entries of listings)
        tree.applyLayer(entries);
    return tree;
}
/**
 * Checks a pushed image against a policy: size from the manifest, user, labels and health check from
 * the config blob, and (only when the policy has `forbid` rules) the filesystem from the layers.
 */
async function checkPushedImage(client, repository, image, policy, concurrency = LAYER_CONCURRENCY) {
    const { checkImage, policyNeedsFiles } = await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.bind(__webpack_require__, 6443));
    const files = policyNeedsFiles(policy)
        ? await readImageFiles(client, repository, image.layers, concurrency)
        : undefined;
    return checkImage(policy, {
        sizeCompressed: image.size,
        config: image.config,
        ...(files ? { files } : {}),
    });
}
/** Writes the policy report JSON (creating its directory) and returns what was written. */
async function writePolicyReport(path, image, digest, result) {
    const report = {
        image,
        digest,
        policy: result.source,
        passed: result.passed,
        violations: result.violations,
        checked: result.checked,
    };
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    return report;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/media-types.ts
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

;// CONCATENATED MODULE: ./packages/core/src/image/pushed-image.ts

/** The platform picked from an index (and the one reported for single-image manifests). */
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
/** Compressed size of an image manifest: config size plus every layer's size. */
function compressedSize(manifest) {
    const config = manifest.config?.size ?? 0;
    return (manifest.layers ?? []).reduce((sum, layer) => sum + layer.size, config);
}
/**
 * Picks the child of an index for `platform`; attestation manifests (`unknown/unknown`) never match.
 * @throws Error listing the platforms the index has
 */
function selectPlatformManifest(index, platform = DEFAULT_PLATFORM) {
    const children = index.manifests ?? [];
    const match = children.find((m) => isImageManifestMediaType(m.mediaType) &&
        m.platform?.os === platform.os &&
        m.platform.architecture === platform.architecture);
    if (match !== undefined)
        return match;
    const have = children.map((m) => m.platform ? `${m.platform.os}/${m.platform.architecture}` : m.mediaType);
    throw new Error(`the pushed index has no ${platform.os}/${platform.architecture} image (it has: ${have.join(', ') || 'nothing'})`);
}
/** The platform an image config states (os/architecture/variant). */
function platformOf(config) {
    const platform = {
        os: typeof config.os === 'string' ? config.os : '',
        architecture: typeof config.architecture === 'string' ? config.architecture : '',
    };
    if (typeof config.variant === 'string' && config.variant !== '')
        platform.variant = config.variant;
    return platform;
}
async function readConfig(client, repository, descriptor) {
    const blob = await client.getBlob(repository, descriptor.digest);
    // The stream is digest-verified as it ends; reading it whole is what triggers the check.
    const text = await new Response(blob.stream).text();
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new Error(`config blob ${descriptor.digest} of ${client.registry}/${repository} is not JSON`, {
            cause: err,
        });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new Error(`config blob ${descriptor.digest} of ${client.registry}/${repository} is not a JSON object`);
    }
    return json;
}
function imageParts(manifest, where) {
    if (!isImageManifestMediaType(manifest.mediaType)) {
        throw new Error(`${where} is a ${manifest.mediaType}, not an image manifest or index`);
    }
    const config = manifest.json.config;
    if (config === undefined)
        throw new Error(`${where} has no config descriptor`);
    return { config, layers: manifest.json.layers ?? [] };
}
/**
 * Fetches what the registry holds under `digest`: Docker v2 or OCI manifests, or an index (then its
 * linux/amd64 child is read and `digest` stays the index's).
 */
async function readPushedImage(client, repository, digest) {
    const top = await client.getManifest(repository, digest);
    let image = top;
    if (isIndexMediaType(top.mediaType)) {
        const child = selectPlatformManifest(top.json);
        image = await client.getManifest(repository, child.digest);
    }
    const where = `${client.registry}/${repository}@${image.digest}`;
    const { config: configDescriptor, layers } = imageParts(image, where);
    const config = await readConfig(client, repository, configDescriptor);
    return {
        digest: top.digest,
        mediaType: top.mediaType,
        bytes: top.bytes,
        manifest: { digest: image.digest, mediaType: image.mediaType, json: image.json },
        configDigest: configDescriptor.digest,
        config,
        layers,
        size: compressedSize(image.json),
        platform: platformOf(config),
    };
}
/**
 * Puts the pushed manifest's exact bytes under each extra tag (no rebuild, no re-push: the digest
 * cannot change), then checks that every tag, `pushedTag` included, resolves to `image.digest`.
 * @throws Error naming a tag that resolves elsewhere
 */
async function tagPushedImage(client, repository, image, pushedTag, extraTags) {
    for (const tag of extraTags) {
        if (tag !== pushedTag)
            await client.putManifest(repository, tag, image.bytes, image.mediaType);
    }
    for (const tag of [pushedTag, ...extraTags]) {
        const head = await client.headManifest(repository, tag);
        if (head?.digest !== image.digest) {
            throw new Error(`tag ${client.registry}/${repository}:${tag} resolves to ${head?.digest ?? 'nothing'}, not to the pushed ${image.digest}`);
        }
    }
}

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
            (0,commands/* setSecret */.Pq)(secret);
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
            throw new errors/* ExecError */.cI(argv, null, '', `${argv.join(' ')} could not be started: ${redact(reason, secrets)}`, {
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
            throw new errors/* ExecError */.cI(argv, null, stderrTail, stderrTail === '' ? what : `${what}:\n${stderrTail}`);
        }
        if (result.exitCode !== 0 && !opts.ignoreReturnCode) {
            const what = `${argv.join(' ')} exited with code ${result.exitCode}`;
            if (stderrTail !== '')
                throw new errors/* ExecError */.cI(argv, result.exitCode, stderrTail, `${what}:\n${stderrTail}`);
            // Some tools report failures on stdout; an empty stderr must not leave the reader with nothing.
            const stdoutTail = redact(tailLines(result.stdout), secrets);
            throw new errors/* ExecError */.cI(argv, result.exitCode, '', stdoutTail === ''
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

;// CONCATENATED MODULE: ./packages/core/src/image/transient.ts
/**
 * Builds that survive a mirror's bad minute. A build is retried only when the step that failed says
 * something only the network says (a name that did not resolve, a reset or timed-out connection, a
 * 5xx or a 404 on a package index from the mirror); a failing RUN, a syntax error or a missing file
 * fails at once. Several builds running apt at once on one host hit exactly these (issue 17).
 */


/** The failures worth another build: kept small, each one seen in real engine or apt output. */
const TRANSIENT_BUILD_FAILURES = [
    {
        reason: 'a name did not resolve',
        // apt: "Temporary failure resolving 'deb.debian.org'"; Go (image pulls): "...in name
        // resolution"; curl: "Could not resolve host"; npm: "getaddrinfo EAI_AGAIN".
        pattern: /Temporary failure (?:resolving|in name resolution)|Could not resolve host|getaddrinfo EAI_AGAIN/,
    },
    { reason: 'a connection was reset', pattern: /[Cc]onnection reset by peer|\bECONNRESET\b/ },
    {
        reason: 'a connection timed out',
        pattern: /[Cc]onnection timed out|\bETIMEDOUT\b|i\/o timeout|TLS handshake timeout/,
    },
    {
        reason: 'a server answered 5xx',
        // apt: "Failed to fetch http://…  503  Service Unavailable [IP: …]"; registries alike.
        pattern: /\b50[0234]\s+(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/,
    },
    {
        reason: 'the mirror answered 404 for a package index',
        // apt: "Failed to fetch http://deb.debian.org/debian/dists/trixie/main/binary-amd64/Packages.xz  404  Not Found"
        // while the mirror is being updated; a 404 on a .deb or a URL the Containerfile names is not this.
        pattern: /\/dists\/\S+\s+404\s+Not Found/,
    },
];
/**
 * Tells whether a build failed on something transient. Only a {@link BuildError}'s failing step is
 * read (not the steps that passed before it); any other error is judged by its message.
 * @returns undefined when nothing in the output is known to be transient
 */
function transientBuildFailure(err) {
    const text = err instanceof BuildError ? err.stepOutput : (0,errors/* errorMessage */.gJ)(err);
    for (const line of text.split(/\r?\n/)) {
        const hit = TRANSIENT_BUILD_FAILURES.find((t) => t.pattern.test(line));
        if (hit !== undefined)
            return { reason: hit.reason, line: line.trim() };
    }
    return undefined;
}
/**
 * `engine.build`, tried again (at most `retries` times) when it failed on something transient; each
 * retry is a warning naming the failure and the attempt. A non-transient failure is thrown at once.
 * @throws the build's error, with the attempts counted when the last of several failed
 */
async function buildWithRetry(engine, opts, log, { retries = 2, delayMs = (n) => 10_000 * (n - 1), sleep = defaultSleep } = {}) {
    const attempts = retries + 1;
    for (let attempt = 1;; attempt++) {
        try {
            const id = await engine.build(opts);
            if (attempt > 1)
                log.info(`the build passed on attempt ${attempt} of ${attempts}`);
            return id;
        }
        catch (err) {
            const transient = transientBuildFailure(err);
            if (transient === undefined)
                throw err;
            if (attempt === attempts) {
                throw new Error(`the build failed ${attempts} times, the last time because ${transient.reason} ` +
                    `(${JSON.stringify(transient.line)}): ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
            const wait = delayMs(attempt + 1);
            log.warning(`build attempt ${attempt} of ${attempts} failed because ${transient.reason} ` +
                `(${JSON.stringify(transient.line)}); building again in ${Math.round(wait / 1000)} s`);
            await sleep(wait);
        }
    }
}
function defaultSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./packages/core/src/image/build-image.ts






async function timed(fn) {
    const started = performance.now();
    const value = await fn();
    return [value, Math.round(performance.now() - started)];
}
/**
 * Builds, pushes, tags and checks one image. A policy violation does not throw: the result carries
 * it (and the report is written), so the caller can set outputs before failing the step.
 *
 * @throws Error when the build, push, read-back or tagging fails, or a tag resolves to another digest
 */
async function buildImage(request, deps) {
    const { engine, log } = deps;
    if (request.policy !== undefined && (!request.push || request.policyReportPath === undefined)) {
        throw new Error('buildImage: a policy is checked against the pushed image, so it needs push and a report path');
    }
    const repo = (0,src_reference/* repositoryName */.aR)(request.repository);
    const commitTag = request.commit.revision;
    const localRef = `${repo}:${commitTag}`;
    const { cacheFrom, cacheTo } = request.build;
    if (cacheFrom !== undefined || cacheTo !== undefined)
        log.info(`registry cache: from ${cacheFrom ?? 'none'}, to ${cacheTo ?? 'none'}`);
    const [imageId, buildMs] = await group(`Build ${localRef}`, () => timed(() => buildWithRetry(engine, { ...request.build, tags: [localRef] }, log, deps.retry)));
    log.info(`built ${imageId} in ${(buildMs / 1000).toFixed(1)} s`);
    if (!request.push) {
        const info = await engine.inspectImage(imageId);
        return {
            imageId,
            tags: [],
            metadata: localMetadata({ imageId, labels: info.labels, commit: request.commit, role: request.role }),
            timings: { buildMs },
        };
    }
    const tags = [commitTag, ...request.extraTags.filter((t) => t !== commitTag)];
    const [pushed, pushMs] = await group(`Push ${localRef}`, () => timed(() => pushAndTag(request, deps, localRef, tags, imageId)));
    let policy;
    let policyMs;
    if (request.policy !== undefined && request.policyReportPath !== undefined) {
        const checkedPolicy = request.policy;
        const reportPath = request.policyReportPath;
        [policy, policyMs] = await group(`Policy ${checkedPolicy.source}`, () => timed(() => checkPolicy(request, deps, pushed, checkedPolicy, reportPath)));
    }
    const result = {
        imageId,
        pushed,
        tags,
        metadata: pushedMetadata({
            repository: repo,
            image: pushed,
            tags,
            commit: request.commit,
            role: request.role,
            ...(policy ? { policy } : {}),
        }),
        timings: { buildMs, pushMs, ...(policyMs !== undefined ? { policyMs } : {}) },
    };
    if (policy !== undefined) {
        result.policy = policy;
        if (request.policyReportPath !== undefined)
            result.policyReportPath = request.policyReportPath;
    }
    return result;
}
/**
 * Pushes the commit-sha tag, reads the image back by digest and adds the extra tags to it. When the
 * engine does not report the digest, it is read from the tag just pushed and accepted only if that
 * manifest's config is the image just built (its id): the config names every layer by content, so
 * no one else's push to the tag can pass for ours.
 */
async function pushAndTag(request, { engine, registry, log }, localRef, tags, imageId) {
    const repository = request.repository.repository;
    const reported = await engine.push(localRef, { insecure: request.insecure });
    let digest = reported;
    if (digest === undefined) {
        const head = await registry.headManifest(repository, request.commit.revision);
        if (head === null)
            throw new Error(`pushed ${localRef}, but the registry has no tag ${request.commit.revision}`);
        digest = head.digest;
        log.info(`the engine did not report the digest; the tag holds ${digest}, checked against the built image's config`);
    }
    log.info(`registry digest: ${digest}`);
    const image = await readPushedImage(registry, repository, digest);
    if (reported === undefined && image.configDigest !== imageId) {
        throw new Error(`pushed ${localRef}, but its tag now holds ${digest} with config ${image.configDigest}, not the image just built (${imageId}): another push to the same tag?`);
    }
    await tagPushedImage(registry, request.repository.repository, image, request.commit.revision, request.extraTags);
    log.info(`tags ${tags.join(', ')} → ${image.digest} (${image.size} bytes compressed, ${image.manifest.mediaType})`);
    return image;
}
/** Checks the policy against what the registry holds, writes the report file and logs the report. */
async function checkPolicy(request, { registry, log }, pushed, policy, reportPath) {
    const image = `${(0,src_reference/* repositoryName */.aR)(request.repository)}@${pushed.digest}`;
    const result = await checkPushedImage(registry, request.repository.repository, pushed, policy);
    await writePolicyReport(reportPath, image, pushed.digest, result);
    const { formatPolicyReport } = await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.bind(__webpack_require__, 3737));
    for (const line of formatPolicyReport(result, { image }).text.split('\n'))
        log.info(line);
    return result;
}

;// CONCATENATED MODULE: ./packages/core/src/image/commit.ts
/**
 * The commit an image is built from: its sha (the always-present tag and the revision label) and its
 * time (the created label and SOURCE_DATE_EPOCH), so rebuilding a commit labels it identically.
 */

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** RFC 3339 UTC without fractional seconds. */
function createdFromEpoch(epoch) {
    return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * Parses a `SOURCE_DATE_EPOCH`/`%ct` value: whole non-negative seconds.
 * @throws Error naming `what`
 */
function parseEpoch(text, what) {
    const value = text.trim();
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n))
        throw new Error(`${what} must be whole seconds since 1970, got ${JSON.stringify(value)}`);
    return n;
}
/** The repository URL from the runner's environment, or undefined when it does not say. */
function sourceUrl(env) {
    const server = (env.GITHUB_SERVER_URL ?? '').trim().replace(/\/+$/, '');
    const repository = (env.GITHUB_REPOSITORY ?? '').trim();
    return server !== '' && repository !== '' ? `${server}/${repository}` : undefined;
}
/**
 * Reads the commit: sha from `GITHUB_SHA` (else `git rev-parse HEAD`), time from `SOURCE_DATE_EPOCH`
 * when set (else `git log -1 --format=%ct <sha>`), both run in `cwd` (the build context, which is
 * inside the checkout).
 *
 * @throws Error saying which value could not be read and how to provide it
 */
async function readCommit(options) {
    const { cwd, env, exec } = options;
    const git = async (args, what) => {
        try {
            return (await exec.exec('git', args, { cwd, silent: true })).stdout.trim();
        }
        catch (err) {
            throw new Error(`cannot read ${what} with git in ${cwd}: ${(0,errors/* errorMessage */.gJ)(err)}\n` +
                'build-image needs the build context inside a git checkout of the commit (or GITHUB_SHA and ' +
                'SOURCE_DATE_EPOCH set)', { cause: err });
        }
    };
    let revision = (env.GITHUB_SHA ?? '').trim().toLowerCase();
    if (revision === '')
        revision = await git(['rev-parse', 'HEAD'], 'the commit sha');
    if (!SHA.test(revision))
        throw new Error(`the commit sha ${JSON.stringify(revision)} is not a full hex sha`);
    const fromEnv = (env.SOURCE_DATE_EPOCH ?? '').trim();
    const epoch = fromEnv !== ''
        ? parseEpoch(fromEnv, 'SOURCE_DATE_EPOCH')
        : parseEpoch(await git(['log', '-1', '--format=%ct', revision], `the time of commit ${revision}`), `git log %ct of ${revision}`);
    const commit = { revision, epoch, created: createdFromEpoch(epoch) };
    const source = sourceUrl(env);
    if (source !== undefined)
        commit.source = source;
    return commit;
}

;// CONCATENATED MODULE: ./packages/core/src/image/report.ts
/** Bytes as decimal MB with the exact count, e.g. `12.3 MB (12345678 bytes)`. */
function formatBytes(bytes) {
    return `${(bytes / 1_000_000).toFixed(1)} MB (${bytes} bytes)`;
}
/** Fills `summary` with the outcome of one build. */
function summarizeBuild(summary, result) {
    const m = result.metadata;
    summary.heading('build-image');
    const rows = [];
    if (m.image !== null)
        rows.push(['Image', m.image]);
    else
        rows.push(['Image', 'not pushed (push: false); local image ' + result.imageId]);
    if (m.digest !== null)
        rows.push(['Digest', m.digest]);
    if (m.size !== null)
        rows.push(['Size (compressed)', formatBytes(m.size)]);
    if (result.tags.length > 0)
        rows.push(['Tags', result.tags.join(', ')]);
    if (m.platform !== null)
        rows.push(['Platform', `${m.platform.os}/${m.platform.architecture}`]);
    rows.push(['Revision', m.revision], ['Created', m.created], ['Role', m.role]);
    const policy = result.policy;
    rows.push([
        'Policy',
        policy === undefined
            ? 'none'
            : `${policy.passed ? 'passed' : `FAILED (${policy.violations.length} violation${policy.violations.length === 1 ? '' : 's'})`}: ${policy.source}`,
    ]);
    summary.keyValues(rows, ['Field', 'Value']);
    if (policy === undefined)
        return;
    const outcomes = Object.entries(policy.checked);
    if (outcomes.length > 0) {
        summary.heading('Policy rules', 3);
        summary.table(['Rule', 'Result', 'Detail'], outcomes.map(([rule, outcome]) => {
            const n = policy.violations.filter((v) => v.rule === rule).length;
            return [
                rule,
                outcome.passed ? 'pass' : 'FAIL',
                outcome.passed ? outcome.detail : `${n} violation${n === 1 ? '' : 's'}, below`,
            ];
        }));
    }
    if (!policy.passed) {
        summary.heading('Violations', 3);
        summary.table(['Rule', 'Violation'], policy.violations.map((v) => [v.rule, v.message.slice(v.rule.length + 2)]));
        summary.text('The image was pushed (the policy judges the bytes in the registry) but this step failed, so its ' +
            'digest is never promoted: promotion requires this step to succeed.');
    }
}
/**
 * The step's failure message for a violated policy: every violation on its own line.
 * Returns undefined when there is nothing to fail for.
 */
function policyFailureMessage(result) {
    const policy = result.policy;
    if (policy === undefined || policy.passed)
        return undefined;
    const n = policy.violations.length;
    return (`${result.metadata.image ?? result.imageId} violates ${policy.source} (${n} violation${n === 1 ? '' : 's'}):\n` +
        policy.violations.map((v) => `  - ${v.message}`).join('\n'));
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(4412);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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

// EXTERNAL MODULE: ./packages/core/src/engine/choices.ts
var choices = __webpack_require__(6255);
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
function selectEngine(kind, env = process.env, exec = defaultExec) {
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

;// CONCATENATED MODULE: ./packages/core/src/image/step-auth.ts
/**
 * A registry login that belongs to one build-image step: the engine CLI is pointed at a private auth
 * file under RUNNER_TEMP (`DOCKER_CONFIG=<dir>` for docker, `REGISTRY_AUTH_FILE=<dir>/auth.json` for
 * podman), seeded with the runner's standing logins so base-image pulls still authenticate. The
 * step's `login` writes only there and the directory is deleted afterwards: the runner's shared
 * `~/.docker/config.json` (or podman's auth.json) is never written, so a standing login other jobs
 * rely on survives and concurrent jobs cannot race on one file.
 */





/** An Exec that adds fixed variables to every command's environment (the command's own win). */
class EnvExec extends Exec {
    base;
    extra;
    constructor(base, extra) {
        super();
        this.base = base;
        this.extra = extra;
    }
    exec(bin, args, opts = {}) {
        return this.base.exec(bin, args, { ...opts, env: { ...this.extra, ...opts.env } });
    }
}
function readJson(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    try {
        const json = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return json !== null && typeof json === 'object' && !Array.isArray(json)
            ? json
            : undefined;
    }
    catch {
        // An unreadable standing file only costs its logins, as the engine itself would treat it.
        return undefined;
    }
}
function objectAt(json, key) {
    const v = json?.[key];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
/**
 * The docker CLI's config as this step starts from: the standing `config.json` without `credsStore`
 * (a credential store is shared by every job; a login there would outlive the step) and without a
 * credential helper for `registry` (so the step's login lands in the private file).
 */
function dockerSeed(standing, registry) {
    const seed = { ...standing };
    delete seed['credsStore'];
    const helpers = { ...objectAt(standing, 'credHelpers') };
    delete helpers[registry];
    if (Object.keys(helpers).length > 0)
        seed['credHelpers'] = helpers;
    else
        delete seed['credHelpers'];
    return seed;
}
/**
 * podman's auth file as this step starts from: the `auths` and `credHelpers` of the files podman reads
 * when no auth file is given, merged in its order (an earlier file wins a registry), minus a helper for
 * `registry`.
 */
function podmanSeed(standing, registry) {
    const auths = {};
    const helpers = {};
    for (const file of [...standing].reverse()) {
        Object.assign(auths, objectAt(file, 'auths'));
        Object.assign(helpers, objectAt(file, 'credHelpers'));
    }
    delete helpers[registry];
    return Object.keys(helpers).length > 0 ? { auths, credHelpers: helpers } : { auths };
}
/** The files podman reads credentials from when no auth file is given, in its order. */
function podmanStandingFiles(env, home) {
    const files = [];
    if (env['REGISTRY_AUTH_FILE'])
        files.push(env['REGISTRY_AUTH_FILE']);
    if (env['XDG_RUNTIME_DIR'])
        files.push((0,external_node_path_.join)(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
    files.push((0,external_node_path_.join)(env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    files.push((0,external_node_path_.join)(env['DOCKER_CONFIG'] || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    return files;
}
/**
 * Creates the step's private auth directory (mode 0700) under `tempRoot`, seeded from the standing
 * logins, and an Exec that points `kind`'s CLI at it.
 */
async function createStepAuth(kind, registry, tempRoot, base, env = process.env) {
    const home = env['HOME'] || (0,external_node_os_.homedir)();
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, 'digestline-auth-'));
    await (0,promises_.chmod)(dir, 0o700);
    let extra;
    if (kind === 'docker') {
        const standingDir = env['DOCKER_CONFIG'] || (0,external_node_path_.join)(home, '.docker');
        const seed = dockerSeed(readJson((0,external_node_path_.join)(standingDir, 'config.json')), registry);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(seed, null, 2), { mode: 0o600 });
        // buildx and compose installed per user live next to the standing config.
        const plugins = (0,external_node_path_.join)(standingDir, 'cli-plugins');
        if ((0,external_node_fs_.existsSync)(plugins))
            await (0,promises_.symlink)(plugins, (0,external_node_path_.join)(dir, 'cli-plugins'));
        extra = { DOCKER_CONFIG: dir };
    }
    else {
        const seed = podmanSeed(podmanStandingFiles(env, home).map(readJson), registry);
        const file = (0,external_node_path_.join)(dir, 'auth.json');
        await (0,promises_.writeFile)(file, JSON.stringify(seed, null, 2), { mode: 0o600 });
        extra = { REGISTRY_AUTH_FILE: file };
    }
    return { dir, env: extra, exec: new EnvExec(base, extra) };
}
/** Deletes a step's auth directory (and the credentials in it); a missing one is fine. */
async function removeStepAuth(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
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

;// CONCATENATED MODULE: ./packages/core/src/untrusted.ts
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
                code = neutral(first.code.slice(0, 100));
            if (typeof first?.message === 'string')
                detail = neutral(first.message.slice(0, 300));
        }
        catch {
            detail = neutral(text.trim().slice(0, 300)) || undefined;
        }
    }
    else {
        await response.body?.cancel();
    }
    let message = `${method} ${url} failed: ${response.status} ${neutral(response.statusText)}`.trimEnd();
    if (code !== undefined || detail !== undefined)
        message += `: ${[code, detail].filter(Boolean).join(': ')}`;
    if (response.status === 401 || response.status === 403) {
        message += ` (credentials: ${credentialsSource})`;
    }
    throw new RegistryError(method, url, response.status, code, detail, message);
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(4429);
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
        if (url.protocol !== 'http:' || (0,loopback/* isLoopbackHost */.c)(url.hostname))
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./actions/build-image/src/constants.ts
var constants = __webpack_require__(2008);
// EXTERNAL MODULE: ./actions/build-image/src/context.ts + 3 modules
var context = __webpack_require__(3313);
;// CONCATENATED MODULE: ./actions/build-image/src/run.ts














/** Reads and validates the inputs, then builds: the whole main step in one call. */
async function main(exec = defaultExec, env = process.env) {
    await run(await (0,context/* getInputs */.GP)(), exec, env);
}
/** Builds, pushes and checks the image with inputs already read and validated by `getInputs`. */
async function run(inputs, exec = defaultExec, env = process.env) {
    let engine = await connectEngine(inputs.engine, { env, exec, log: step/* stepLog */.tV });
    const commit = await readCommit({ cwd: inputs.context, env, exec });
    const tempRoot = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const request = (0,context/* getBuildRequest */.EW)(inputs, commit, tempRoot);
    const registryHost = inputs.image.registry;
    // The login goes to an auth file of this step only, never to the runner's shared one. It is for
    // the image's registry only: a cache elsewhere gets the runner's standing logins, never this one.
    const auth = inputs.login !== undefined && (0,context/* needsLogin */.$0)(inputs)
        ? await createStepAuth(engine.kind, registryHost, tempRoot, exec, env)
        : undefined;
    try {
        if (auth !== undefined && inputs.login !== undefined) {
            // Read by the post step only if this one never reaches its own clean-up (cancelled, killed).
            (0,step/* saveState */.LZ)(constants/* State */.Uw.AuthDir, auth.dir);
            engine = selectEngine(engine.kind, env, auth.exec);
            const { username, password } = inputs.login;
            await engine.login(registryHost, username, password, { insecure: request.insecure });
        }
        const registry = new RegistryClient({
            registry: registryHost,
            ...(inputs.login !== undefined ? { credentials: inputs.login } : {}),
        });
        const result = await buildImage(request, { engine, registry, log: step/* stepLog */.tV });
        (0,step/* setOutputs */.n0)({
            [constants/* Outputs */.tY.Digest]: result.metadata.digest ?? '',
            [constants/* Outputs */.tY.Image]: result.metadata.image ?? '',
            [constants/* Outputs */.tY.Size]: result.metadata.size === null ? '' : String(result.metadata.size),
            [constants/* Outputs */.tY.Metadata]: JSON.stringify(result.metadata),
            [constants/* Outputs */.tY.PolicyReport]: result.policyReportPath ?? '',
        });
        await writeSummary((summary) => summarizeBuild(summary, result));
        const failure = policyFailureMessage(result);
        if (failure !== undefined)
            throw new Error(failure);
    }
    finally {
        if (auth !== undefined)
            await removeAuth(auth.dir);
    }
}
/** Deletes the step's auth file if main did not get to (e.g. it was cancelled). */
async function post() {
    const saved = (0,step/* getState */.Gu)(constants/* State */.Uw.AuthDir);
    if (saved !== '')
        await removeAuth(saved);
}
async function removeAuth(dir) {
    try {
        await removeStepAuth(dir);
        (0,step/* saveState */.LZ)(constants/* State */.Uw.AuthDir, '');
    }
    catch (err) {
        (0,step/* warn */.R8)(`could not delete the step's registry auth file ${dir}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}


/***/ })

};
