export const id = 236;
export const ids = [236];
export const modules = {

/***/ 66236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadStackFile: () => (/* binding */ loadStackFile)
});

// UNUSED EXPORTS: INTEGRATION_ISOLATION_INPUTS, INTEGRATION_PROJECT_PREFIX, runIntegrationTest, teardownIntegrationTest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/user-code.ts
var user_code = __webpack_require__(49867);
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
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./packages/core/src/stack/compose/order.ts
var order = __webpack_require__(53560);
// EXTERNAL MODULE: ./packages/core/src/stack/compose/types.ts
var types = __webpack_require__(38029);
// EXTERNAL MODULE: ./packages/core/src/stack/names.ts
var stack_names = __webpack_require__(63031);
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
    if (!isRecord(value)) {
        problems.error(at, `must be a map of service: {condition}, got ${describe(value)}`);
        return [];
    }
    const deps = [];
    for (const [service, options] of Object.entries(value)) {
        const where = [...at, service];
        const o = isRecord(options) ? options : {};
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
        const networks = isRecord(service.networks) ? service.networks : {};
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
    if (!isRecord(options))
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
        const trivial = !isRecord(value) ||
            Object.entries(value).every(([k, v]) => (k === 'driver' && v === 'default') || (Array.isArray(v) && v.length === 0));
        if (!trivial) {
            problems.warning(at, 'ignored: the engine picks each network’s addresses, so that they cannot collide with another run’s');
        }
    }
    else if (key === 'driver_opts') {
        if (isRecord(value) && Object.keys(value).length > 0) {
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
    if (!isRecord(definition))
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
        if (!isRecord(item) || typeof item.target !== 'string') {
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
        out.set(name, isRecord(definition) ? definitionSource(at, kind, definition, ctx, problems) : undefined);
        if (!isRecord(definition))
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
        if (!isRecord(item) || typeof item.source !== 'string') {
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
    if (!isRecord(value)) {
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
    if (!isRecord(item) || typeof item.source !== 'string' || !item.source.startsWith('/'))
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
    if (!isRecord(value))
        return;
    for (const [key, v] of Object.entries(value)) {
        if (key === 'limits' && isRecord(v)) {
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
        else if (isRecord(v) && Object.keys(v).length > 0) {
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
    if (!isRecord(deploy)) {
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
        else if (!(isRecord(value) && Object.keys(value).length === 0) && value !== null) {
            problems.warning(where, `ignored: deploy.${key} is for swarm; digestline runs the service once on one host${key === 'restart_policy' ? ' (use restart)' : ''}`);
        }
    }
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
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
        if (!isRecord(item) || typeof item.target !== 'number') {
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
        else if (!(0,loopback/* isLoopbackHost */.c)(hostIp)) {
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
        if (!isRecord(definition))
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
        (0,order/* startOrder */.l)(spec);
    }
    catch (err) {
        if (!(err instanceof types/* StackFileError */.N))
            throw err;
        problems.error(['services'], err.reason);
    }
}
/**
 * Builds the stack of a normalised compose file.
 * @returns `spec` when there is no error; `problems` always (the normaliser's first, then the builder's)
 */
function build_buildStack(n, opts) {
    const problems = new Problems((path) => n.lineOf(path));
    const model = n.model;
    if (model === undefined)
        return { tags: [], problems: [...n.problems] };
    for (const key of Object.keys(model)) {
        if (!key.startsWith('x-') && !TOP_LEVEL_KEYS.includes(key)) {
            problems.error([key], `unknown top-level key ${key}; a compose file may have ${TOP_LEVEL_KEYS.join(', ')}`);
        }
    }
    const serviceNames = Object.keys(isRecord(model.services) ? model.services : {});
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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
var external_node_util_ = __webpack_require__(57975);
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
var dist = __webpack_require__(88009);
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
        if (!(0,user_code/* isActionVariable */.Nt)(name))
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
    const built = build_buildStack(n, {
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
        workspace: opts.workspace ?? dirname(source),
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(73438);
// EXTERNAL MODULE: ./packages/core/src/registry/client.ts + 13 modules
var client = __webpack_require__(25018);
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
    const log = opts.log ?? src_log/* silentLog */.a;
    const clients = new Map();
    const clientFor = opts.clientFor ??
        ((registry) => new client/* RegistryClient */.b({ registry, log: { ...log, info: () => undefined } }));
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

// EXTERNAL MODULE: ./packages/core/src/lanes/names.ts
var names = __webpack_require__(8468);
// EXTERNAL MODULE: ./packages/core/src/lanes/command-tester.ts + 1 modules
var command_tester = __webpack_require__(91126);
// EXTERNAL MODULE: ./packages/core/src/lanes/pipeline.ts
var pipeline = __webpack_require__(19008);
// EXTERNAL MODULE: ./packages/core/src/lanes/report.ts
var report = __webpack_require__(9720);
;// CONCATENATED MODULE: ./packages/core/src/lanes/stack-lane.ts
/**
 * A stack lane with command tests (integration-test): the shared pipeline (pipeline.ts) with the
 * command tester (command-tester.ts), its report, bundle and evidence under one output directory.
 */






/**
 * Runs a stack lane with command tests from start to teardown (see `runLane`): `report.json`,
 * `bundle/` (when failed) and `evidence.dsse.json` under `outDir`, the bundle uploaded as
 * `<lane>-bundle-<project>`. Never throws for a failing stack or failing tests.
 */
async function stack_lane_runStackLane(opts) {
    const log = opts.log ?? silentLog;
    const started = Date.now();
    const tester = commandTester(opts.tests, {
        engine: opts.engine,
        log,
        ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
    });
    return runLane({
        engine: opts.engine,
        stack: {
            start: opts.spec,
            readinessTimeoutMs: opts.readinessTimeoutMs,
            ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        },
        images: opts.images,
        project: opts.project,
        report: newLaneReport({
            lane: opts.lane,
            project: opts.project,
            engine: opts.engine.kind,
            stack: opts.spec.source,
            images: opts.images,
            services: opts.spec.services.map((s) => ({ name: s.name, image: pinnedReference(s.image) })),
            started,
        }),
        started,
        keepOnFailure: opts.keepOnFailure,
        outDir: opts.outDir,
        reportPath: join(opts.outDir, 'report.json'),
        bundle: {
            dir: join(opts.outDir, 'bundle'),
            title: 'Collect the failure bundle',
            noun: 'failure bundle',
            testLog: 'tests.log',
            artifact: `${opts.lane}-bundle-${opts.project}`,
        },
        env: opts.env ?? process.env,
        log,
        ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
    }, tester);
}

// EXTERNAL MODULE: ./packages/core/src/lanes/teardown.ts
var teardown = __webpack_require__(74562);
;// CONCATENATED MODULE: ./packages/core/src/lanes/integration.ts
/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared lane pipeline with command tests (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name and the post step's teardown.
 */










/** Prefix of integration-test project names (`it-<run id>-<random>`). */
const INTEGRATION_PROJECT_PREFIX = 'it';
/** integration-test's inputs named when a test command on the runner would be within reach of the key. */
const INTEGRATION_ISOLATION_INPUTS = {
    key: 'signing-key',
    container: 'test-image',
    unsafe: 'unsafe-host-commands-with-key',
};
/**
 * Checks a compose file with the image set, before anything starts (stack/check.ts): every problem of
 * the file at once, then each tag of a service not under test resolved to a digest once
 * (stack/resolve.ts; `postgres:16 → sha256:…` in the log). Warnings (a port moved to loopback, a key
 * ignored during validation, a tag) go to `log`.
 * @param path as the user wrote it; read relative to `cwd`, which is also the workspace
 * @throws InputError naming `input` (the stack input) with one `file:line: path: message` line per
 *   error, or one line per tag that did not resolve
 */
async function loadStackFile(path, images, input, cwd = process.cwd(), log = src_log/* silentLog */.a, tags = {}) {
    const file = (0,external_node_path_.resolve)(cwd, path);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new src_errors/* InputError */.dz(input, `input "${input}": the stack file ${path} does not exist`);
    const check = await checkStackResolved(file, {
        images,
        mode: 'validation',
        env: process.env,
        workspace: cwd,
        requireDigests: tags.requireDigests ?? false,
        ...(tags.allow !== undefined ? { allow: tags.allow } : {}),
    }, { log, ...tags.resolve }).catch((err) => {
        if (err instanceof TagResolutionError)
            throw new src_errors/* InputError */.dz(input, `input "${input}": ${path}: ${err.message}`);
        throw err;
    });
    for (const p of check.problems)
        if (p.severity === 'warning')
            log.warning(formatProblem(p, cwd));
    const errors = stackErrors(check, cwd);
    if (check.spec === undefined || errors.length > 0) {
        throw new src_errors/* InputError */.dz(input, `input "${input}": ${path} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.join('\n')}`);
    }
    // Messages name the file as the user wrote it.
    return { ...check.spec, source: path };
}
/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
async function runIntegrationTest(request, deps) {
    const env = deps.env ?? process.env;
    // Decided before anything is created: a refusal must come before any side effect.
    const host = request.testImage
        ? undefined
        : {
            isolation: decideHostIsolation({
                signed: request.signingKey !== undefined,
                unsafe: request.unsafeHostCommandsWithKey ?? false,
                uid: deps.uid ?? process.getuid?.(),
                inputs: INTEGRATION_ISOLATION_INPUTS,
            }),
            env: userEnvironment(env, request.signingKey !== undefined ? [request.signingKey] : []),
            inputs: INTEGRATION_ISOLATION_INPUTS,
        };
    const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    deps.onProject?.(project);
    return runStackLane({
        lane: 'integration',
        engine: deps.engine,
        spec: request.spec,
        images: request.images,
        project,
        tests: {
            command: request.testCommand,
            workspace: request.workspace,
            ...(request.testImage ? { image: request.testImage } : {}),
            ...(host !== undefined ? { host } : {}),
        },
        readinessTimeoutMs: request.readinessTimeoutMs,
        keepOnFailure: request.keepOnFailure,
        outDir: join(request.tempDir, 'digestline-integration-test', project),
        env,
        ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
        ...(deps.upload !== undefined ? { upload: deps.upload } : {}),
        ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
        ...(deps.exec !== undefined ? { exec: deps.exec } : {}),
        ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
        ...(deps.log !== undefined ? { log: deps.log } : {}),
    });
}
/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
async function teardownIntegrationTest(engine, project, kept, log = silentLog) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    if (kept)
        return `stack ${project} kept running (keep-on-failure)`;
    return (await teardownLaneStack(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}


/***/ })

};
