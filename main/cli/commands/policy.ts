import type { CliCommand } from '../command.js';
import { parseArgs, stringOption } from '../args.js';
import { UsageError } from '../../../app/errors/index.js';
import { evaluatePolicyEvalLine, PolicySetCache } from '../../../app/policy/index.js';

const usage = `paver policy eval [--as-of YYYY-MM-DD] [--no-pod-templates]

Reads JSON lines on stdin and writes one JSON line per input:
  in:  {"id", "objects": [policies, bindings, constraints, params], "request": {"operation", "object", "oldObject", "userInfo"}, "namespaceObject", "kubeVersion"}
  out: {"id", "allowed", "warnings", "violations": [{"policy", "binding", "action", "message", "reason"}], "notEvaluated": [{"policy", "reason"}], "errors"}`;

export const policyCommand: CliCommand = {
  name: 'policy',
  summary: 'Evaluate policies (VAP, Gatekeeper CEL, Kyverno CEL) against admission requests',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'eval') throw new UsageError(`paver policy: unknown subcommand ${sub ? `'${sub}'` : '(none)'}; usage: ${usage.split('\n')[0]}`, { command: 'policy', argument: sub ?? '' });
    const args = parseArgs('policy eval', rest, { 'as-of': { value: true }, 'no-pod-templates': {} });
    const asOf = stringOption(args, 'as-of');
    if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) throw new UsageError(`paver policy eval: --as-of ${asOf} is not a date; write YYYY-MM-DD`, { command: 'policy', argument: 'as-of' });
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
