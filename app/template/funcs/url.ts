// Go's net/url Parse and URL.String, as far as Sprig's urlParse/urlJoin use them.
import { typeName, type GoMap, type Value } from '../lang/value.js';
import { fail } from './support.js';

interface GoUrl {
  scheme: string;
  opaque: string;
  user?: string;
  host: string;
  path: string;
  rawQuery: string;
  fragment: string;
}

function unescape(s: string, what: string): string {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, () => fail(`invalid URL escape "${s.slice(s.indexOf('%'), s.indexOf('%') + 3)}"`)));
  } catch (error) {
    return fail(`unable to parse ${what}: ${(error as Error).message}`);
  }
}

/** url.Parse (RFC 3986 subset Go accepts). */
export function parseGoUrl(raw: string): GoUrl {
  let rest = raw;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = unescape(rest.slice(hash + 1), 'url');
    rest = rest.slice(0, hash);
  }
  const url: GoUrl = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', fragment };
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (schemeMatch !== null) {
    url.scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  } else if (/^[^/?]*:/.test(rest) && !rest.startsWith('/')) {
    fail(`parse "${raw}": first path segment in URL cannot contain colon`);
  }
  const question = rest.indexOf('?');
  if (question >= 0) {
    url.rawQuery = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  if (!rest.startsWith('/') && url.scheme !== '') {
    url.opaque = rest;
    return url;
  }
  if (rest.startsWith('//') && (url.scheme !== '' || true)) {
    const authorityEnd = rest.indexOf('/', 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      url.user = authority.slice(0, at);
      url.host = authority.slice(at + 1);
    } else url.host = authority;
  }
  url.path = unescape(rest, 'url');
  return url;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host : host.slice(1, end);
  }
  const colon = host.lastIndexOf(':');
  return colon >= 0 && /^\d*$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : host;
}

function escapePath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** URL.String(). */
export function formatGoUrl(url: GoUrl): string {
  let out = '';
  if (url.scheme !== '') out += url.scheme + ':';
  if (url.opaque !== '') out += url.opaque;
  else {
    if (url.scheme !== '' || url.host !== '' || url.user !== undefined) {
      if (url.host !== '' || url.path !== '' || url.user !== undefined) out += '//';
      if (url.user !== undefined) out += url.user + '@';
      out += url.host;
    }
    const path = escapePath(url.path);
    if (path !== '' && !path.startsWith('/') && url.host !== '') out += '/';
    out += path;
  }
  if (url.rawQuery !== '') out += '?' + url.rawQuery;
  if (url.fragment !== '') out += '#' + escapePath(url.fragment).replace(/%3F/g, '?');
  return out;
}

/** Sprig's urlParse. */
export function urlParse(raw: string): GoMap {
  let url: GoUrl;
  try {
    url = parseGoUrl(raw);
  } catch (error) {
    return fail(`unable to parse url: ${(error as Error).message}`);
  }
  return {
    scheme: url.scheme, host: url.host, hostname: hostname(url.host), path: url.path, query: url.rawQuery,
    opaque: url.opaque, fragment: url.fragment, userinfo: url.user ?? '',
  };
}

function metaGet(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return '';
  const v: Value = d[key];
  if (typeof v === 'string') return v;
  return fail(`unable to parse ${key} key, must be of type string, but ${typeName(v)} found`);
}

/** Sprig's urlJoin. */
export function urlJoin(d: GoMap): string {
  const userinfo = metaGet(d, 'userinfo');
  return formatGoUrl({
    scheme: metaGet(d, 'scheme'), host: metaGet(d, 'host'), path: metaGet(d, 'path'), rawQuery: metaGet(d, 'query'),
    opaque: metaGet(d, 'opaque'), fragment: metaGet(d, 'fragment'), user: userinfo === '' ? undefined : userinfo,
  });
}
