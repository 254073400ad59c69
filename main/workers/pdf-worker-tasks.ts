/**
 * Worker tasks of the PDF pipeline. Each opens the file itself, works page by page and
 * releases each page before the next, so a worker's memory stays near one page's worth.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createEmbedders } from '../embeddings/create-embedders.ts';
import type { MaterialDraft } from '../materials/material-draft.ts';
import { extractMaterials } from '../pipelines/pdf/material-extraction.ts';
import { openPdf, type PdfHandle } from '../pipelines/pdf/pdf-document.ts';
import { renderPage, writePageImage } from '../pipelines/pdf/page-render.ts';
import { generateTiles } from '../pipelines/pdf/page-tiles.ts';
import { extractPageText } from '../pipelines/pdf/page-text.ts';
import type { NewPage, NewTile } from '../store/documents-repository.ts';
import type { WorkerTask } from './worker-protocol.ts';

export interface PdfInspection {
  pageCount: number;
  encrypted: boolean;
  metadata: Record<string, unknown>;
  warnings: string[];
}

export interface RenderedPage {
  pageNumber: number;
  path: string;
  width: number;
  height: number;
}

interface PdfFileArgs {
  filePath: string;
  password?: string;
}

const RENDER_DPI = 150;

async function withPdf<T>(
  args: PdfFileArgs,
  signal: AbortSignal,
  work: (pdf: PdfHandle) => Promise<T>,
) {
  const pdf = await openPdf(args.filePath, { password: args.password, signal });
  try {
    return await work(pdf);
  } finally {
    await pdf.close();
  }
}

const inspect: WorkerTask<PdfFileArgs, PdfInspection> = (args, { signal }) =>
  withPdf(args, signal, async (pdf) => ({
    pageCount: pdf.pageCount,
    encrypted: pdf.encrypted,
    metadata: { ...pdf.metadata, permissions: pdf.permissions },
    warnings: pdf.warnings,
  }));

const extractText: WorkerTask<PdfFileArgs, NewPage[]> = (args, { signal, progress }) =>
  withPdf(args, signal, async (pdf) => {
    const pages: NewPage[] = [];
    for (let number = 1; number <= pdf.pageCount; number += 1) {
      signal.throwIfAborted();
      const page = await pdf.getPage(number);
      try {
        const text = await extractPageText(page, { signal });
        pages.push({
          pageNumber: number,
          text: text.text,
          hasTextLayer: text.hasTextLayer,
          width: text.width,
          height: text.height,
          warnings: text.warnings,
        });
      } finally {
        page.release();
      }
      progress({ done: number, total: pdf.pageCount });
    }
    return pages;
  });

const renderPages: WorkerTask<PdfFileArgs & { outDir: string }, RenderedPage[]> = (
  args,
  { signal, progress },
) =>
  withPdf(args, signal, async (pdf) => {
    await mkdir(args.outDir, { recursive: true });
    const rendered: RenderedPage[] = [];
    for (let number = 1; number <= pdf.pageCount; number += 1) {
      signal.throwIfAborted();
      const page = await pdf.getPage(number);
      try {
        const image = await renderPage(page, { dpi: RENDER_DPI, signal });
        const path = join(args.outDir, `page-${String(number).padStart(4, '0')}.jpg`);
        await writePageImage(image, path, 'jpeg', { signal });
        rendered.push({ pageNumber: number, path, width: image.width, height: image.height });
      } finally {
        page.release();
      }
      progress({ done: number, total: pdf.pageCount });
    }
    return rendered;
  });

const tilePages: WorkerTask<
  { pages: Array<{ pageNumber: number; imagePath: string }>; outDir: string },
  NewTile[]
> = async (args, { signal, progress }) => {
  const tiles: NewTile[] = [];
  for (const [index, page] of args.pages.entries()) {
    signal.throwIfAborted();
    const outDir = join(args.outDir, `page-${String(page.pageNumber).padStart(4, '0')}`);
    for (const tile of await generateTiles(page.imagePath, outDir, {
      tileSize: 512,
      format: 'jpeg',
    })) {
      tiles.push({
        pageNumber: page.pageNumber,
        filePath: tile.path,
        x: tile.x,
        y: tile.y,
        width: tile.width,
        height: tile.height,
      });
    }
    progress({ done: index + 1, total: args.pages.length });
  }
  return tiles;
};

const embedTexts: WorkerTask<{ texts: string[] }, { model: string; vectors: number[][] }> = async (
  args,
  { signal },
) => {
  const { text } = createEmbedders(embeddingConfigFromEnv());
  return { model: text.model, vectors: await text.embedTexts(args.texts, signal) };
};

const embedImages: WorkerTask<{ paths: string[] }, { model: string; vectors: number[][] }> = async (
  args,
  { signal, progress },
) => {
  const { image } = createEmbedders();
  const vectors: number[][] = [];
  for (const path of args.paths) {
    signal.throwIfAborted();
    vectors.push(await image.embedImage(path));
    progress({ done: vectors.length, total: args.paths.length });
  }
  return { model: image.model, vectors };
};

const findMaterials: WorkerTask<
  { pages: Array<{ pageNumber: number; text: string }>; filename: string },
  MaterialDraft[]
> = async (args) => extractMaterials(args.pages, { filename: args.filename });

/** Reads an OpenAI-compatible embeddings endpoint from the environment, when one is set. */
function embeddingConfigFromEnv() {
  const baseUrl = process.env.KAI_EMBEDDINGS_URL;
  if (!baseUrl) return {};
  return {
    textEndpoint: {
      baseUrl,
      apiKey: process.env.KAI_EMBEDDINGS_API_KEY ?? '',
      model: process.env.KAI_EMBEDDINGS_MODEL ?? 'text-embedding-3-small',
      dimensions: 256,
    },
  };
}

export const pdfWorkerTasks = {
  'pdf:inspect': inspect,
  'pdf:extractText': extractText,
  'pdf:renderPages': renderPages,
  'pdf:generateTiles': tilePages,
  'embed:texts': embedTexts,
  'embed:images': embedImages,
  'pdf:extractMaterials': findMaterials,
} as Record<string, WorkerTask<never, unknown>>;
