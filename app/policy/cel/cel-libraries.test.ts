// Each case comes from the documented semantics of the Kubernetes CEL
// libraries ("CEL in Kubernetes", kubernetes.io) and cel-go's ext package.
import { describe, expect, it } from 'vitest';
import { admissionVariables, authorizerValue, CelCompileFailure, CelEvaluationFailure, compileCel, type CelActivation } from './cel-environment.js';
import { toCelValue } from './to-cel-value.js';

function activation(extra: Record<string, unknown> = {}): CelActivation {
  const base: CelActivation = { authorizer: authorizerValue };
  for (const name of admissionVariables) base[name] = null;
  return { ...base, ...extra };
}

function run(expression: string, extra: Record<string, unknown> = {}): unknown {
  return compileCel(expression).evaluate(activation(extra));
}

function failure(expression: string, extra: Record<string, unknown> = {}): CelEvaluationFailure {
  try {
    run(expression, extra);
  } catch (error) {
    if (error instanceof CelEvaluationFailure) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('strings v2', () => {
  it.each([
    ['"hello".charAt(1)', 'e'],
    ['"hello".charAt(5)', ''],
    ['"hello mellow".indexOf("")', 0n],
    ['"hello mellow".indexOf("ello", 2)', 7n],
    ['"hello mellow".lastIndexOf("ello")', 7n],
    ['"TacoCat".lowerAscii()', 'tacocat'],
    ['"TacoCat".upperAscii()', 'TACOCAT'],
    ['"hello hello".replace("he", "we")', 'wello wello'],
    ['"hello hello".replace("he", "we", 1)', 'wello hello'],
    ['"hello hello".replace("he", "we", 0)', 'hello hello'],
    ['"hello world".split(" ")', ['hello', 'world']],
    ['"a,b,c".split(",", 2)', ['a', 'b,c']],
    ['"tacocat".substring(4)', 'cat'],
    ['"tacocat".substring(0, 4)', 'taco'],
    ['"  \\ttrim\\n ".trim()', 'trim'],
    ['["hello", "mellow"].join(" ")', 'hello mellow'],
    ['[].join("/")', ''],
    ['strings.quote("single-quote with \\"double quote\\"")', '"single-quote with \\"double quote\\""'],
    ['"gums".reverse()', 'smug'],
    ['"ÀB".lowerAscii()', 'Àb'],
    ['"àb".upperAscii()', 'àB'],
    ['"😀ab".indexOf("a")', 1n],
    ['"😀ab".substring(1)', 'ab'],
    ['"😀ab😀".lastIndexOf("😀")', 3n],
    ['"hello".lastIndexOf("l", 2)', 2n],
    ['"John Smith".reverse()', 'htimS nhoJ'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('substring with an inverted range is an error', () => {
    expect(failure('"abc".substring(2, 1)').message).toContain('invalid substring range');
  });

  it('errors name the method as written, not our replacement', () => {
    expect(() => compileCel('"x".indexOf(1)')).toThrow("'string.indexOf(int)'");
  });

  it('charAt past the end is an error', () => {
    expect(failure('"abc".charAt(4)').message).toContain('index out of range');
  });
});

describe('format', () => {
  it.each([
    ['"this is a string: %s".format(["and this is a string"])', 'this is a string: and this is a string'],
    ['"%d apples".format([3])', '3 apples'],
    ['"%.3f".format([1.23456])', '1.235'],
    ['"%f".format([2.5])', '2.500000'],
    ['"%.1f".format([2.25])', '2.2'],
    ['"%.2f".format([0.375])', '0.38'],
    ['"%.0f".format([2.5])', '2'],
    ['"%.1f".format([-0.25])', '-0.2'],
    ['"%e".format([1234.5678])', '1.234568e+03'],
    ['"%b".format([5])', '101'],
    ['"%o".format([11])', '13'],
    ['"%x and %X".format([255, 255])', 'ff and FF'],
    ['"%x".format(["Hello"])', '48656c6c6f'],
    ['"%s".format([[1, 2, "x"]])', '[1, 2, "x"]'],
    ['"%s".format([true])', 'true'],
    ['"100%% sure".format([])', '100% sure'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  it('reports too few arguments', () => {
    expect(failure('"%s %s".format(["a"])').message).toContain('out of range');
  });
});

describe('lists', () => {
  it.each([
    ['[1, 2, 3].isSorted()', true],
    ['[1, 1.0, 1u, 2].distinct().size()', 2n],
    ['[1u].indexOf(1)', 0n],
    ['sets.contains([1u, 2u], [2.0])', true],
    ['[2u, 1u].sort()[0] == 1u', true],
    ['[3u, 1u].max() == 3u', true],
    ['[duration("2s"), duration("500ms")].sort()[0] == duration("500ms")', true],
    ['[duration("1s"), duration("2s"), duration("1000ms")].distinct().size()', 2n],
    ['[duration("2s")].indexOf(duration("1s"))', -1n],
    [['[3, 1].isSorted()'][0], false],
    ['["a", "b"].isSorted()', true],
    ['[1, 2, 3].sum()', 6n],
    ['[1.5, 2.5].sum()', 4],
    ['[].sum()', 0n],
    ['[3, 1, 2].min()', 1n],
    ['[3, 1, 2].max()', 3n],
    ['["b", "a"].min()', 'a'],
    ['[1, 2, 2, 3].indexOf(2)', 1n],
    ['[1, 2, 2, 3].lastIndexOf(2)', 2n],
    ['[1, 2].indexOf(7)', -1n],
    ['sets.contains([1, 2, 3], [3, 1])', true],
    ['sets.contains([1, 2], [4])', false],
    ['sets.contains([1], [])', true],
    ['sets.equivalent([1, 2, 2], [2, 1])', true],
    ['sets.equivalent([1], [1, 2])', false],
    ['sets.intersects([1, 2], [2, 3])', true],
    ['sets.intersects([1], [])', false],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('min of an empty list is an error', () => {
    expect(failure('[].min()').message).toContain('empty list');
  });
});

describe('regex (RE2 semantics)', () => {
  it.each([
    ['"abc 123".find("[0-9]+")', '123'],
    ['"abc".find("[0-9]+")', ''],
    ['"123 abc 456".findAll("[0-9]+")', ['123', '456']],
    ['"123 abc 456".findAll("[0-9]+", 1)', ['123']],
    ['"ABC".matches("(?i)^abc$")', true],
    ['"ABC".matches("^abc$")', false],
    ['"Ünïcode".matches("^\\\\pL+$")', true],
    ['"image:v1".matches("(?P<tag>v[0-9]+)$")', true],
    ['"日本".matches("^\\\\p{Han}+$")', true],
    ['"abc".matches("^\\\\p{Greek}+$")', false],
    ['"abc".matches("^\\\\p{^Greek}+$")', true],
    ['"aB".matches("^\\\\p{Ll}\\\\p{Lu}$")', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('rejects lookarounds with a clear error', () => {
    expect(failure('"ab".matches("a(?=b)")').message).toContain('lookahead and lookbehind are not supported by RE2');
    expect(failure('"ab".find("(?<!x)b")').message).toContain('not supported by RE2');
  });

  it('leaves .matches( inside string literals alone', () => {
    expect(run('"x.matches(y)" + "".reverse()')).toBe('x.matches(y)');
  });
});

describe('url', () => {
  it.each([
    ['url("https://example.com:80/").getHost()', 'example.com:80'],
    ['url("https://[::1]:80/").getHost()', '[::1]:80'],
    ['url("https://example.com:80/").getHostname()', 'example.com'],
    ['url("https://[::1]:80/").getHostname()', '::1'],
    ['url("https://example.com:80/").getPort()', '80'],
    ['url("https://example.com/").getPort()', ''],
    ['url("https://example.com/path").getScheme()', 'https'],
    ['url("https://example.com/with%20space/").getEscapedPath()', '/with%20space/'],
    ['url("/absolute-path").getEscapedPath()', '/absolute-path'],
    ['isURL("https://example.com")', true],
    ['isURL("/path")', true],
    ['isURL("example.com")', false],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('getQuery returns every value of a key', () => {
    expect(run('url("https://example.com/path?k1=a&k2=b&k2=c").getQuery()["k2"]')).toEqual(['b', 'c']);
  });

  it('rejects a relative URL', () => {
    expect(failure('url("example.com")').message).toContain('not an absolute URL');
  });
});

describe('quantity', () => {
  it.each([
    ['quantity("50M").isGreaterThan(quantity("40M"))', true],
    ['quantity("1Gi").isGreaterThan(quantity("1000Mi"))', true],
    ['quantity("1Gi").isLessThan(quantity("1G"))', false],
    ['quantity("100m").compareTo(quantity("0.1"))', 0n],
    ['quantity("200M").compareTo(quantity("0.2G"))', 0n],
    ['quantity("1") == quantity("1000m")', true],
    ['quantity("50k").add(quantity("20k")).isGreaterThan(quantity("60k"))', true],
    ['quantity("50k").add(20).asInteger()', 50020n],
    ['quantity("50k").sub(quantity("20k")).asInteger()', 30000n],
    ['quantity("50k").sub(20).asInteger()', 49980n],
    ['quantity("50.5").asApproximateFloat()', 50.5],
    ['quantity("50.5").isInteger()', false],
    ['quantity("1e3").asInteger()', 1000n],
    ['quantity("-5").sign()', -1n],
    ['quantity("0").sign()', 0n],
    ['isQuantity("1.3G")', true],
    ['isQuantity("1.3Gb")', false],
    ['isQuantity("500Mi")', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('asInteger of a fraction is an error', () => {
    expect(failure('quantity("50.5").asInteger()').message).toContain('cannot convert value to integer');
  });
});

describe('ip and cidr', () => {
  it.each([
    ['isIP("127.0.0.1")', true],
    ['isIP("::1")', true],
    ['isIP("127.0.0.256")', false],
    ['isIP("01.2.3.4")', false],
    ['isIP("::ffff:1.2.3.4")', false],
    ['isIP("fe80::1%eth0")', false],
    ['ip("127.0.0.1").family()', 4n],
    ['ip("::1").family()', 6n],
    ['ip("0.0.0.0").isUnspecified()', true],
    ['ip("::").isUnspecified()', true],
    ['ip("127.0.0.1").isLoopback()', true],
    ['ip("::1").isLoopback()', true],
    ['ip("224.0.0.1").isLinkLocalMulticast()', true],
    ['ip("ff02::1").isLinkLocalMulticast()', true],
    ['ip("169.254.169.254").isLinkLocalUnicast()', true],
    ['ip("fe80::1").isLinkLocalUnicast()', true],
    ['ip("192.168.0.1").isGlobalUnicast()', true],
    ['ip("255.255.255.255").isGlobalUnicast()', false],
    ['ip("2001:db8::abcd").isGlobalUnicast()', true],
    ['string(ip("2001:DB8:0:0:0:0:0:1"))', '2001:db8::1'],
    ['ip("127.0.0.1") == ip("127.0.0.1")', true],
    ['cidr("192.168.0.0/24").containsIP(ip("192.168.0.1"))', true],
    ['cidr("192.168.0.0/24").containsIP("192.168.1.1")', false],
    ['cidr("192.168.0.0/24").containsIP("::1")', false],
    ['cidr("192.168.0.0/16").containsCIDR(cidr("192.168.10.0/24"))', true],
    ['cidr("192.168.0.0/24").containsCIDR("192.168.0.0/16")', false],
    ['cidr("192.168.0.0/24").prefixLength()', 24n],
    ['string(cidr("192.168.1.5/24").masked())', '192.168.1.0/24'],
    ['string(cidr("192.168.1.5/24").ip())', '192.168.1.5'],
    ['cidr("::1/128").ip().family()', 6n],
    ['isCIDR("10.0.0.0/33")', false],
    ['ip.isCanonical("127.0.0.1")', true],
    ['ip.isCanonical("::1")', true],
    ['ip.isCanonical("2001:db8::abcd")', true],
    ['ip.isCanonical("2001:DB8::ABCD")', false],
    ['ip.isCanonical("2001:db8:0:0:0:0:0:abcd")', false],
    ['["10.0.0.1"].all(ip, ip(ip).family() == 4)', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('ip.isCanonical of a string that is no IP address is an error', () => {
    expect(failure('ip.isCanonical("127.0.0.1.0")').message).toContain('127.0.0.1.0');
  });
});

describe('semver', () => {
  it.each([
    ['isSemver("1.0.0")', true],
    ['isSemver("v1.0")', false],
    ['isSemver("v1.0", true)', true],
    ['semver("1.2.3").major()', 1n],
    ['semver("1.2.3").minor()', 2n],
    ['semver("1.2.3").patch()', 3n],
    ['semver("1.2.3").isLessThan(semver("1.10.0"))', true],
    ['semver("1.0.0-alpha").isLessThan(semver("1.0.0"))', true],
    ['semver("1.0.0-alpha.1").isLessThan(semver("1.0.0-alpha.beta"))', true],
    ['semver("2.0.0").isGreaterThan(semver("1.99.99"))', true],
    ['semver("1.2.3").compareTo(semver("1.2.3+build"))', 0n],
    ['semver("1.2.3").compareTo(semver("2.0.0"))', -1n],
    ['semver("1.2.3") == semver("1.2.3")', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

describe('named formats', () => {
  it.each([
    ['format.dns1123Label().validate("my-name").hasValue()', false],
    ['format.dns1123Label().validate("My_Name").hasValue()', true],
    ['format.named("dns1123Subdomain").value().validate("a.b.c").hasValue()', false],
    ['format.named("no-such-format").hasValue()', false],
    ['format.qualifiedName().validate("example.com/name").hasValue()', false],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

describe('optionals', () => {
  const object = toCelValue({ metadata: { labels: { team: 'payments' } }, spec: { replicas: 3 } });
  it.each([
    ['object.?metadata.?labels.?team.orValue("none")', 'payments'],
    ['object.?metadata.?annotations.?owner.orValue("none")', 'none'],
    ['object.?spec.?replicas.hasValue()', true],
    ['object.?spec.?paused.hasValue()', false],
    ['optional.of(1).value()', 1n],
    ['optional.none().orValue(2)', 2n],
    ['optional.none().or(optional.of("x")).value()', 'x'],
  ])('%s', (expression, expected) => {
    expect(run(expression, { object })).toEqual(expected);
  });
});

describe('values and variables', () => {
  it('integral YAML numbers are CEL ints, fractions doubles', () => {
    const object = toCelValue({ spec: { replicas: 3, ratio: 0.5 } });
    expect(run('type(object.spec.replicas) == int && type(object.spec.ratio) == double', { object })).toBe(true);
  });

  it('a schema-declared number stays a double', () => {
    const object = toCelValue({ spec: { weight: 1 } }, new Set(['.spec.weight']));
    expect(run('type(object.spec.weight) == double', { object })).toBe(true);
  });

  it('int(uint) converts, as cel-go does', () => {
    expect(run('int(5u) + 1')).toBe(6n);
  });

  it('int and double compare across types', () => {
    expect(run('1 == 1.0 && 2 > 1.5 && 1 != 1.5')).toBe(true);
  });

  it('has() tests map keys on objects', () => {
    const object = toCelValue({ metadata: { labels: { a: 'b' } } });
    expect(run('has(object.metadata.labels.a) && !has(object.metadata.annotations)', { object })).toBe(true);
  });

  it('authorizer yields an unknown result, not a pass', () => {
    const error = failure('authorizer.group("apps").resource("deployments").check("create").allowed()');
    expect(error.unknown).toBe(true);
    expect(error.message).toContain('no offline value');
  });

  it('a syntax error fails at compile time', () => {
    expect(() => compileCel('object.spec.replicas <')).toThrow(CelCompileFailure);
  });

  it('an unknown variable fails at compile time', () => {
    expect(() => compileCel('nope.spec')).toThrow(/compilation failed/);
  });
});

describe('schema-typed numbers', () => {
  it('a Gatekeeper parameter typed number is a double; an integer parameter an int', async () => {
    const { policySet, create, deployment } = await import('../testing/policy-fixtures.js');
    const set = policySet(`
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8stypes }
spec:
  crd:
    spec:
      names: { kind: K8sTypes }
      validation:
        openAPIV3Schema:
          type: object
          properties:
            ratio: { type: number }
            count: { type: integer }
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
            validations:
              - expression: "type(variables.params.ratio) == double && type(variables.params.count) == int"
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sTypes
metadata: { name: t }
spec:
  match: { kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] }
  parameters: { ratio: 1, count: 2 }`);
    expect(create(set, deployment('a')).violations).toEqual([]);
  });

  it('a CRD schema keeps number fields of custom objects double', async () => {
    const { policySet, create } = await import('../testing/policy-fixtures.js');
    const set = policySet(`
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: canaries.acme.dev }
spec:
  group: acme.dev
  scope: Namespaced
  names: { kind: Canary, plural: canaries }
  versions:
    - name: v1
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { weight: { type: number }, steps: { type: integer } } }
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints: { resourceRules: [{ apiGroups: [acme.dev], apiVersions: ["*"], operations: ["*"], resources: [canaries] }] }
  validations: [{ expression: "type(object.spec.weight) == double && type(object.spec.steps) == int" }]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: p }
spec: { policyName: p, validationActions: [Deny] }`);
    expect(create(set, { apiVersion: 'acme.dev/v1', kind: 'Canary', metadata: { name: 'c', namespace: 'shop' }, spec: { weight: 1, steps: 3 } }).allowed).toBe(true);
  });
});

describe('string() as cel-go converts (Go %g for doubles)', () => {
  it.each([
    ['string(1.5)', '1.5'],
    ['string(2.0)', '2'],
    ['string(123456.0)', '123456'],
    ['string(1000000.0)', '1e+06'],
    ['string(-1234567.0)', '-1.234567e+06'],
    ['string(0.0001)', '0.0001'],
    ['string(0.00001)', '1e-05'],
    ['string(-0.0)', '-0'],
    ['string(1.0 / 0.0)', '+Inf'],
    ['string(duration("1h30m"))', '5400s'],
    ['string(duration("-100ms"))', '-0.1s'],
    ['string(timestamp("2024-01-01T00:00:00Z"))', '2024-01-01T00:00:00Z'],
    ['string(timestamp("2024-01-01T00:00:00.250Z"))', '2024-01-01T00:00:00.25Z'],
    ['string(1) + string(2u) + string(true) + string(b"x")', '12truex'],
    ['"%s".format([2e6])', '2e+06'],
    ['"string(1e6)" + strings.quote("string(")', 'string(1e6)"string("'],
    ['[1].map(string, string + 1)[0]', 2n],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('bytes that are not UTF-8 cannot become a string', () => {
    expect(failure('string(b"\\xff")').message).toContain('invalid UTF-8');
  });

  it('a type string() does not take is still a compile error that names string()', () => {
    expect(() => compileCel('string([1])')).toThrow(/'string\(list<int>\)'/);
  });
});

describe('standard conversions and orderings cel-js lacks', () => {
  it.each([
    ['int(timestamp("2024-01-01T00:00:00Z"))', 1704067200n],
    ['int(timestamp("1969-12-31T23:59:59.5Z"))', -1n],
    ['b"a" < b"b"', true],
    ['b"ab" > b"a"', true],
    ['b"\\xff" >= b"a"', true],
    ['b"" <= b""', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});
