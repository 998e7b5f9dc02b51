import { describe, expect, it } from 'vitest';
import { render } from './testing/render.js';

describe('Sprig math and casts', () => {
  it('returns int64 from integer math through spf13/cast', () => {
    expect(render('{{ add 1 "2" 3.9 }}|{{ sub 10 .f }}|{{ mul 2 3 4 }}|{{ div 7 -2 }}|{{ mod -7 3 }}|{{ max 1 "9" 3 }}|{{ min 4 -2 }}|{{ biggest 1 2 }}', { f: 2.5 }))
      .toBe('6|8|24|-3|-1|9|-2|2');
    expect(render('{{ printf "%T %T %T" (add 1) (int 2) (int64 3) }}')).toBe('int64 int int64');
    expect(render('{{ div 1 0 }}')).toContain('error calling div: runtime error: integer divide by zero');
  });

  it('does float math in decimal like shopspring/decimal', () => {
    expect(render('{{ addf 0.1 0.2 }}|{{ subf 1 0.9 }}|{{ mulf 1.1 3 }}|{{ divf 10 4 }}|{{ divf 2 3 }}|{{ add1f 1.5 }}|{{ maxf 1 2.5 }}|{{ minf 1 2.5 }}'))
      .toBe('0.3|0.1|3.3|2.5|0.6666666666666667|2.5|2.5|1');
    expect(render('{{ round 3.14159 2 }}|{{ round 2.5 0 }}|{{ round 2.45 1 0.6 }}|{{ ceil 1.1 }}|{{ floor -1.1 }}')).toBe('3.14|3|2.4|2|-2');
  });

  it('casts like spf13/cast', () => {
    expect(render('{{ int "0x1F" }}|{{ int "010" }}|{{ int "42.0" }}|{{ int "4.2" }}|{{ int true }}|{{ int64 -3.9 }}|{{ float64 "1e3" }}|{{ float64 "x" }}|{{ float64 true }}'))
      .toBe('31|8|42|0|1|-3|1000|0|1');
    expect(render('{{ atoi "12" }}|{{ atoi " 12" }}|{{ toDecimal "0777" }}|{{ toDecimal 10 }}')).toBe('12|0|511|8');
  });

  it('builds sequences', () => {
    expect(render('{{ seq 3 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 1 }}|{{ seq 0 }}|{{ until 0 }}|{{ until -3 }}|{{ untilStep 10 0 -4 }}'))
      .toBe('1 2 3|2 3 4 5|5 4 3 2|0 2 4 6 8 10|10 7 4 1|1 0|[]|[0 -1 -2]|[10 6 2]');
  });
});
