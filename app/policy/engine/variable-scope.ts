// `variables` for one policy: lazy and memoised per evaluation. The object and
// its getters are built once at compile time and re-armed per evaluation, so
// evaluating allocates nothing. Not re-entrant, which is fine: evaluation is
// synchronous and a policy's variables are only read while it is evaluated.
import { CelEvaluationFailure, celFailure, type CelActivation, type CelProgram } from '../cel/cel-environment.js';

/** A variable: a CEL expression, or a value computed natively (Gatekeeper's anyObject and params). */
export interface VariableSlot {
  name: string;
  program?: CelProgram;
  native?: (activation: CelActivation) => unknown;
}

const UNSET = Symbol('unset');

class Failed {
  constructor(readonly error: CelEvaluationFailure) {}
}

/** The lazily evaluated `variables` of one policy. */
export class VariableScope {
  /** The value to bind as `variables`; an empty frozen map when there are none. */
  readonly value: Record<string, unknown>;
  private readonly memo: unknown[];
  private activation: CelActivation = {};
  private readonly natives: VariableSlot[];

  constructor(readonly slots: VariableSlot[]) {
    this.memo = new Array(slots.length).fill(UNSET);
    const value: Record<string, unknown> = {};
    slots.forEach((slot, index) => {
      // Native values are cheap and always valid: plain data properties, set per evaluation.
      if (slot.native) Object.defineProperty(value, slot.name, { enumerable: true, writable: true, value: null });
      else Object.defineProperty(value, slot.name, { enumerable: true, get: () => this.read(slot, index) });
    });
    this.natives = slots.filter((slot) => slot.native);
    this.value = slots.length ? value : Object.freeze({});
  }

  /** Re-arms the scope for a new evaluation with this activation. */
  reset(activation: CelActivation): void {
    this.activation = activation;
    if (this.memo.length) this.memo.fill(UNSET);
    for (const slot of this.natives) this.value[slot.name] = slot.native!(activation);
  }

  private read(slot: VariableSlot, index: number): unknown {
    let value = this.memo[index];
    if (value === UNSET) {
      try {
        value = slot.program!.run(this.activation);
      } catch (error) {
        value = new Failed(celFailure(error));
      }
      this.memo[index] = value;
    }
    if (value instanceof Failed) {
      throw new CelEvaluationFailure(`variables.${slot.name}: ${value.error.message}`, value.error.unknown);
    }
    return value;
  }
}
