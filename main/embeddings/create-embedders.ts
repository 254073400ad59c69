/** Chooses the text and image embedders from configuration. */

import type { Embedder, ImageEmbedder } from './embedder.ts';
import { HashingTextEmbedder } from './hashing-text-embedder.ts';
import {
  OpenAiCompatibleEmbedder,
  type OpenAiCompatibleOptions,
} from './openai-compatible-embedder.ts';
import { PixelImageEmbedder } from './pixel-image-embedder.ts';

/** Embedding settings; without `textEndpoint` everything runs offline. */
export interface EmbeddingConfig {
  /** An OpenAI-compatible endpoint for text embeddings, or null/absent for the offline default. */
  textEndpoint?: OpenAiCompatibleOptions | null;
}

/** The embedders a pipeline run uses. */
export interface Embedders {
  text: Embedder;
  image: ImageEmbedder;
}

/**
 * Returns the endpoint-backed text embedder when `textEndpoint` is set, else the offline
 * hashing embedder. Images always use the offline pixel embedder.
 */
export function createEmbedders(config: EmbeddingConfig = {}): Embedders {
  const text = config.textEndpoint
    ? new OpenAiCompatibleEmbedder(config.textEndpoint)
    : new HashingTextEmbedder();
  // NOTE: the OpenAI embeddings wire format takes text only, so there is no image endpoint yet.
  return { text, image: new PixelImageEmbedder() };
}
