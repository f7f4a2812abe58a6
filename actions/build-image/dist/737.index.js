export const id = 737;
export const ids = [737];
export const modules = {

/***/ 3737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatPolicyReport: () => (/* binding */ formatPolicyReport)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7898);

/**
 * Renders a {@link PolicyResult}: a markdown table (rule, result, details) for `$GITHUB_STEP_SUMMARY`
 * and a plain text version listing every rule and violation for logs.
 * @param opts.image the checked image reference, shown in the heading
 */
function formatPolicyReport(result, opts = {}) {
    const rules = _types_js__WEBPACK_IMPORTED_MODULE_0__/* .POLICY_RULES */ .b.filter((r) => result.checked[r] !== undefined);
    const status = result.passed ? 'passed' : 'failed';
    const count = `${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}`;
    const md = [
        `### Image policy ${result.passed ? '✅' : '❌'} ${status}`,
        '',
        `Policy ${code(result.source)}${opts.image ? ` · image ${code(opts.image)}` : ''}` +
            (result.passed ? '' : ` · ${count}`),
        '',
    ];
    if (rules.length === 0) {
        md.push('_No rules are enabled in this policy._');
    }
    else {
        md.push('| Rule | Result | Details |', '| --- | --- | --- |');
        for (const rule of rules) {
            const outcome = result.checked[rule];
            if (!outcome)
                continue;
            const details = outcome.passed
                ? cell(outcome.detail)
                : result.violations
                    .filter((v) => v.rule === rule)
                    .map((v) => cell(v.message.slice(rule.length + 2)))
                    .join('<br>') || cell(outcome.detail);
            md.push(`| ${code(rule)} | ${outcome.passed ? '✅ pass' : '❌ fail'} | ${details} |`);
        }
    }
    const text = [
        `Image policy ${result.source}${opts.image ? ` for ${opts.image}` : ''}: ` +
            (result.passed ? 'passed' : `FAILED (${count})`),
    ];
    if (rules.length === 0)
        text.push('  no rules are enabled');
    for (const rule of rules) {
        const outcome = result.checked[rule];
        if (outcome?.passed)
            text.push(`  pass  ${rule}: ${outcome.detail}`);
        else
            for (const v of result.violations.filter((x) => x.rule === rule))
                text.push(`  FAIL  ${v.message}`);
    }
    return { markdown: md.join('\n') + '\n', text: text.join('\n') };
}
function code(s) {
    const fence = s.includes('`') ? '``' : '`';
    const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${s.replaceAll('|', '\\|')}${pad}${fence}`;
}
/** Table cell text: globs keep their `*` because markdown emphasis is escaped. */
function cell(s) {
    return s
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replace(/[\\`*_[\]|]/g, '\\$&')
        .replace(/\r?\n/g, '<br>');
}


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ POLICY_RULES)
/* harmony export */ });
/** Every rule in the order reports list them. */
const POLICY_RULES = [
    'max-size',
    'non-root',
    'forbid',
    'require-labels',
    'require-healthcheck',
];


/***/ })

};
