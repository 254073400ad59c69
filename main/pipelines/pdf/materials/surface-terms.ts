/**
 * Finish and colour words in Spanish, English and Hungarian (plus common Italian and German
 * trade terms), each mapped to one English name so that `Brillo`, `glossy` and `fényes` compare
 * equal. Matching is whole-word and case-insensitive.
 */

/** A vocabulary word found in text. */
export interface TermMatch {
  /** The words as written in the source. */
  text: string;
  /** The English name, e.g. `glossy`, `light blue`. */
  name: string;
}

/** Source spellings of each finish, keyed by the English name. */
const FINISH_WORDS: Record<string, string[]> = {
  matte: ['matte', 'matt', 'mat', 'mate', 'mato', 'opaco', 'opaca', 'matt felületű'],
  glossy: ['glossy', 'gloss', 'high gloss', 'brillo', 'brillante', 'fényes', 'lucido'],
  'semi-gloss': ['semi gloss', 'semi-gloss', 'semibrillante', 'semi brillante', 'selyemfényű'],
  polished: ['polished', 'pulido', 'pulida', 'polido', 'polírozott', 'levigato'],
  satin: ['satin', 'satinado', 'satinada', 'satinato', 'szatén'],
  honed: ['honed', 'apomazado', 'apomazada', 'levigado', 'csiszolt'],
  tumbled: ['tumbled', 'envejecido', 'anticato', 'antikolt'],
  'acid washed': ['acid washed', 'acid washing', 'acid-washed', 'lavado al ácido', 'savmaratott'],
  brushed: ['brushed', 'cepillado', 'seprűzött', 'szálcsiszolt', 'spazzolato', 'gebürstet'],
  lappato: ['lappato', 'lapado', 'semipulido'],
  structured: ['structured', 'textured', 'estructurado', 'texturizado', 'strukturált'],
  'anti-slip': ['anti-slip', 'antislip', 'antideslizante', 'csúszásmentes'],
  sandblasted: ['sandblasted', 'arenado', 'homokfúvott', 'sabbiato'],
  flamed: ['flamed', 'flameado', 'lángolt', 'fiammato'],
  washed: ['washed', 'mosott', 'lavado'],
};

/** Source spellings of each colour, keyed by the English name. */
const COLOR_WORDS: Record<string, string[]> = {
  white: ['white', 'blanco', 'blanca', 'fehér', 'bianco', 'weiß'],
  black: ['black', 'negro', 'negra', 'fekete', 'nero', 'schwarz'],
  grey: ['grey', 'gray', 'gris', 'szürke', 'grigio', 'grau'],
  blue: ['blue', 'azul', 'kék', 'blu', 'blau'],
  red: ['red', 'rojo', 'roja', 'piros', 'vörös', 'rosso'],
  green: ['green', 'verde', 'zöld', 'grün'],
  yellow: ['yellow', 'amarillo', 'amarilla', 'sárga', 'giallo', 'gelb'],
  beige: ['beige', 'bézs', 'beis'],
  brown: ['brown', 'marrón', 'marron', 'café', 'barna', 'marrone', 'braun'],
  cream: ['cream', 'crema', 'krém'],
  ivory: ['ivory', 'marfil', 'avorio', 'elefántcsont'],
  sand: ['sand', 'arena', 'homok', 'sabbia'],
  anthracite: ['anthracite', 'antracita', 'antracit', 'antracite', 'anthrazit'],
  graphite: ['graphite', 'grafito', 'grafit'],
  terracotta: ['terracotta', 'terracota', 'terrakotta'],
  orange: ['orange', 'naranja', 'narancs', 'arancione'],
  pink: ['pink', 'rosa', 'rózsaszín'],
  purple: ['purple', 'morado', 'violeta', 'lila'],
  silver: ['silver', 'plata', 'plateado', 'ezüst', 'argento'],
  gold: ['gold', 'dorado', 'arany', 'oro'],
  pearl: ['pearl', 'perla', 'gyöngyház'],
  copper: ['copper', 'cobre', 'réz', 'rame'],
  taupe: ['taupe'],
  charcoal: ['charcoal', 'carbón'],
};

/** Words that shade a colour, keyed by the English prefix. */
const SHADE_WORDS: Record<string, string[]> = {
  light: ['light', 'claro', 'clara', 'világos', 'chiaro', 'hell'],
  dark: ['dark', 'oscuro', 'oscura', 'sötét', 'scuro', 'dunkel'],
};

const FINISH_PATTERN = buildPattern(FINISH_WORDS);
const COLOR_PATTERN = buildPattern(COLOR_WORDS);
const SHADE_LOOKUP = buildLookup(SHADE_WORDS);
const FINISH_LOOKUP = buildLookup(FINISH_WORDS);
const COLOR_LOOKUP = buildLookup(COLOR_WORDS);
const SHADE_ALTERNATION = alternation(Object.values(SHADE_WORDS).flat());

/** Finds the finish words in `text`, in order, one entry per English name. */
export function findFinishes(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const match of text.matchAll(FINISH_PATTERN)) {
    const name = FINISH_LOOKUP.get(normaliseWord(match[1]!));
    if (name && !found.some((entry) => entry.name === name)) found.push({ text: match[1]!, name });
  }
  return found;
}

/** Returns the first finish word in `text`, or null. */
export function parseFinish(text: string): TermMatch | null {
  return findFinishes(text)[0] ?? null;
}

/**
 * Finds the colour words in `text` with a shade word before or after them (`azul claro`,
 * `light blue`), in order, one entry per English name.
 */
export function findColors(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const match of text.matchAll(COLOR_PATTERN)) {
    const base = COLOR_LOOKUP.get(normaliseWord(match[1]!));
    if (!base) continue;
    const shaded = shadeAround(text, match.index, match[0].length);
    const name = shaded ? `${shaded.shade} ${base}` : base;
    const written = shaded ? shaded.text : match[1]!;
    if (!found.some((entry) => entry.name === name)) found.push({ text: written, name });
  }
  return found;
}

/** Returns the first colour in `text`, or null. */
export function parseColor(text: string): TermMatch | null {
  return findColors(text)[0] ?? null;
}

function shadeAround(
  text: string,
  index: number,
  length: number,
): { shade: string; text: string } | null {
  const after = new RegExp(String.raw`^\s+(${SHADE_ALTERNATION})(?![\p{L}])`, 'iu').exec(
    text.slice(index + length),
  );
  if (after) {
    return {
      shade: SHADE_LOOKUP.get(normaliseWord(after[1]!))!,
      text: text.slice(index, index + length + after[0].length),
    };
  }
  const before = new RegExp(String.raw`(?<![\p{L}])(${SHADE_ALTERNATION})\s+$`, 'iu').exec(
    text.slice(0, index),
  );
  if (before) {
    return {
      shade: SHADE_LOOKUP.get(normaliseWord(before[1]!))!,
      text: text.slice(before.index, index + length),
    };
  }
  return null;
}

function buildPattern(words: Record<string, string[]>): RegExp {
  return new RegExp(
    String.raw`(?<![\p{L}])(${alternation(Object.values(words).flat())})(?![\p{L}])`,
    'giu',
  );
}

function buildLookup(words: Record<string, string[]>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [name, spellings] of Object.entries(words)) {
    for (const spelling of spellings) lookup.set(normaliseWord(spelling), name);
  }
  return lookup;
}

// Longest spelling first, so `semi brillante` wins over `brillante` and `high gloss` over `gloss`.
function alternation(spellings: string[]): string {
  return [...spellings]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+'))
    .join('|');
}

function normaliseWord(word: string): string {
  return word.toLocaleLowerCase('und').replace(/[\s-]+/g, ' ');
}
