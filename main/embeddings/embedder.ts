/**
 * The embedding interfaces every pipeline stage calls. Vectors from different models (or the
 * same model with different dimensions) are not comparable, so callers store `model` and
 * `dimensions` with each vector.
 */

/** Turns texts into vectors of `dimensions` numbers, one per input text, in input order. */
export interface Embedder {
  /** Model identifier stored with each vector, e.g. `kai-hashing-text-v1`. */
  readonly model: string;
  readonly dimensions: number;
  embedTexts(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** Turns an image file into one vector of `dimensions` numbers. */
export interface ImageEmbedder {
  readonly model: string;
  readonly dimensions: number;
  embedImage(path: string): Promise<number[]>;
}
