import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CliCommand, CliIo } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { evaluatePolicyEvalLine, PolicySetCache } from '../../../app/policy/index.js';
import { formatSuiteJson, formatSuiteTable, runPolicySuite, suiteTotals } from '../../../app/policy/suites/index.js';
import { findSuites, suiteFiles } from '../policy-suite-files.js';

const usage = `paver policy eval [--as-of YYYY-MM-DD] [--no-pod-templates]
       paver policy test PATH... [--as-of YYYY-MM-DD] [--format table|json]

Reads JSON lines on stdin and writes one JSON line per input:
  in:  {"id", "objects": [policies, bindings, constraints, params], "request": {"operation", "object", "oldObject", "userInfo"}, "namespaceObject", "kubeVersion"}
  out: {"id", "allowed", "warnings", "violations": [{"policy", "binding", "action", "message", "reason"}], "notEvaluated": [{"policy", "reason"}], "errors"}

test runs existing policy test suites against the engine: Gatekeeper gator suites
(suite.yaml) and Kyverno CLI tests (kyverno-test.yaml) found under each PATH. It
prints one line per case and a summary, and exits 1 when any case fails.`;

function readAsOf(args: ReturnType<typeof parseArgs>, sub: string): string | undefined {
  const asOf = stringOption(args, 'as-of');
  if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) throw new UsageError(`paver policy ${sub}: --as-of ${asOf} is not a date; write YYYY-MM-DD`, { command: 'policy', argument: 'as-of' });
  return asOf;
}

function runTests(rest: string[], io: CliIo): number {
  const args = parseArgs('policy test', rest, { 'as-of': { value: true }, format: { value: true } });
  const asOf = readAsOf(args, 'test');
  const format = stringOption(args, 'format', 'table');
  if (format !== 'table' && format !== 'json') throw new UsageError('paver policy test: --format must be table or json', { command: 'policy', argument: 'format' });
  if (args.positionals.length === 0) throw new UsageError('paver policy test: name at least one file or folder with suite.yaml or kyverno-test.yaml files', { command: 'policy', argument: '' });
  const reports = [];
  for (const target of args.positionals) {
    const path = resolve(io.cwd, target);
    if (!existsSync(path)) throw new UsageError(`paver policy test: ${target} does not exist`, { command: 'policy', argument: target });
    for (const suite of findSuites(path)) {
      const name = relative(io.cwd, suite.path) || suite.path;
      reports.push(runPolicySuite(suite.kind, name, readFileSync(suite.path, 'utf8'), suiteFiles(suite), asOf ? { asOf } : {}));
    }
  }
  io.stdout(format === 'json' ? formatSuiteJson(reports) : formatSuiteTable(reports));
  const totals = suiteTotals(reports);
  return totals.failed > 0 || totals.problems > 0 ? 1 : 0;
}

export const policyCommand: CliCommand = {
  name: 'policy',
  summary: 'Evaluate policies (VAP, Gatekeeper CEL, Kyverno CEL) against admission requests, or run their test suites',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'test') return runTests(rest, io);
    if (sub !== 'eval') throw new UsageError(`paver policy: unknown subcommand ${sub ? `'${sub}'` : '(none)'}; use eval or test. Usage: ${usage.split('\n').slice(0, 2).join(' | ').replace(/\s+/g, ' ')}`, { command: 'policy', argument: sub ?? '' });
    const args = parseArgs('policy eval', rest, { 'as-of': { value: true }, 'no-pod-templates': {} });
    const asOf = readAsOf(args, 'eval');
    const cache = new PolicySetCache();
    let lineNumber = 0;
    for await (const line of io.stdin()) {
      lineNumber++;
      if (line.trim() === '') continue;
      const output = evaluatePolicyEvalLine(line, lineNumber, cache, { asOf, podTemplates: !args.options['no-pod-templates'] });
      io.stdout(`${JSON.stringify(output)}\n`);
    }
    return 0;
  },
};
