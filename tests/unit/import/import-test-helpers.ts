import { fileURLToPath } from 'node:url';
import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import { previewFeed, type FeedPreview } from '../../../main/pipelines/import/feed-preview.ts';
import {
  readFeedProducts,
  type FeedProduct,
} from '../../../main/pipelines/import/feed-products.ts';
import type { RowFailure } from '../../../main/pipelines/import/record-to-material.ts';

/** Absolute path of a file under tests/fixtures/<kind>/. */
export function fixture(kind: 'xml' | 'csv' | 'json', name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${kind}/${name}`, import.meta.url));
}

export interface ImportOutcome {
  preview: FeedPreview;
  products: FeedProduct[];
  materials: MaterialDraft[];
  failures: RowFailure[];
}

/** Previews a feed and imports it with the proposed mapping. */
export async function importFeed(path: string): Promise<ImportOutcome> {
  const preview = await previewFeed(path);
  const products: FeedProduct[] = [];
  for await (const product of readFeedProducts(path, { mapping: preview.proposedMapping })) {
    products.push(product);
  }
  return {
    preview,
    products,
    materials: products.flatMap((p) => ('material' in p ? [p.material] : [])),
    failures: products.flatMap((p) => ('failure' in p ? [p.failure] : [])),
  };
}

/** Runs `action` and returns what it threw; fails the test when it does not throw. */
export async function caught(action: () => Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected the action to throw.');
}

/** Collects products until the import throws, returning both. */
export async function importUntilError(path: string, preview: FeedPreview) {
  const products: FeedProduct[] = [];
  const error = await caught(async () => {
    for await (const product of readFeedProducts(path, { mapping: preview.proposedMapping })) {
      products.push(product);
    }
  });
  return { products, error };
}
