import type { ReactNode } from 'react';
import { SimulationView } from '../simulation/simulation-view.js';
import { GitView } from '../git/git-view.js';
import { TemplateView } from '../templates/template-view.js';
import { ServicesTable } from '../services/services-table.js';
import { UpgradeView } from '../services/upgrade-view.js';

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
  'git-changes': { title: () => 'Git changes', render: () => <GitView /> },
  template: { title: (name) => `Template ${name}`, render: (name) => <TemplateView key={name} template={name} /> },
  'services-table': { title: () => 'Service table', render: () => <ServicesTable /> },
  upgrade: { title: (name) => `Upgrade ${name}`, render: (name) => <UpgradeView key={name} template={name} /> },
};

/** Splits a view id into its kind and argument. */
export function parseViewId(id: string): { kind: string; argument: string } {
  const colon = id.indexOf(':');
  return colon < 0 ? { kind: id, argument: '' } : { kind: id.slice(0, colon), argument: id.slice(colon + 1) };
}
