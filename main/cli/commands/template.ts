import type { CliCommand } from '../command.js';
import { evaluateLine } from '../../../app/template/eval/evaluate-line.js';
import { registeredFuncSets } from '../../../app/template/eval/func-sets.js';
// Registers the "sprig" and "helm" function maps with the evaluator.
import '../../../app/template/funcs/index.js';

const usage = `paver template eval
  Reads JSON lines in the Go oracle's request format (id, template, templates, name,
  exec, data, numbers, missingkey, helm, delims, funcs) from stdin and prints one
  {"id","output","error","phase"} line per request.`;

export const templateCommand: CliCommand = {
  name: 'template',
  summary: 'Evaluate Go templates (JSON lines, oracle format) for differential testing',
  usage,
  async run(argv, io) {
    if (argv[0] !== 'eval' || argv.length > 1) {
      io.stderr(`paver template: expected the subcommand "eval".\nUsage: ${usage}\n`);
      return 2;
    }
    for await (const line of io.stdin()) {
      const out = evaluateLine(line, registeredFuncSets);
      if (out !== undefined) io.stdout(out + '\n');
    }
    return 0;
  },
};
