// yaml.v2's key order (sorter.go keyList.Less): letters after non-letters,
// runs of digits compared as numbers. Helm's toYaml output depends on it.

const letterPattern = /\p{L}/u;
const digitPattern = /\p{Nd}/u;

function isLetter(char: string): boolean {
  const c = char.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return letterPattern.test(char);
}

function isDigit(char: string): boolean {
  const c = char.charCodeAt(0);
  if (c < 0x80) return c >= 48 && c <= 57;
  return digitPattern.test(char);
}

const nonAscii = /[^\x00-\x7f]/;

function digitValue(char: string): bigint {
  return BigInt(char.codePointAt(0)! - 48);
}

/** True when key `a` sorts before `b` in yaml.v2's natural order. */
export function naturalLess(a: string, b: string): boolean {
  const ascii = !nonAscii.test(a) && !nonAscii.test(b);
  const ar: ArrayLike<string> = ascii ? a : Array.from(a);
  const br: ArrayLike<string> = ascii ? b : Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + digitValue(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + digitValue(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Sorts strings in yaml.v2's natural key order (returns a new array). */
export function naturalSort(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
}
