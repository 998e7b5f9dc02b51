import { describe, expect, it } from 'vitest';
import { fixedHost, render } from './testing/render.js';

describe('Sprig string functions', () => {
  it('truncates, abbreviates and slices by bytes like Go', () => {
    expect(render('{{ trunc 3 "abcdef" }}|{{ trunc -2 "abcdef" }}|{{ trunc 10 "ab" }}|{{ abbrev 5 "hello world" }}|{{ abbrevboth 5 10 "1234 5678 9123" }}')).toBe('abc|ef|ab|he...|...5678...');
    expect(render('{{ substr 1 3 "hello" }}|{{ substr -1 2 "hello" }}|{{ substr 2 -1 "hello" }}')).toBe('el|he|llo');
    expect(render('{{ substr 2 9 "abc" }}')).toBe('c');
    expect(render('{{ substr 5 9 "abc" }}')).toContain('error calling substr: runtime error: slice bounds out of range');
  });

  it('changes case the way goutils/xstrings do', () => {
    expect(render('{{ title "hello world-foo_bar" }}|{{ untitle "Hello World" }}|{{ swapcase "Hello World" }}|{{ initials "hello big world" }}'))
      .toBe('Hello World-Foo_bar|hello world|hELLO wORLD|hbw');
    expect(render('{{ snakecase "HTTPServer" }}|{{ snakecase "FirstName" }}|{{ kebabcase "NoHTTPS" }}|{{ camelcase "http_server" }}|{{ camelcase "_complex__case_" }}'))
      .toBe('http_server|first_name|no-https|HttpServer|_Complex_Case_');
    expect(render('{{ snakecase "Bld4Floor3rd" }}|{{ snakecase "HTTP20xOK" }}|{{ kebabcase "Duration2m3s" }}|{{ camelcase "GOLANG_IS_GREAT" }}|{{ camelcase "some words" }}'))
      .toBe('bld4_floor_3rd|http_20x_ok|duration-2m3s|GolangIsGreat|SomeWords');
  });

  it('maps case rune by rune like strings.ToUpper/ToLower', () => {
    expect(render('{{ upper "straße" }}|{{ lower "ΟΔΟΣ" }}|{{ lower "İx" }}')).toBe('STRAßE|οδοσ|ix');
  });

  it('trims, replaces, repeats and wraps', () => {
    expect(render('[{{ trim "  a b  " }}]|{{ trimAll "$" "$5.00$" }}|{{ trimPrefix "-" "--a" }}|{{ nospace "a b\tc" }}|{{ repeat 2 "ab" }}|{{ replace " " "-" "a b c" }}'))
      .toBe('[a b]|5.00|-a|abc|abab|a-b-c');
    expect(render('{{ wrap 5 "An example text" }}|{{ wrapWith 5 "\\t" "Hello World" }}')).toBe('An\nexample\ntext|Hello\tWorld');
    expect(render('{{ plural "one" "many" 1 }} {{ plural "one" "many" 2 }}')).toBe('one many');
  });

  it('quotes, concatenates and indents', () => {
    expect(render('{{ quote "a\\"b" nil 1.5 }}|{{ squote "x" 2 }}|{{ cat "a" nil 2 "b" }}')).toBe('"a\\"b" "1.5"|\'x\' \'2\'|a 2 b');
    expect(render('{{ "a\\nb" | indent 2 }}|{{ "x" | nindent 4 }}')).toBe('  a\n  b|\n    x');
  });

  it('splits and joins', () => {
    expect(render('{{ splitn "$" 2 "a$b$c" }}|{{ join "+" (list "a" nil 1) }}|{{ splitList "" "ab" }}|{{ typeOf (splitList "," "a") }}'))
      .toBe('map[_0:a _1:b$c]|a+1|[a b]|[]string');
    expect(render('{{ sortAlpha (list "b" "B" "a" 10 9) }}|{{ toStrings (list 1 "x" nil) }}')).toBe('[10 9 B a b]|[1 x]');
  });

  it('draws random strings from the host crypto provider', () => {
    const host = fixedHost();
    expect(render('{{ randAlphaNum 8 | len }} {{ randNumeric 5 | regexMatch "^[0-9]{5}$" }} {{ randAlpha 4 | regexMatch "^[a-zA-Z]+$" }} {{ randAscii 3 | len }}', {}, { host }))
      .toBe('8 true true 3');
    expect(render('{{ shuffle "abc" | len }}', {}, { host })).toBe('3');
  });

  it('reports Go parameter type errors for strings', () => {
    expect(render('{{ upper 3 }}')).toContain('at <3>: expected string; found 3');
    expect(render('{{ upper .n }}', { n: 1.5 })).toContain('wrong type for value; expected string; got float64');
  });
});
