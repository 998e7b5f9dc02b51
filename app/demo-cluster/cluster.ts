// The in-process cluster: store, clock and admission hook shared by the HTTP
// layer and the controllers. Controllers write through the same operations
// as clients, so defaulting, validation and watches behave the same way.
import { randomUUID } from 'node:crypto';
import type { KubeObject } from './api/kube-object.js';
import { ObjectStore } from './store/object-store.js';

/** What admission sees of one write. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  object: KubeObject | undefined;
  oldObject: KubeObject | undefined;
  namespaceObject: KubeObject | undefined;
  dryRun: boolean;
  userName: string;
}

/** A denial (Status message and code) or warnings to return in headers. */
export interface AdmissionOutcome {
  denied?: { message: string; code: number };
  warnings: string[];
}

/** Pluggable admission (ValidatingAdmissionPolicy enforcement). */
export interface AdmissionHook {
  admit(request: AdmissionRequest, cluster: Cluster): AdmissionOutcome;
}

/** Per-request write options (query parameters of the API call). */
export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  force?: boolean;
  userAgent?: string;
  /** Admission warnings collected for the `Warning` response headers. */
  warnings: string[];
  /** Seeding only: keep the status and uid written in the manifest. */
  preserveStatus?: boolean;
  /** Unknown fields: Strict rejects (400), Warn (the default for clients) warns, Ignore drops silently. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

/** Options for a write made by the demo cluster itself (controllers, seeding). */
export function systemWrite(manager: string): WriteOptions {
  return { dryRun: false, fieldManager: manager, warnings: [] };
}

/** Shared state of one demo cluster. */
export class Cluster {
  readonly store = new ObjectStore();
  admission: AdmissionHook | undefined;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Current time as a Kubernetes timestamp (seconds precision, UTC). */
  now(): string {
    return this.clock().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Milliseconds since the epoch by the cluster clock. */
  nowMs(): number {
    return this.clock().getTime();
  }

  /** A fresh object uid. */
  newUid(): string {
    return randomUUID();
  }
}
