/**
 * The default text embedder: feature hashing, offline, with no model to download.
 *
 * What it captures: shared words, word pairs and spellings. Each text is NFKC-normalised and
 * lower-cased, then split into tokens (runs of letters and digits, keeping inner `.`, `/` and
 * `-` so `30/100` and `ab-1234` stay whole). Features are word unigrams, word bigrams and
 * character 3-grams of each token padded with `#`. Each feature count becomes 1 + ln(count),
 * is scaled by its kind's weight, and is added with a hash-chosen sign to one of 256 buckets
 * (signed feature hashing); the result is L2-normalised. So texts that
 * share product codes, names or most of their wording score high, and near-duplicate text
 * with typos or inflections still scores well through the 3-grams.
 *
 * What it does not capture: synonyms (`tile` and `baldosa` share nothing), translation,
 * paraphrase or meaning. With 256 buckets, unrelated features also collide, so unrelated texts
 * score around zero with some noise rather than exactly zero. Configure an OpenAI-compatible
 * endpoint for semantic search.
 */

import type { Embedder } from './embedder.ts';
import { normaliseL2 } from './vector-math.ts';

/** Weight of each feature kind, chosen so whole words count more than shared spellings. */
const FEATURE_WEIGHTS = { unigram: 1, bigram: 0.7, trigram: 0.35 } as const;

const TOKEN = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*/gu;

/** Signed feature hashing of words, word pairs and character 3-grams into 256 dimensions. */
export class HashingTextEmbedder implements Embedder {
  readonly model = 'kai-hashing-text-v1';
  readonly dimensions = 256;

  /** Embeds each text; synchronous work, wrapped in a promise to match `Embedder`. */
  async embedTexts(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    signal?.throwIfAborted();
    return texts.map((text) => this.embedText(text));
  }

  /** Embeds one text. Empty or token-free text gives the all-zero vector. */
  embedText(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, count] of countFeatures(text)) {
      const kind = feature[0] as 'u' | 'b' | 't';
      const weight =
        kind === 'u'
          ? FEATURE_WEIGHTS.unigram
          : kind === 'b'
            ? FEATURE_WEIGHTS.bigram
            : FEATURE_WEIGHTS.trigram;
      const hash = hashFeature(feature);
      const bucket = hash % this.dimensions;
      const sign = (hash >>> 31) & 1 ? -1 : 1;
      vector[bucket] = vector[bucket]! + sign * weight * (1 + Math.log(count));
    }
    return normaliseL2(vector);
  }
}

function countFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  const tokens = text.normalize('NFKC').toLocaleLowerCase('und').match(TOKEN) ?? [];
  tokens.forEach((token, i) => {
    add(`u:${token}`);
    if (i > 0) add(`b:${tokens[i - 1]} ${token}`);
    const padded = `#${token}#`;
    for (let start = 0; start + 3 <= padded.length; start += 1) {
      add(`t:${padded.slice(start, start + 3)}`);
    }
  });
  return counts;
}

// 32-bit FNV-1a over UTF-16 code units, so the same text hashes the same on every platform,
// followed by the MurmurHash3 finaliser because FNV alone mixes the low bits (the bucket) poorly.
function hashFeature(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
