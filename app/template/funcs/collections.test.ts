import { describe, expect, it } from 'vitest';
import { GoTypedMap } from '../lang/value.js';
import { render } from './testing/render.js';

const data = { list: ['b', 'a', 'c', 'a'], nums: [3, 1, 2], m: { a: 1, b: { c: 'x' } }, s: 'str' };

describe('Sprig list functions', () => {
  it('builds and reads lists', () => {
    expect(render('{{ first .list }}|{{ last .list }}|{{ rest .list }}|{{ initial .list }}|{{ reverse .list }}|{{ uniq .list }}|{{ without .list "a" "c" }}', data))
      .toBe('b|a|[a c a]|[b a c]|[a c a b]|[b a c]|[b]');
    expect(render('{{ first (list) }}|{{ rest (list) }}|{{ prepend (append (list 1) 2) 0 }}|{{ concat (list 1) (list 2 3) }}', data)).toBe('||[0 1 2]|[1 2 3]');
    expect(render('{{ chunk 2 (list 1 2 3 4 5) }}|{{ slice .list 1 }}|{{ slice .list 1 2 }}|{{ compact (list 0 "" "x" nil false true) }}', data))
      .toBe('[[1 2] [3 4] [5]]|[a c a]|[a]|[x true]');
  });

  it('compares with reflect.DeepEqual (float64 is not int)', () => {
    expect(render('{{ has 1 .nums }}|{{ has 1.0 .nums }}|{{ has "a" nil }}|{{ deepEqual (list 1 2) (list 1 2) }}|{{ deepEqual .m .m }}|{{ deepEqual 1 1.0 }}', data))
      .toBe('false|true|false|true|true|false');
  });

  it('fails with Sprig wording on non-lists and nil', () => {
    expect(render('{{ first .s }}', data)).toContain('error calling first: Cannot find first on type string');
    expect(render('{{ append .missing "x" }}', data)).toContain('error calling append: runtime error: invalid memory address or nil pointer dereference');
    expect(render('{{ concat (list 1) "x" }}', data)).toContain('Cannot concat type string as list');
    expect(render('{{ slice "abc" 1 }}', data)).toContain('list should be type of slice or array but string');
  });
});

describe('Sprig dict functions', () => {
  it('reads and edits dicts in place', () => {
    expect(render('{{ $d := dict "a" 1 "b" }}{{ $d }}|{{ get $d "zz" }}|{{ hasKey $d "b" }}|{{ $_ := set $d "c" 3 }}{{ $_ := unset $d "a" }}{{ $d }}'))
      .toBe('map[a:1 b:]||true|map[b: c:3]');
    expect(render('{{ keys .m | sortAlpha }}|{{ values (dict "b" 2 "a" 1) }}|{{ pick .m "a" "zz" }}|{{ omit .m "a" }}|{{ pluck "a" .m (dict "a" 9) (dict) }}', data))
      .toBe('[a b]|[1 2]|map[a:1]|map[b:map[c:x]]|[1 9]');
  });

  it('digs through nested maps', () => {
    expect(render('{{ dig "b" "c" "d" .m }}|{{ dig "b" "z" "d" .m }}|{{ dig "a" "x" "d" .m }}', data)).toContain('interface conversion: interface {} is float64, not map[string]interface {}');
    expect(render('{{ dig "b" "c" "d" .m }}|{{ dig "b" "z" "d" .m }}', data)).toBe('x|d');
  });

  it('merges like mergo (deep, dst wins unless overwriting, empty values count as unset)', () => {
    const tpl = '{{ $dst := dict "a" 1 "e" "" "l" (list 1) "n" (dict "x" 1 "y" 0) }}{{ $src := dict "a" 2 "e" "s" "l" (list 2) "n" (dict "y" 5 "z" 6) "new" nil }}';
    expect(render(`${tpl}{{ merge $dst $src }}`)).toBe('map[a:1 e:s l:[1] n:map[x:1 y:5 z:6]]');
    expect(render(`${tpl}{{ mergeOverwrite $dst $src }}`)).toBe('map[a:2 e:s l:[2] n:map[x:1 y:5 z:6] new:<nil>]');
    expect(render('{{ $a := dict "k" (dict "x" 1) }}{{ $c := deepCopy $a }}{{ $_ := set $c.k "y" 2 }}{{ $a }} {{ $c }}')).toBe('map[k:map[x:1]] map[k:map[x:1 y:2]]');
  });

  it('accepts named map types such as chartutil.Values where Go converts them to map[string]interface{}', () => {
    const values = { Values: new GoTypedMap('chartutil.Values', { a: { b: 1 }, name: 'x' }) };
    expect(render('{{ get .Values "name" }}|{{ hasKey .Values "a" }}|{{ keys .Values }}|{{ pick .Values "name" }}|{{ merge (dict "z" 1) .Values }}|{{ set .Values "q" 1 | typeOf }}', values))
      .toBe('x|true|[a name]|map[name:x]|map[a:map[b:1] name:x z:1]|map[string]interface {}');
    expect(render('{{ get "x" "y" }}')).toContain('wrong type for value; expected map[string]interface {}; got string');
    expect(render('{{ set nil "a" 1 }}')).toContain('assignment to entry in nil map');
    expect(render('{{ merge .nope (dict "a" 1) }}')).toBe('map[a:1]');
  });
});
