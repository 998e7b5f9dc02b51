// Sprig's defaults, reflection, JSON, encoding, hashing and URL functions.
import {
  kindOf, typeName, type FuncMap, type Value,
} from '../lang/value.js';
import { base32Decode, base32Encode, base64Decode, base64Encode, utf8Decode, utf8Encode } from './encoding-base.js';
import { deepEqual, isEmpty } from './equality.js';
import { parseGoJson } from './go-json-parse.js';
import { marshalJson } from './go-json.js';
import { adler32, hexDigest } from './hashing.js';
import { cryptoOf, uuidV4 } from './random.js';
import { define, fail, mapArg } from './support.js';
import { urlJoin, urlParse } from './url.js';

function tryJson(v: Value, options: { escapeHtml?: boolean; indent?: string }): string {
  try {
    return marshalJson(v, options);
  } catch {
    return '';
  }
}

function mustJson(v: Value, options: { escapeHtml?: boolean; indent?: string }): string {
  try {
    return marshalJson(v, options);
  } catch (error) {
    return fail((error as Error).message);
  }
}

function decodeOr(text: string, decode: (s: string) => Uint8Array): string {
  try {
    return utf8Decode(decode(text));
  } catch (error) {
    return (error as Error).message;
  }
}

/** Sprig's defaults, reflection, JSON, encoding, hashing and URL functions. */
export const dataFunctions: FuncMap = {
  default: define(['interface {}'], ([d, ...given]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), 'interface {}'),
  empty: define(['interface {}'], ([v]) => isEmpty(v)),
  coalesce: define([], (args) => args.find((v) => !isEmpty(v)) ?? null, 'interface {}'),
  all: define([], (args) => args.every((v) => !isEmpty(v)), 'interface {}'),
  any: define([], (args) => args.some((v) => !isEmpty(v)), 'interface {}'),
  ternary: define(['interface {}', 'interface {}', 'bool'], ([vt, vf, v]) => (v ? vt : vf)),
  typeOf: define(['interface {}'], ([v]) => typeName(v)),
  typeIs: define(['string', 'interface {}'], ([target, v]) => target === typeName(v)),
  typeIsLike: define(['string', 'interface {}'], ([target, v]) => {
    const t = typeName(v);
    return target === t || `*${target}` === t;
  }),
  kindOf: define(['interface {}'], ([v]) => kindOf(v)),
  kindIs: define(['string', 'interface {}'], ([target, v]) => target === kindOf(v)),
  deepEqual: define(['interface {}', 'interface {}'], ([a, b]) => deepEqual(a, b)),
  fromJson: define(['string'], ([s]) => {
    try {
      return parseGoJson(s as string);
    } catch {
      return null;
    }
  }),
  mustFromJson: define(['string'], ([s]) => {
    try {
      return parseGoJson(s as string);
    } catch (error) {
      return fail((error as Error).message);
    }
  }),
  toJson: define(['interface {}'], ([v]) => tryJson(v, {})),
  mustToJson: define(['interface {}'], ([v]) => mustJson(v, {})),
  toPrettyJson: define(['interface {}'], ([v]) => tryJson(v, { indent: '  ' })),
  mustToPrettyJson: define(['interface {}'], ([v]) => mustJson(v, { indent: '  ' })),
  toRawJson: define(['interface {}'], ([v]) => mustJson(v, { escapeHtml: false })),
  mustToRawJson: define(['interface {}'], ([v]) => mustJson(v, { escapeHtml: false })),
  b64enc: define(['string'], ([s]) => base64Encode(utf8Encode(s as string))),
  b64dec: define(['string'], ([s]) => decodeOr(s as string, base64Decode)),
  b32enc: define(['string'], ([s]) => base32Encode(utf8Encode(s as string))),
  b32dec: define(['string'], ([s]) => decodeOr(s as string, base32Decode)),
  sha1sum: define(['string'], ([s], ctx) => hexDigest(ctx, 'sha1', s as string)),
  sha256sum: define(['string'], ([s], ctx) => hexDigest(ctx, 'sha256', s as string)),
  sha512sum: define(['string'], ([s], ctx) => hexDigest(ctx, 'sha512', s as string)),
  adler32sum: define(['string'], ([s]) => String(adler32(utf8Encode(s as string)))),
  uuidv4: define([], (_args, ctx) => uuidV4(ctx)),
  randBytes: define(['int'], ([n], ctx) => base64Encode(cryptoOf(ctx).randomBytes(Math.max(Number(n as bigint), 0)))),
  urlParse: define(['string'], ([s]) => urlParse(s as string)),
  urlJoin: define(['interface {}'], ([d]) => urlJoin(mapArg(d))),
};
