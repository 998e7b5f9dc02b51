// Hand-written requests for language features the shared probes cover thinly
// (template sets, define/block, trim markers, delimiters, variables, control
// flow, parse errors, fmt verbs, gotest funcs and `call`). Their expected
// results are generated with the Go oracle (generate-fixtures.ts) and
// committed; constructs where Go 1.19 differs from Go 1.26 are left out.
import type { EvalRequest } from '../../eval/evaluate.js';

const values = {
  name: 'web', replicas: 3, port: 8080, ratio: 0.5, big: 1000000, enabled: true, off: false, nul: null,
  list: ['b', 'a', 'c'], nums: [3, 1, 2], empty: '', emptyList: [], emptyMap: {},
  labels: { app: 'web', tier: 'frontend', 'app.kubernetes.io/name': 'x' },
  nested: { a: { b: { c: 'deep' } } }, items: [{ name: 'a', port: 80 }, { name: 'b', port: 443 }],
};

function t(id: string, template: string, extra: Partial<EvalRequest> = {}): EvalRequest {
  return { id, template, data: values, ...extra };
}

const printfFormats = ['%[1]d %[1]d', '%[2]d %[1]d', '%[3]d', '%[0]d', '%[x]d', '%[1]5d', '%[1].2f', '%[2]*[1]d', '%.[2]d', '%[1]', '%[', '%.', '%5.',
  '%-05d', '%0-5d', '%*d', '%-*d', '%.*d', '%[2]v %v', '%v %[1]v %v', '%08.3q', '% +d', '%#-8x|', '%x %X %#X', '%.1q', '%10.3T', '%05T',
  '%5t', '%05v', '%+.3e', '%#.3g', '%#g', '%#e', '%#.0f', '%#.0e', '%#8.3x'];

/** printf with explicit argument indexes, star widths and flag mixes, over several operand types. */
function printfCases(): EvalRequest[] {
  const operands = ['5', '1.5', '"s"', '-3', 'true'];
  return printfFormats.flatMap((f, i) => operands.map((a, j) => t(`printf/matrix-${i}-${j}`, `{{printf ${JSON.stringify(f)} ${a} 2 3.5}}`)));
}

/** The feature requests (ids are stable; expected results live in the fixture file). */
export function featureCases(): EvalRequest[] {
  return [
    ...printfCases(),
    // Text, trim markers, comments.
    t('trim/both', 'a  {{- .name -}}  b'),
    t('trim/newlines', 'x:\n  {{- .name }}\n  {{- /* c */ -}}\n  y'),
    t('trim/minus-number', '{{-3}} {{- -3}} {{ -3 -}} z'),
    t('trim/comment-only', '{{/* just a comment */}}'),
    t('trim/comment-trim', 'a {{- /* c */ -}} b'),
    t('trim/tab-cr', 'a\t\r\n{{- .name -}}\r\n\tb'),
    t('comment/unclosed', '{{/* x }}'),
    t('comment/bad-end', '{{/* x */ .name}}'),
    // Literals.
    t('literal/raw', '{{`a\\nb`}}|{{"a\\tb"}}|{{"\\u00e9\\x41"}}'),
    t('literal/chars', "{{'a'}} {{'\\n'}} {{'\\x41'}} {{'é'}} {{printf \"%c\" 'é'}}"),
    t('literal/numbers', '{{0x1F}} {{0X1f}} {{0o17}} {{017}} {{0b101}} {{1_000_000}} {{0x_1F}} {{1e3}} {{1.5e-3}} {{.5}} {{5.}} {{0x1p4}}'),
    t('literal/bad-underscore', '{{1__0}}'),
    t('literal/bad-number', '{{3k}}'),
    t('literal/overflow', '{{18446744073709551615}}'),
    t('literal/big-float', '{{1e400}}'),
    t('literal/octal-9', '{{09}}'),
    t('literal/nil-command', '{{nil}}'),
    t('literal/nil-arg', '{{print nil}} {{printf "%v" nil}} {{eq nil nil}}'),
    t('literal/bool', '{{true}} {{false}} {{not true}}'),
    t('literal/string-unterminated', '{{"abc}}'),
    t('literal/char-unterminated', "{{'a}}"),
    // Variables.
    t('var/declare-assign', '{{$x := 1}}{{$x}}{{$x = 2}}{{$x}}{{if true}}{{$x = 3}}{{$y := 4}}{{end}}{{$x}}'),
    t('var/scope', '{{$x := "outer"}}{{range .list}}{{$x := .}}{{$x}}{{end}}{{$x}}'),
    t('var/undefined', '{{$nope}}'),
    t('var/dollar', '{{range .list}}{{$.name}}-{{.}} {{end}}'),
    t('var/field-chain', '{{$n := .nested}}{{$n.a.b.c}}'),
    t('var/range-decl', '{{range $i, $v := .list}}{{$i}}={{$v}};{{end}}{{range $k, $v := .labels}}{{$k}}={{$v}};{{end}}'),
    t('var/range-one', '{{range $v := .nums}}{{$v}}{{end}}'),
    t('var/too-many', '{{$a, $b := 1}}'),
    t('var/range-three', '{{range $a, $b, $c := .list}}{{end}}'),
    t('var/assign-undefined', '{{$x = 1}}'),
    // Control flow.
    t('if/else-if-chain', '{{if .off}}a{{else if .empty}}b{{else if .nums}}c{{else}}d{{end}}'),
    t('if/pipeline-decl', '{{if $x := .name}}{{$x}}{{end}}'),
    t('with/else', '{{with .missing}}x{{else}}none{{end}}{{with .nested.a}}{{.b.c}}{{end}}'),
    t('with/dot', '{{with .items}}{{range .}}{{.name}}{{end}}{{end}}'),
    t('range/else', '{{range .emptyList}}x{{else}}empty{{end}}{{range .emptyMap}}x{{else}}emptymap{{end}}'),
    t('range/break-continue', '{{range .nums}}{{if eq . 1.0}}{{continue}}{{end}}{{if eq . 2.0}}{{break}}{{end}}{{.}}{{end}}'),
    t('range/nested-break', '{{range .list}}{{range $.nums}}{{break}}{{end}}{{.}}{{end}}'),
    t('range/map-sorted', '{{range .labels}}{{.}},{{end}}'),
    t('range/nil', '{{range .nul}}x{{else}}nil{{end}}'),
    t('range/string', '{{range .name}}{{.}}{{end}}'),
    t('range/break-outside', '{{break}}'),
    t('range/continue-outside', '{{if true}}{{continue}}{{end}}'),
    t('control/missing-end', '{{if true}}x'),
    t('control/extra-end', 'x{{end}}'),
    t('control/else-outside', '{{else}}'),
    t('control/double-else', '{{if 1}}a{{else}}b{{else}}c{{end}}'),
    t('control/empty-action', '{{}}'),
    t('control/empty-if', '{{if}}x{{end}}'),
    t('control/unclosed-paren', '{{(1}}'),
    t('control/extra-paren', '{{1)}}'),
    t('control/newline-in-action', '{{.name\n}}'),
    t('control/multiline-action', 'a\n{{if\n  .name}}yes{{end}}'),
    t('control/unclosed-action-multiline', 'a\n{{if .name\n\nb'),
    // Pipelines and calls.
    t('pipe/chain', '{{.name | printf "%s-x" | printf "[%s]" | len}}'),
    t('pipe/paren-field', '{{(.nested).a.b.c}} {{(index .items 0).name}}'),
    t('pipe/non-executable', '{{1 | 2}}'),
    t('pipe/arg-to-field', '{{.name 1}}'),
    t('pipe/arg-to-dot', '{{. 1}}'),
    t('pipe/arg-to-var', '{{$x := 1}}{{$x 2}}'),
    t('pipe/field-on-literal', '{{"a".b}}'),
    t('pipe/explicit-nil-chain', '{{(nil).x}}'),
    t('pipe/undefined-function', '{{nope 1}}'),
    t('pipe/and-or', '{{and 1 0 2}} {{or 0 "" "x"}} {{and .nul .missing.x}} {{or .off .name}} {{1 | and 2}} {{0 | or .name}}'),
    t('pipe/and-no-args', '{{and}}'),
    t('pipe/not-arity', '{{not 1 2}}'),
    t('pipe/len', '{{len .list}} {{len .labels}} {{len "héllo"}} {{len .emptyMap}}'),
    t('pipe/index-multi', '{{index .items 1 "name"}} {{index .labels "app"}} {{index .nested "a" "b" "c"}} {{index "abc" 1}} {{index .labels "nope"}}'),
    t('pipe/index-no-index', '{{index .list}}'),
    t('pipe/slice', '{{slice .list 1}} {{slice .list 1 2}} {{slice "hello" 1 3}} {{slice .list}} {{slice .list 0 1 2}}'),
    t('pipe/slice-too-many', '{{slice .list 0 1 2 3}}'),
    t('pipe/print', '{{print 1 2 "a" 3 "b" "c" 4.5 true nil}}|{{println 1 "a" nil}}|{{print}}'),
    t('pipe/html-js-url', '{{html "<a href=\'x\'>&\\"</a>"}} {{js "a\'b\\"c<d>e&f=g\\\\h\\n\\u2028é"}} {{urlquery "a b&c=d/é?"}} {{html 1 "x" 2}}'),
    t('pipe/compare', '{{eq 1 1}} {{eq "a" "a" "b"}} {{eq "b" "a" "b"}} {{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}} {{lt -1 1}}'),
    t('pipe/compare-errors-1', '{{lt true false}}'),
    t('pipe/compare-errors-2', '{{lt .labels 1}}'),
    t('pipe/compare-errors-3', '{{eq .list .list}}'),
    t('pipe/compare-missing', '{{eq .missing "a"}} {{eq .missing nil}} {{ne .missing 1}}'),
    t('pipe/compare-missing-lt', '{{lt .missing 1}}'),
    t('pipe/eq-no-args', '{{eq 1}}'),
    t('pipe/call-non-func', '{{call .name}}'),
    // printf verbs.
    t('printf/verbs', '{{printf "%v|%+v|%T|%d|%5d|%-5d|%05d|%x|%X|%o|%O|%b|%c|%q|%U|%#U|%e|%E|%f|%.2f|%8.3f|%g|%G|%s|%q|%x|%% " 1 .labels .ratio 42 42 42 -42 255 255 8 8 5 65 65 65 65 1234.5678 1234.5678 3.14159 3.14159 3.14159 0.000012345 1e21 "str" "q\\"s" "hi"}}'),
    t('printf/floats', '{{printf "%v %v %v %v %v %v %v %v" 100000.0 123456.0 1000000.0 1234567.0 0.0001 0.00001 1e21 -0.0}}'),
    t('printf/errors', '{{printf "%d %s %!" 1.5 2}}|{{printf "%d"}}|{{printf "%d" 1 2}}|{{printf "%*d" 5 1}}|{{printf "%.*f" 2 3.14159}}|{{printf "%*d" "x" 1}}|{{printf "%"}}'),
    t('printf/flags', '{{printf "%+d|% d|%+.1e|%#o|%#x|%#X|%08.3f|%-8.3f|%+q|%#q|% x|%.3s|%10.4v|%-10v|" 5 5 12345.6789 8 255 255 -3.14159 3.14159 "é" "a`b" "hey" "héllo" "abcdefgh" .list}}'),
    t('printf/composite', '{{printf "%v|%d|%s|%q|%x" .nums .nums .list .list .list}}'),
    t('printf/nil', '{{printf "%v|%s|%d" .nul .nul .nul}}'),
    t('printf/format-type', '{{printf 1}}'),
    t('printf/missing', '{{printf "%v|%s" .missing .missing}}'),
    // Templates, define, block, set semantics.
    t('define/basic', '{{define "x"}}[{{.}}]{{end}}{{template "x" .name}}{{template "x"}}'),
    t('define/recursive', '{{define "r"}}{{if .}}{{len .}}{{template "r" slice . 1}}{{end}}{{end}}{{template "r" .list}}'),
    t('define/block', '{{block "b" .name}}default {{.}}{{end}}'),
    t('define/block-override', '{{block "b" .name}}default {{.}}{{end}}', { templates: [{ name: 'main', template: '' }] }),
    t('define/dup-in-file', '{{define "d"}}1{{end}}{{define "d"}}2{{end}}'),
    t('define/dup-empty', '{{define "d"}}1{{end}}{{define "d"}}{{end}}{{template "d"}}'),
    t('define/redefine-across', '{{template "d"}}', { templates: [{ name: 'a', template: '{{define "d"}}from a{{end}}' }, { name: 'b', template: '{{define "d"}}from b{{end}}' }] }),
    t('define/empty-does-not-replace', '{{template "d"}}', { templates: [{ name: 'a', template: '{{define "d"}}from a{{end}}' }, { name: 'b', template: '{{define "d"}}  {{end}}' }] }),
    t('define/defines-only-file', '{{template "main2"}}', { templates: [{ name: 'main2', template: 'body' }, { name: 'main2', template: '{{define "h"}}x{{end}}' }] }),
    t('define/exec-define', 'ignored', { templates: [{ name: 'h.tpl', template: '{{define "t"}}T{{.x}}{{end}}' }], exec: 't', data: { x: 1 } }),
    t('define/exec-missing', 'x', { exec: 'nope' }),
    t('define/not-defined', '{{template "nope"}}'),
    t('define/bad-name', '{{template .x}}'),
    t('define/define-in-action', '{{if true}}{{define "x"}}{{end}}{{end}}'),
    t('define/error-location', '{{template "t" .}}', { templates: [{ name: 'h.tpl', template: 'line1\n{{define "t"}}\n  {{.x.y.z}}{{end}}' }], data: { x: { y: 5 } } }),
    t('define/dot-nil', '{{define "t"}}[{{.}}]{{end}}{{template "t"}}'),
    // Delimiters.
    t('delims/custom', '[[.name]] {{.name}} [[- " x " -]] y', { delims: ['[[', ']]'] }),
    t('delims/custom-comment', '<%/* c */%>a<%.name%>', { delims: ['<%', '%>'] }),
    // missingkey modes.
    t('missing/default', '{{.missing}} {{.missing.x}} {{.nested.nope.x}}', { missingkey: 'default' }),
    t('missing/zero', '{{.missing}}|{{.nested.nope}}', { missingkey: 'zero' }),
    t('missing/zero-chain', '{{.nested.nope.x}}', { missingkey: 'zero' }),
    t('missing/error', '{{.nested.nope}}', { missingkey: 'error' }),
    t('missing/helm-strip', 'a{{.missing}}b{{.nul}}c{{print .missing}}', { helm: true }),
    t('missing/helm-paren', '{{(.missing).child}}', { helm: true }),
    t('missing/helm-if', '{{if .missing.child}}x{{end}}', { helm: true }),
    t('missing/helm-with', '{{with .missing}}{{.child}}{{end}}ok', { helm: true }),
    // Numbers modes.
    t('numbers/int', '{{.replicas}} {{eq .replicas 3}} {{printf "%d" .port}}', { numbers: 'int' }),
    t('numbers/float', '{{.replicas}} {{.big}} {{printf "%d" .port}}', { numbers: 'float64' }),
    t('numbers/float-eq', '{{eq .replicas 3}}', { numbers: 'float64' }),
    t('numbers/json-number', '{{.replicas}} {{printf "%T" .replicas}} {{.ratio}}', { numbers: 'number' }),
    // gotest funcs and call.
    t('gotest/funcs', '{{add 1 2 3}} {{oneArg "x"}} {{twoArgs "a" "b"}} {{dddArg 1 "a" "b"}} {{echo .name}} {{makemap "a" "b"}} {{mapOfThree}} {{returnInt}} {{typeOf 1}} {{typeOf .ratio}} {{valueString "v"}} {{zeroArgs}} {{okFunc}}', { funcs: 'gotest' }),
    t('gotest/wrong-args', '{{oneArg}}', { funcs: 'gotest' }),
    t('gotest/wrong-type', '{{oneArg 1}}', { funcs: 'gotest' }),
    t('gotest/wrong-type-dynamic', '{{oneArg .replicas}}', { funcs: 'gotest' }),
    t('gotest/error', '{{errorFunc}}', { funcs: 'gotest' }),
    t('gotest/panic', '{{die}}', { funcs: 'gotest' }),
    t('gotest/call', '{{call .Func0}} {{call .Func1 "x"}} {{call .FuncAdd 1 2}} {{call .FuncVar "p" "a" "b"}}', { funcs: 'gotest' }),
    t('gotest/call-err', '{{call .FuncErr}}', { funcs: 'gotest' }),
    t('gotest/call-panic', '{{call .FuncPanic}}', { funcs: 'gotest' }),
    t('gotest/call-arity', '{{call .Func1}}', { funcs: 'gotest' }),
    t('gotest/pipe-final', '{{"x" | oneArg}} {{"b" | twoArgs "a"}}', { funcs: 'gotest' }),
    t('gotest/print-func', '{{.Func0}}', { funcs: 'gotest' }),
    t('gotest/func-args', '{{.Func0 1}}', { funcs: 'gotest' }),
    t('gotest/makemap-index', '{{index (makemap "a" "b") "a"}}|{{index (makemap "a" "b") "z"}}|{{(makemap "a" "b").a}}', { funcs: 'gotest' }),
  ];
}
