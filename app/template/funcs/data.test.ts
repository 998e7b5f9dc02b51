import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedHost, render } from './testing/render.js';

describe('Sprig defaults and reflection', () => {
  it('treats zero values as empty', () => {
    expect(render('{{ default "d" 0 }}|{{ default "d" "0" }}|{{ default "d" (list) }}|{{ default "d" (dict "a" 1) }}|{{ default "d" }}|{{ coalesce 0 "" "x" }}|{{ all 1 "a" }}|{{ all 1 "" }}|{{ any 0 "" }}|{{ any 0 "a" }}'))
      .toBe('d|0|d|map[a:1]|d|x|true|false|false|true');
    expect(render('{{ ternary "y" "n" true }}|{{ empty (dict) }}|{{ empty false }}')).toBe('y|true|true');
  });

  it('names types and kinds like reflect', () => {
    expect(render('{{ typeOf 1 }}|{{ typeOf 1.5 }}|{{ typeOf (list) }}|{{ typeOf (dict) }}|{{ kindOf (dict) }}|{{ typeIsLike "semver.Version" (semver "1.0.0") }}|{{ kindIs "ptr" (semver "1.0.0") }}'))
      .toBe('int|float64|[]interface {}|map[string]interface {}|map|true|true');
  });
});

describe('Sprig JSON and encodings', () => {
  it('marshals JSON like encoding/json', () => {
    const data = { m: { b: [1, 'x', null], a: '<&>', f: 1e21, g: 1e-7, i: 1000000 } };
    expect(render('{{ toJson .m }}', data)).toBe('{"a":"\\u003c\\u0026\\u003e","b":[1,"x",null],"f":1e+21,"g":1e-7,"i":1000000}');
    expect(render('{{ toRawJson .m.a }}|{{ toPrettyJson (list 1 (dict "k" "v")) }}', data)).toBe('"<&>"|[\n  1,\n  {\n    "k": "v"\n  }\n]');
    expect(render('{{ (fromJson "{\\"a\\":[1,2]}").a }}|{{ fromJson "[1" }}|{{ mustFromJson "{" }}')).toContain('error calling mustFromJson: unexpected end of JSON input');
    expect(render('{{ fromJsonArray "{}" }}|{{ fromJson "[1]" }}|{{ fromJson "{x}" }}'))
      .toBe('[json: cannot unmarshal object into Go value of type []interface {}]|map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]|map[Error:invalid character \'x\' looking for beginning of object key string]');
  });

  it('encodes base64/base32 and returns Go errors as text on bad input', () => {
    expect(render('{{ b64enc "héllo" }}|{{ b64dec "aMOpbGxv" }}|{{ b32enc "hi" }}|{{ b32dec "NBUQ====" }}|{{ b64dec "!!" }}')).toBe('aMOpbGxv|héllo|NBUQ====|hi|illegal base64 data at input byte 0');
  });

  it('hashes UTF-8 text', () => {
    const sha = (alg: string, s: string) => createHash(alg).update(s).digest('hex');
    expect(render('{{ sha1sum "é" }}|{{ sha256sum "é" }}|{{ sha512sum "x" }}|{{ adler32sum "Wikipedia" }}'))
      .toBe(`${sha('sha1', 'é')}|${sha('sha256', 'é')}|${sha('sha512', 'x')}|300286872`);
  });

  it('makes version-4 UUIDs from the host random source', () => {
    expect(render('{{ uuidv4 }}', {}, { host: fixedHost() })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Sprig paths and URLs', () => {
  it('uses Go path semantics', () => {
    expect(render('{{ base "/a/b/" }}|{{ dir "a/b" }}|{{ dir "a" }}|{{ ext "x.tar.gz" }}|{{ clean "a//b/../c/." }}|{{ isAbs "/x" }}|{{ osBase "" }}')).toBe('b|a|.|.gz|a/c|true|.');
  });

  it('parses and joins URLs', () => {
    expect(render('{{ $u := urlParse "https://user:pw@example.com:8443/p/a%20b?x=1&y=2#frag" }}{{ $u.scheme }} {{ $u.hostname }} {{ $u.path }} {{ $u.query }} {{ $u.userinfo }} {{ $u.fragment }}'))
      .toBe('https example.com /p/a b x=1&y=2 user:pw frag');
    expect(render('{{ urlJoin (dict "scheme" "https" "host" "h:1" "path" "/a b" "query" "q=1" "userinfo" "u") }}')).toBe('https://u@h:1/a%20b?q=1');
  });
});

describe('Sprig regular expressions (RE2 syntax)', () => {
  it('finds, replaces and splits with Go semantics', () => {
    expect(render('{{ regexFindAll "[2,4,6,8]" "123456789" -1 }}|{{ regexFindAll "a*" "baaab" -1 }}|{{ regexFind "[0-9]+" "ab12cd34" }}'))
      .toBe('[2 4 6 8]|[ aaa ]|12');
    expect(render('{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}|{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}|{{ regexReplaceAllLiteral "a(x*)b" "-ab-" "$1" }}'))
      .toBe('-W-xxW-|---|-$1-');
    expect(render('{{ regexSplit "z+" "pizza" -1 }}|{{ regexSplit "z+" "pizza" 1 }}|{{ regexMatch "(?i)^HELLO" "hello" }}|{{ regexMatch "[[:digit:]]+" "a1" }}|{{ regexQuoteMeta "1.2*" }}'))
      .toBe('[pi a]|[pizza]|true|true|1\\.2\\*');
  });

  it('translates RE2-only syntax: \\pL classes, \\x{...}, named groups, \\A and \\z', () => {
    expect(render('{{ regexFindAll "\\\\pL+" "héllo wörld 42" -1 }}|{{ regexReplaceAll "(?P<first>\\\\w+) (?P<second>\\\\w+)" "a b" "${second} $first" }}|{{ regexMatch "\\\\Aab\\\\z" "ab" }}|{{ regexMatch "\\\\x{e9}" "é" }}'))
      .toBe('[héllo wörld]|b a|true|true');
    expect(render('{{ regexFind "(?=a)" "a" }}')).toContain('invalid or unsupported Perl syntax');
    expect(render('{{ regexMatch "^a(?i:bc)d$" "aBCd" }}|{{ regexMatch "^a(?i:bc)d$" "aBCD" }}|{{ regexMatch "^x(?i)yz$" "xYZ" }}|{{ regexMatch "(?i:[a-c]+)" "B" }}'))
      .toBe('true|false|true|true');
    expect(render('{{ mustRegexMatch "(?s:a.b)" "a b" }}')).toContain('inline flags (?s) inside the pattern are not supported here');
  });

  it('reports invalid patterns like regexp.MustCompile', () => {
    expect(render('{{ regexMatch "(" "x" }}')).toBe('false');
    expect(render('{{ regexFind "(" "x" }}')).toContain('error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`');
  });
});
