// Kubernetes URL library (k8s.io/apiserver/pkg/cel/library/urls.go). Parsing
// follows Go's url.ParseRequestURI: an absolute URL or an absolute path.
// Hosts and ports are kept as written (JS URL would drop default ports).
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

/** A parsed URL, the CEL type `kubernetes.URL`. */
export class CelUrl {
  constructor(
    readonly text: string,
    readonly scheme: string,
    readonly host: string,
    readonly path: string,
    readonly query: string,
  ) {}

  hostname(): string {
    if (this.host.startsWith('[')) return this.host.slice(1, this.host.indexOf(']'));
    const colon = this.host.lastIndexOf(':');
    return colon >= 0 ? this.host.slice(0, colon) : this.host;
  }

  port(): string {
    const close = this.host.lastIndexOf(']');
    const colon = this.host.lastIndexOf(':');
    return colon > close ? this.host.slice(colon + 1) : '';
  }

  equals(other: unknown): boolean {
    return other instanceof CelUrl && other.text === this.text;
  }
}

const absolute = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

/** Parses like Go's url.ParseRequestURI, or returns undefined. */
export function parseUrl(text: string): CelUrl | undefined {
  if (/[\s\x00-\x1f\x7f]/.test(text)) return undefined;
  if (text.startsWith('/')) {
    const q = text.indexOf('?');
    return new CelUrl(text, '', '', q >= 0 ? text.slice(0, q) : text, q >= 0 ? text.slice(q + 1) : '');
  }
  const match = absolute.exec(text);
  if (!match) return undefined;
  const host = match[2] ?? '';
  if (host.includes('@') && /[[\]]/.test(host.split('@')[0]!)) return undefined;
  const hostPart = host.includes('@') ? host.slice(host.lastIndexOf('@') + 1) : host;
  if (hostPart.startsWith('[') && !/^\[[0-9a-fA-F:.%]+\](:\d*)?$/.test(hostPart)) return undefined;
  if (!hostPart.startsWith('[') && /:.*[^0-9]/.test(hostPart.slice(hostPart.indexOf(':') >= 0 ? hostPart.indexOf(':') : hostPart.length))) return undefined;
  return new CelUrl(text, match[1]!, hostPart, match[3] ?? '', match[4] ?? '');
}

function url(text: string): CelUrl {
  const parsed = parseUrl(text);
  if (!parsed) throw new CelLibraryError(`URL parse error during conversion from string: ${JSON.stringify(text)} is not an absolute URL or absolute path`);
  return parsed;
}

function query(u: CelUrl): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (!u.query) return result;
  for (const part of u.query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    const key = decode(eq >= 0 ? part.slice(0, eq) : part);
    const value = decode(eq >= 0 ? part.slice(eq + 1) : '');
    const list = result.get(key);
    if (list) list.push(value); else result.set(key, [value]);
  }
  return result;
}

/** Adds url(), isURL and the URL accessors. */
export function registerUrlLibrary(env: CelRegistrar): void {
  env.registerType('kubernetes.URL', CelUrl);
  env.registerFunction('url(string): kubernetes.URL', url);
  env.registerFunction('isURL(string): bool', (s: string) => parseUrl(s) !== undefined);
  env.registerFunction('kubernetes.URL.getScheme(): string', (u: CelUrl) => u.scheme);
  env.registerFunction('kubernetes.URL.getHost(): string', (u: CelUrl) => u.host);
  env.registerFunction('kubernetes.URL.getHostname(): string', (u: CelUrl) => u.hostname());
  env.registerFunction('kubernetes.URL.getPort(): string', (u: CelUrl) => u.port());
  env.registerFunction('kubernetes.URL.getEscapedPath(): string', (u: CelUrl) => u.path);
  env.registerFunction('kubernetes.URL.getQuery(): map<string, list<string>>', query);
}
