import { describe, expect, it } from 'vitest';
import { HashingTextEmbedder } from '../../../main/embeddings/hashing-text-embedder.ts';
import { cosineSimilarity } from '../../../main/embeddings/vector-math.ts';

const embedder = new HashingTextEmbedder();

async function similarity(a: string, b: string): Promise<number> {
  const [first, second] = await embedder.embedTexts([a, b]);
  return cosineSimilarity(first!, second!);
}

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

describe('HashingTextEmbedder', () => {
  it('returns 256 dimensions', async () => {
    const [vector] = await embedder.embedTexts(['Porcelain tile 60x60 cm']);
    expect(vector).toHaveLength(256);
    expect(embedder.dimensions).toBe(256);
  });

  it('returns unit-length vectors', async () => {
    const [vector] = await embedder.embedTexts(['Porcelain tile 60x60 cm']);
    expect(norm(vector!)).toBeCloseTo(1, 10);
  });

  it('returns the same vector for the same text', async () => {
    const [first, second] = await embedder.embedTexts([
      'TA 30/100 talpas betoncső',
      'TA 30/100 talpas betoncső',
    ]);
    expect(first).toEqual(second);
    expect(new HashingTextEmbedder().embedText('TA 30/100 talpas betoncső')).toEqual(first);
  });

  it('returns the zero vector for empty text', async () => {
    const [vector] = await embedder.embedTexts(['  … ']);
    expect(vector!.every((value) => value === 0)).toBe(true);
  });

  it.each([
    [
      'Porcelain floor tile 60x60 cm matte grey, code PT-6060-GR',
      'Porcelain floor tile 60 x 60 cm, matt gray. Code PT-6060-GR',
      'Invoice payment terms: thirty days net from delivery',
    ],
    [
      'AGY 100/50/12 L/G aknagyűrű, gumigyűrűvel is építhető',
      'AGY 100/50/12 L/G+H aknagyűrű, gumigyűrűvel is építhető, hágcsóval',
      'Durisol zajárnyékoló falpanel natúr szürke színben',
    ],
    [
      'PISO PARED EGEO BLANCO CU Formato 20.5X20.5 cm',
      'Piso pared Egeo blanco, formato 20,5 x 20,5',
      'Marine plywood for kitchens and bathrooms',
    ],
  ])('ranks a near duplicate above unrelated text (%s)', async (text, nearDuplicate, unrelated) => {
    const near = await similarity(text, nearDuplicate);
    const far = await similarity(text, unrelated);
    expect(near).toBeGreaterThan(0.4);
    expect(far).toBeLessThan(0.2);
    expect(near).toBeGreaterThan(far);
  });

  it('matches a product code inside a longer text', async () => {
    const withCode = await similarity('PT-6060-GR', 'Porcelain tile, code PT-6060-GR, 60x60');
    const otherCode = await similarity('PT-6060-GR', 'Porcelain tile, code XK-1190-BL, 60x60');
    expect(withCode).toBeGreaterThan(otherCode);
  });

  it('rejects an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(embedder.embedTexts(['tile'], controller.signal)).rejects.toThrow('stop');
  });
});
