import type { ReactNode } from 'react';
import { SimulationView } from '../simulation/simulation-view.js';

/**
 * Views that open as tabs in the main area beside file editors. A view id is
 * `<kind>` or `<kind>:<argument>`, such as `simulation` or `template:web-service`.
 * Adding a view: one entry here.
 */
export interface ViewDefinition {
  title: (argument: string) => string;
  render: (argument: string) => ReactNode;
}

export const viewRegistry: Record<string, ViewDefinition> = {
  simulation: { title: () => 'Policy simulation', render: () => <SimulationView /> },
};

/** Splits a view id into its kind and argument. */
export function parseViewId(id: string): { kind: string; argument: string } {
  const colon = id.indexOf(':');
  return colon < 0 ? { kind: id, argument: '' } : { kind: id.slice(0, colon), argument: id.slice(colon + 1) };
}
