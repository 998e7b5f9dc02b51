// A grammar-driven generator of random Go templates for differential tests
// against the Go oracle. Deterministic for a seed. Constructs Go 1.19 (the
// oracle available here) treats differently from Go 1.26 are left out:
// range over integers, `else with`, and comparisons whose error wording changed
// are normalized by the caller (see normalizeGoError).
import type { EvalRequest } from '../../eval/evaluate.js';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const data = {
  s: 'hello world',
  e: '',
  n: 42,
  f: 2.5,
  big: 1000000,
  tiny: 0.00001,
  neg: -7,
  zero: 0,
  b: true,
  no: false,
  z: null,
  l: ['b', 'a', 'c'],
  nl: [3, 1, 2],
  el: [],
  m: { x: 'X', y: 2, '10': 'ten', '9': 'nine', A: [1, 2] },
  em: {},
  nested: { a: { b: { c: 'deep' } }, list: [{ name: 'p', port: 80 }, { name: 'q', port: 443 }] },
  html: '<a href="x">&\'</a>',
  uni: 'é日本',
};

/** The same keys with other types and shapes, so the same paths hit other code paths. */
const data2 = {
  s: 42,
  e: 0,
  n: '42',
  f: [2.5],
  big: 123456789,
  tiny: 1e21,
  neg: { x: -7 },
  zero: '0',
  b: 'true',
  no: [],
  z: { x: null },
  l: { b: 1, a: 2, c: 3 },
  nl: [1.5, -0.5, 100000],
  el: '',
  m: ['x', 'y'],
  em: null,
  nested: { a: [{ b: 'list' }], list: 'not a list' },
  html: ['<', '>'],
  uni: { 'é': 1, 'Z': 2, '_': 3, '10': 4, '9': 5 },
};

/** Paths into `data` grouped by what they are (so generated code can aim at valid and invalid uses). */
const scalarPaths = ['.s', '.e', '.n', '.f', '.big', '.tiny', '.neg', '.zero', '.b', '.no', '.z', '.uni', '.html', '.missing', '.m.x', '.m.y', '.nested.a.b.c', '.m.missing'];
const collectionPaths = ['.l', '.nl', '.el', '.m', '.em', '.nested', '.nested.list', '.m.A'];
const rangeablePaths = ['.l', '.nl', '.el', '.m', '.em', '.nested.list', '.m.A', '.s', '.f', '.missing', '.z'];

const formats = ['%v', '%d', '%s', '%q', '%x', '%X', '%5d', '%-5s|', '%05.1f', '%.2f', '%e', '%g', '%.3g', '%t', '%T', '%+v', '%c', '%o', '%b', '%8.3e', '%x %v', '%%', '%v %v', '%!', '%U', '% d', '%+d', '%#x', '%#v', '%6.2f|'];

class Gen {
  private depth = 0;
  private vars: string[] = [];
  private inRange = 0;
  noTemplate = false;
  constructor(private rnd: () => number, private intMode: boolean) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }

  literal(): string {
    switch (this.int(10)) {
      case 0: return String(this.int(20) - 5);
      case 1: return this.pick(['1.5', '0.0', '1e6', '2.0', '-0.5', '1e-5', '100000.0']);
      case 2: return this.pick(['"a"', '"hello"', '""', '"x y"', '"<b>"', '"%d"']);
      case 3: return this.pick(['`raw`', '`a"b`']);
      case 4: return this.pick(["'a'", "'\\n'", "'é'"]);
      case 5: return this.pick(['true', 'false']);
      case 6: return this.pick(['0x1F', '0o17', '0b101', '1_000', '+5', '.5']);
      default: return String(this.int(4));
    }
  }

  operand(): string {
    const r = this.int(12);
    if (r < 3) return this.pick(scalarPaths);
    if (r < 4) return this.pick(collectionPaths);
    // With "gotest" funcs the root map holds Go func values whose addresses differ: never print it.
    if (r < 5) return this.gotest ? '.s' : '.';
    if (r < 6 && this.vars.length > 0) return this.pick(this.vars) + (this.chance(0.3) ? '.x' : '');
    if (r < 7) return '$' + (this.chance(0.3) || this.gotest ? '.s' : '');
    if (r < 9) return this.literal();
    if (this.depth < 3) {
      this.depth++;
      const s = '(' + this.pipeline() + ')';
      this.depth--;
      return s + (this.chance(0.15) ? '.x' : '');
    }
    return this.literal();
  }

  call(): string {
    const a = () => this.operand();
    switch (this.int(18)) {
      case 0: return `and ${a()} ${a()}`;
      case 1: return `or ${a()} ${a()}${this.chance(0.3) ? ' ' + a() : ''}`;
      case 2: return `not ${a()}`;
      case 3: return `len ${this.chance(0.7) ? this.pick(collectionPaths.concat(['.s', '.uni'])) : a()}`;
      case 4: return `index ${this.pick(collectionPaths.concat(['.s']))} ${this.pick(['0', '1', '2', '5', '"x"', '"A"', '"a"', '-1', '.n', '"list"'])}${this.chance(0.3) ? ' ' + this.pick(['0', '1', '"b"', '"name"']) : ''}`;
      case 5: return `slice ${this.pick(['.l', '.s', '.nl', '.m'])}${this.chance(0.8) ? ' ' + this.int(4) : ''}${this.chance(0.5) ? ' ' + this.int(4) : ''}`;
      case 6: return `print ${a()}${this.chance(0.6) ? ' ' + a() : ''}${this.chance(0.3) ? ' ' + a() : ''}`;
      case 7: case 8: return `printf ${JSON.stringify(this.pick(formats))}${this.chance(0.9) ? ' ' + a() : ''}${this.chance(0.4) ? ' ' + a() : ''}`;
      case 9: return `println ${a()}${this.chance(0.5) ? ' ' + a() : ''}`;
      case 10: return `${this.pick(['html', 'js', 'urlquery'])} ${a()}${this.chance(0.3) ? ' ' + a() : ''}`;
      case 11: case 12: return `eq ${a()} ${a()}${this.chance(0.3) ? ' ' + a() : ''}`;
      case 13: return `ne ${a()} ${a()}`;
      case 14: return `${this.pick(['lt', 'le', 'gt', 'ge'])} ${a()} ${a()}`;
      case 15: return `${this.pick(['lt', 'le', 'gt', 'ge', 'eq'])} ${this.pick(['.n', '.f', '.s', '1', '2.5', '"b"'])} ${this.pick(['.n', '.f', '.s', '1', '2.5', '"b"', '.neg'])}`;
      default:
        if (this.gotest && this.chance(0.6)) return this.gotestCall();
        return a();
    }
  }

  gotest = false;

  gotestCall(): string {
    const a = () => this.operand();
    switch (this.int(10)) {
      case 0: return `call ${this.pick(['.Func0', '.Func1 "x"', '.FuncAdd 1 2', '.FuncVar "p" "a"', '.FuncErr', '.Func1', '.FuncAdd 1 .n', '.missing', '.s'])}`;
      case 1: return `echo ${a()}`;
      case 2: return `typeOf ${a()}`;
      case 3: return `oneArg ${this.pick(['"x"', '.s', '1', '.n', '.z', '.missing'])}`;
      case 4: return `add ${this.pick(['1 2', '1', '', '.n', '1 2.5'])}`;
      case 5: return `index (makemap "a" "b") ${this.pick(['"a"', '"z"', '1'])}`;
      case 6: return `(makemap "a" "b" "c" "d").${this.pick(['a', 'z', 'c'])}`;
      case 7: return `mapOfThree`;
      case 8: return `dddArg ${this.pick(['1', '1 "a" "b"', '"x"'])}`;
      default: return `twoArgs ${a()} ${a()}`;
    }
  }

  pipeline(): string {
    let p = this.chance(0.6) ? this.call() : this.operand();
    if (this.chance(0.2)) p += ' | ' + this.pick(['printf "%v"', 'print', 'len', 'html', 'printf "<%s>"', 'not', 'eq "a"', 'index .m']);
    return p;
  }

  open(): string {
    return this.chance(0.15) ? '{{- ' : '{{';
  }
  close(): string {
    return this.chance(0.15) ? ' -}}' : '}}';
  }

  text(): string {
    return this.pick(['a', ' ', '\n', 'x: ', '  y\n', '-', '|', ' z ', '']);
  }

  block(budget: number): string {
    let out = '';
    for (let i = 0; i < budget; i++) out += this.item();
    return out;
  }

  item(): string {
    const r = this.int(20);
    if (r < 5 || this.depth > 2) return this.text();
    if (r < 10) return `${this.open()}${this.pipeline()}${this.close()}`;
    this.depth++;
    let s: string;
    const saved = this.vars.length;
    switch (r) {
      case 10: case 11: {
        s = `${this.open()}if ${this.pipeline()}${this.close()}${this.block(2)}`;
        if (this.chance(0.3)) s += `{{else if ${this.pipeline()}}}${this.block(1)}`;
        if (this.chance(0.5)) s += `{{else}}${this.block(2)}`;
        s += `${this.open()}end${this.close()}`;
        break;
      }
      case 12: case 13: {
        const form = this.int(3);
        let head = '';
        if (form === 1) {
          head = '$v := ';
          this.vars.push('$v');
        } else if (form === 2) {
          head = '$i, $v := ';
          this.vars.push('$i', '$v');
        }
        this.inRange++;
        s = `{{range ${head}${this.pick(rangeablePaths)}}}${this.block(2)}`;
        if (this.chance(0.25)) s += `{{if ${this.pipeline()}}}{{${this.pick(['break', 'continue'])}}}{{end}}`;
        s += this.block(1);
        this.inRange--;
        this.vars.length = saved;
        if (this.chance(0.3)) s += `{{else}}${this.block(1)}`;
        s += '{{end}}';
        break;
      }
      case 14: {
        s = `{{with ${this.pipeline()}}}${this.block(2)}`;
        if (this.chance(0.4)) s += `{{else}}${this.block(1)}`;
        s += '{{end}}';
        break;
      }
      case 15: {
        const name = '$x' + this.int(3);
        s = `{{${name} := ${this.pipeline()}}}`;
        this.vars.push(name);
        s += this.block(2);
        if (this.chance(0.5)) s += `{{${name} = ${this.pipeline()}}}{{${name}}}`;
        this.depth--;
        return s;
      }
      case 16:
        if (this.noTemplate) {
          s = this.text();
          break;
        }
        s = `{{template "t" ${this.chance(0.7) || this.gotest ? this.pipeline() : '.'}}}`;
        break;
      case 17:
        s = this.chance(0.5) ? `{{/* c */}}${this.text()}{{- /* trim */ -}}` : `{{block "b${this.int(3)}" ${this.operand()}}}${this.noTemplate ? this.text() : this.block(1)}{{end}}`;
        break;
      default:
        s = `${this.open()}${this.pipeline()}${this.close()}`;
    }
    this.vars.length = saved;
    this.depth--;
    return s;
  }
}

/** Generates `count` oracle requests from `seed` (deterministic). */
export function generateCases(seed: number, count: number): EvalRequest[] {
  const rnd = prng(seed);
  const cases: EvalRequest[] = [];
  for (let i = 0; i < count; i++) {
    const intMode = rnd() < 0.3;
    const g = new Gen(rnd, intMode);
    g.gotest = rnd() < 0.25;
    // In gotest mode "$x := ." style variables must not capture the root either.
    g.noTemplate = true;
    const helper = `{{define "t"}}[${g.block(2)}]{{end}}`;
    g.noTemplate = false;
    const body = g.block(2 + g.int(4));
    const modeRoll = rnd();
    const req: EvalRequest = {
      id: `rnd-${seed}-${i}`,
      templates: [{ name: 'helpers', template: helper }],
      template: body,
      data: rnd() < 0.3 ? data2 : data,
      numbers: intMode ? (rnd() < 0.2 ? 'number' : 'int') : 'float64',
    };
    if (g.gotest) req.funcs = 'gotest';
    if (rnd() < 0.1) {
      req.delims = ['<<', '>>'];
      const swap = (t: string) => t.replaceAll('{{', '<<').replaceAll('}}', '>>');
      req.template = swap(body);
      req.templates = [{ name: 'helpers', template: swap(helper) }];
    }
    if (modeRoll < 0.4) req.helm = true;
    else if (modeRoll < 0.5) req.missingkey = 'error';
    else if (modeRoll < 0.6) req.missingkey = 'zero';
    cases.push(req);
  }
  return cases;
}

const mutations = ['{{', '}}', '(', ')', '|', '"', '`', "'", '$', '.', ':=', '=', ',', ' ', '-', '{{end}}', '{{else}}', '/*', '*/', 'if', 'range', 'define', '0x', '1e', '_', '\n', 'nil', '{{-', '-}}'];

/** Generates syntactically damaged templates (for parse-error parity): valid ones with random edits. */
export function generateBrokenCases(seed: number, count: number): EvalRequest[] {
  const rnd = prng(seed);
  return generateCases(seed + 1, count).map((req, i) => {
    let text = req.template ?? '';
    const edits = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const roll = rnd();
      if (roll < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
      else text = text.slice(0, at) + mutations[Math.floor(rnd() * mutations.length)] + text.slice(at);
    }
    return { ...req, id: `broken-${seed}-${i}`, template: text };
  });
}

/** Replaces Go func/pointer addresses (which differ per build) so outputs compare. */
export function normalizeAddresses(text: string): string {
  return text.replace(/0x[0-9a-f]{6,12}\b/g, '0xADDR');
}

/** True when Go's result shows function addresses (data funcs of "gotest" printed): not comparable. */
export function showsGoAddresses(text: string): boolean {
  return /0x[0-9a-f]{6}\b|=[0-9]{7}\b|:[0-9]{7} /.test(text);
}

/** True when a Go 1.19 result reflects a construct Go 1.26 treats differently (range over an int). */
export function differsInGo126(goError: string): boolean {
  // Also: Go's 100,000-deep {{template}} recursion, which ends earlier (same error) on the JS stack.
  return /range can't iterate over -?\d+$/.test(goError) || goError.endsWith('exceeded maximum template depth (100000)');
}

/** Normalizes wording that differs between Go 1.19 (oracle here) and Go 1.26 (probes). */
export function normalizeGoError(message: string): string {
  return message.replace(/incompatible types for comparison: .*$/, 'incompatible types for comparison');
}
