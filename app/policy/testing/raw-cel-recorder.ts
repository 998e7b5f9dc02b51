// For benchmarks: records every CEL evaluation the policy engine performs
// while a workload runs, then replays exactly those evaluations through the
// compiled cel-js programs alone. The replay is "raw CEL evaluation time" for
// the same work, so engine time / replay time is the engine's overhead factor.
import type { CelActivation, CelProgram } from '../cel/cel-environment.js';
import type { CompiledPolicy } from '../engine/compiled-policy.js';
import { VariableScope } from '../engine/variable-scope.js';
import type { PolicySet } from '../policy-set.js';

interface RecordedCall {
  run: (activation: CelActivation) => unknown;
  activation: CelActivation;
}

/** The evaluations recorded while `record` was active. */
export interface CelRecording {
  calls: number;
  /** Replays every recorded evaluation; returns wall ms. Errors count as evaluations, as in the engine. */
  replay(): number;
}

function programsOf(policy: CompiledPolicy): CelProgram[] {
  return [
    ...policy.matchConditions.map((c) => c.program),
    ...policy.validations.flatMap((v) => (v.messageProgram ? [v.program, v.messageProgram] : [v.program])),
    ...policy.auditAnnotations.map((a) => a.program),
    ...policy.variables.slots.flatMap((slot) => (slot.program ? [slot.program] : [])),
  ];
}

/**
 * Runs `workload` with every program of the sets wrapped to record its calls.
 * Variables are replayed as plain values: their own expressions are recorded as
 * calls, so their cost is counted once, as in the engine's lazy scope.
 */
export async function recordCelCalls(sets: PolicySet[], workload: () => Promise<void> | void): Promise<CelRecording> {
  const calls: RecordedCall[] = [];
  const restore: Array<() => void> = [];
  // The current evaluation's variables, as plain values (filled as variables are read).
  let variables: Record<string, unknown> = {};
  const scopeReset = VariableScope.prototype.reset;
  VariableScope.prototype.reset = function reset(this: VariableScope, activation: CelActivation) {
    scopeReset.call(this, activation);
    variables = {};
    for (const slot of this.slots) if (slot.native) variables[slot.name] = this.value[slot.name];
  };
  restore.push(() => { VariableScope.prototype.reset = scopeReset; });

  const seen = new Set<CelProgram>();
  const wrap = (program: CelProgram, variableName?: string) => {
    if (seen.has(program)) return;
    seen.add(program);
    const { run, evaluate } = program;
    const record = (activation: CelActivation) => {
      calls.push({ run, activation: { ...activation, variables } });
    };
    program.run = (activation) => {
      record(activation);
      const value = run(activation);
      if (variableName) variables[variableName] = value;
      return value;
    };
    program.evaluate = (activation) => {
      record(activation);
      return evaluate(activation);
    };
    restore.push(() => { program.run = run; program.evaluate = evaluate; });
  };
  for (const set of sets) {
    for (const binding of set.bindings) {
      const policy = binding.policy;
      if (!policy) continue;
      for (const slot of policy.variables.slots) if (slot.program) wrap(slot.program, slot.name);
      for (const program of programsOf(policy)) wrap(program);
    }
  }
  try {
    await workload();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return {
    calls: calls.length,
    replay() {
      const started = performance.now();
      for (const call of calls) {
        try { call.run(call.activation); } catch { /* an error is an evaluation too */ }
      }
      return performance.now() - started;
    },
  };
}
