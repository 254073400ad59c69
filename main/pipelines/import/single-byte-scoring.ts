import iconv from 'iconv-lite';

/**
 * Single-byte encodings the detector chooses between when a file is not valid UTF-8.
 * ISO-8859-1 is reported instead of windows-1252 when no byte in 0x80-0x9F occurs, because
 * both decode every other byte the same way.
 */
export const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'cp850', 'windows-1250', 'windows-1251'];

// Accented letters that are frequent in the languages feeds arrive in (de, fr, es, it, pt, hu,
// nl, pl, cs, nordic). A decoding that yields them is more plausible than one that yields rare
// letters such as õ or ð in the same places.
const COMMON_LATIN = new Set(
  'äöüßÄÖÜéèêëàâáçîïíìôóòúùûñÑÉÈÀÁÇÓÚÍåøæÅØÆœőűŐŰąęłńśźżĄĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽ'.split(''),
);

const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export interface SingleByteGuess {
  encoding: string;
  score: number;
  /** Score of the runner-up; a small margin means a weak guess. */
  runnerUpScore: number;
}

/** Scores how plausible each candidate decoding of `sample` is and returns the best. */
export function guessSingleByteEncoding(sample: Uint8Array, preferred?: string): SingleByteGuess {
  const scored = SINGLE_BYTE_CANDIDATES.map((encoding) => ({
    encoding,
    score: scoreDecoding(iconv.decode(Buffer.from(sample), encoding)),
  }));
  scored.sort((a, b) => b.score - a.score || preferenceOrder(a.encoding, b.encoding, preferred));
  const [best, second] = scored;
  const winner = best ?? { encoding: 'windows-1252', score: 0 };
  const encoding =
    winner.encoding === 'windows-1252' && !hasC1Bytes(sample) ? 'iso-8859-1' : winner.encoding;
  return { encoding, score: winner.score, runnerUpScore: second?.score ?? 0 };
}

function preferenceOrder(a: string, b: string, preferred: string | undefined): number {
  if (a === preferred) return -1;
  if (b === preferred) return 1;
  return SINGLE_BYTE_CANDIDATES.indexOf(a) - SINGLE_BYTE_CANDIDATES.indexOf(b);
}

function hasC1Bytes(sample: Uint8Array): boolean {
  return sample.some((byte) => byte >= 0x80 && byte <= 0x9f);
}

function scoreDecoding(text: string): number {
  let score = 0;
  let latinRun = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      latinRun = 0;
      continue;
    }
    const isLatinLetter = LETTER.test(char) && !CYRILLIC.test(char);
    latinRun = isLatinLetter ? latinRun + 1 : 0;
    score += scoreCharacter(char, text.charAt(i - 1), text.charAt(i + 1));
    // Three accented Latin letters in a row rarely occur in real words but are what Cyrillic
    // or Greek bytes look like when decoded as a Latin code page.
    if (latinRun >= 3) score -= 2;
  }
  return score;
}

function scoreCharacter(char: string, before: string, after: string): number {
  const code = char.charCodeAt(0);
  if (char === '\uFFFD') return -10;
  if (code <= 0x9f) return -5;
  if (code >= 0x2500 && code <= 0x259f) return -4;
  const besideLetter = LETTER.test(before) || LETTER.test(after);
  if (!LETTER.test(char)) return LETTER.test(before) && LETTER.test(after) ? -2 : 0;
  // A Cyrillic letter glued to a Latin one is a Latin accent decoded with a Cyrillic code page.
  if (CYRILLIC.test(char) && (ASCII_LETTER.test(before) || ASCII_LETTER.test(after))) return -2;
  let score = 1;
  if (COMMON_LATIN.has(char) || CYRILLIC.test(char)) score += 1;
  if (besideLetter) score += 1;
  return score;
}

const ASCII_LETTER = /^[A-Za-z]$/;
