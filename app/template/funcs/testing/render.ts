// Test helper: runs a template through A's engine with Helm's function map.
import { GoTemplateError } from '../../../errors/go-template-error.js';
import { TemplateSet } from '../../lang/engine.js';
import type { Value } from '../../lang/value.js';
import { helmFunctions, type HelmFunctionOptions, type TemplateHost } from '../index.js';

/** Renders `template` (plus optional named helper templates) in Helm mode; returns output or "ERROR: message". */
export function render(template: string, data: Value = {}, options: { helpers?: Record<string, string>; host?: TemplateHost; funcs?: HelmFunctionOptions } = {}): string {
  const set = new TemplateSet({ funcs: helmFunctions(options.funcs), name: 'templates/test.yaml' });
  try {
    for (const [name, text] of Object.entries(options.helpers ?? {})) set.parse(name, text);
    set.parse('templates/test.yaml', template);
    return set.execute('templates/test.yaml', data, { helm: true, host: options.host });
  } catch (error) {
    if (error instanceof GoTemplateError) return `ERROR: ${error.message}`;
    throw error;
  }
}

/** A host with a fixed clock (2024-01-15T10:30:00Z) and deterministic "random" bytes. */
export function fixedHost(localZone = 'UTC'): TemplateHost {
  let counter = 0;
  return {
    clock: { nowNanos: () => 1705314600000000000n, localZone },
    crypto: {
      randomBytes(length: number) {
        const out = new Uint8Array(length);
        for (let i = 0; i < length; i++) out[i] = (counter++ * 37 + 11) & 0xff;
        return out;
      },
    },
  };
}
