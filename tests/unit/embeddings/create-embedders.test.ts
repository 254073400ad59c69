import { describe, expect, it } from 'vitest';
import { createEmbedders } from '../../../main/embeddings/create-embedders.ts';
import { HashingTextEmbedder } from '../../../main/embeddings/hashing-text-embedder.ts';
import { OpenAiCompatibleEmbedder } from '../../../main/embeddings/openai-compatible-embedder.ts';
import { PixelImageEmbedder } from '../../../main/embeddings/pixel-image-embedder.ts';

describe('createEmbedders', () => {
  it('uses the offline embedders by default', () => {
    const embedders = createEmbedders();
    expect(embedders.text).toBeInstanceOf(HashingTextEmbedder);
    expect(embedders.image).toBeInstanceOf(PixelImageEmbedder);
  });

  it('uses the endpoint when one is configured', () => {
    const { text } = createEmbedders({
      textEndpoint: { baseUrl: 'http://127.0.0.1:9', apiKey: '', model: 'm', dimensions: 64 },
    });
    expect(text).toBeInstanceOf(OpenAiCompatibleEmbedder);
    expect(text.model).toBe('m');
    expect(text.dimensions).toBe(64);
  });
});
