import iconv from 'iconv-lite';

/**
 * Single-byte encodings the detector chooses between when a file is not valid UTF-8.
 * ISO-8859-1 is reported instead of windows-1252 when no byte in 0x80-0x9F occurs, because
 * both decode every other byte the same way.
 */
export const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'cp850', 'windows-1250', 'windows-1251'];

// Accented letters by how often they occur in the languages feeds arrive in (de, fr, es, it,
// pt, hu, nl, pl, cs, Nordic). A decoding that yields frequent letters is more plausible than
// one that yields rarer letters such as õ or ð on the same bytes.
const FREQUENT_LATIN = new Set('äöüßÄÖÜéèêàâáçíóúñÑÉÈÀÁÇÓÚÍåøæÅØÆ'.split(''));
const OCCASIONAL_LATIN = new Set(
  'ëîïìôòõùûãÊËÂÃÎÏÌÔÒÕÙÛœŒőűŐŰąęłńśźżĄĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽ'.split(''),
);

const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export interface SingleByteGuess {
  encoding: string;
  score: number;
  /** Score of the runner-up; a small margin means a weak guess. */
  runnerUpScore: number;
}

/**
 * Scores how plausible each candidate decoding of `sample` is and returns the best.
 * NOTE: Hungarian ő and ű (windows-1250) sit on the bytes of õ and û (windows-1252), so a
 * Hungarian file without other telling letters ties and is read as windows-1252; such files
 * need the encoding option.
 */
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
  const letterBefore = LETTER.test(before);
  const letterAfter = LETTER.test(after);
  if (!LETTER.test(char)) return scoreSymbol(char, letterBefore, letterAfter);
  // A Cyrillic letter glued to a Latin one is a Latin accent decoded with a Cyrillic code page.
  if (CYRILLIC.test(char) && (ASCII_LETTER.test(before) || ASCII_LETTER.test(after))) return -2;
  // A lower-case letter directly before a capital (`äMatt`) is a quote mark decoded wrongly.
  if (char === char.toLowerCase() && char !== char.toUpperCase() && /^[A-Z]$/.test(after)) {
    return -2;
  }
  const frequency =
    FREQUENT_LATIN.has(char) || CYRILLIC.test(char) ? 1 : OCCASIONAL_LATIN.has(char) ? 0.5 : 0;
  if (!letterBefore && !letterAfter) return frequency > 0 ? 0 : -1;
  return 2 + frequency;
}

// Quotes, dashes and currency signs of the Windows code pages sit at word edges. Between two
// letters such a sign is more likely a letter decoded with the wrong code page.
const EDGE_SYMBOLS = new Set('€„“”‘’‚–—…•™°§²³½¼×´·«»'.split(''));

function scoreSymbol(char: string, letterBefore: boolean, letterAfter: boolean): number {
  if (letterBefore && letterAfter) return char === '’' ? 1 : -2;
  return EDGE_SYMBOLS.has(char) ? 1 : 0;
}

const ASCII_LETTER = /^[A-Za-z]$/;
