import { join } from 'node:path';
import type { JobRunContext } from '../../jobs/job-runner.ts';
import type { PdfStage } from '../../jobs/job-vocabulary.ts';
import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { Sql } from '../../store/database.ts';
import {
  documentsRepository,
  type NewPage,
  type NewTile,
} from '../../store/documents-repository.ts';
import { jobsRepository } from '../../store/jobs-repository.ts';
import {
  deleteStaleDocumentMaterials,
  materialsRepository,
} from '../../store/materials-repository.ts';
import type { WorkerProcess } from '../../workers/worker-process.ts';
import type { PdfInspection, RenderedPage } from '../../workers/pdf-worker-tasks.ts';
import { chunkPages } from './text-chunks.ts';
import { pdfMaterialKey } from './pdf-material-key.ts';

export interface PdfStageInput {
  context: JobRunContext;
  worker: WorkerProcess;
  filePath: string;
  documentId: string;
  password: string | undefined;
  /** Folder for this document's page images and tiles. */
  outputDir: string;
}

export interface StageResult {
  detail: Record<string, unknown>;
  persist?: (tx: Sql) => Promise<void>;
}

type StageHandler = (
  input: PdfStageInput,
  reportFraction: (fraction: number) => Promise<void>,
) => Promise<StageResult>;

const EMBEDDING_BATCH = 64;

/** Calls a worker task, forwarding its per-page progress as a fraction of the stage. */
function callWorker<T>(
  input: PdfStageInput,
  task: string,
  args: unknown,
  onItem?: (item: { done: number; total: number }) => void,
): Promise<T> {
  return input.worker.call<T>(task, args, {
    signal: input.context.signal,
    onProgress: (data) => onItem?.(data as { done: number; total: number }),
  });
}

function fractionReporter(report: (fraction: number) => Promise<void>) {
  return ({ done, total }: { done: number; total: number }) => {
    void report(total > 0 ? done / total : 1);
  };
}

const loadPdf: StageHandler = async (input) => {
  const inspection = await callWorker<PdfInspection>(input, 'pdf:inspect', {
    filePath: input.filePath,
    password: input.password,
  });
  const metadata = { ...inspection.metadata, warnings: inspection.warnings };
  return {
    detail: { page_count: inspection.pageCount, encrypted: inspection.encrypted },
    persist: async (tx) => {
      await documentsRepository.setLoaded(tx, input.documentId, {
        pageCount: inspection.pageCount,
        encrypted: inspection.encrypted,
        metadata,
      });
      if (inspection.warnings.length > 0) {
        await jobsRepository.mergeMetadata(tx, input.context.job.id, {
          pdf_warnings: inspection.warnings,
        });
      }
    },
  };
};

const extractText: StageHandler = async (input, report) => {
  const pages = await callWorker<NewPage[]>(
    input,
    'pdf:extractText',
    { filePath: input.filePath, password: input.password },
    fractionReporter(report),
  );
  const withoutText = pages.filter((page) => !page.hasTextLayer).map((page) => page.pageNumber);
  return {
    detail: { pages: pages.length, pages_without_text: withoutText.length },
    persist: async (tx) => {
      for (const page of pages) await documentsRepository.upsertPage(tx, input.documentId, page);
      const warnings = withoutText.length > 0 ? { pages_without_text_layer: withoutText } : {};
      await jobsRepository.mergeMetadata(tx, input.context.job.id, warnings);
    },
  };
};

const createChunks: StageHandler = async (input) => {
  const pages = await documentsRepository.listPages(input.context.database.sql, input.documentId);
  const chunks = chunkPages(
    pages.map((page) => ({ pageNumber: page.page_number, text: page.text })),
  );
  return {
    detail: { chunks: chunks.length },
    persist: (tx) => documentsRepository.replaceChunks(tx, input.documentId, chunks),
  };
};

const extractImages: StageHandler = async (input, report) => {
  const rendered = await callWorker<RenderedPage[]>(
    input,
    'pdf:renderPages',
    { filePath: input.filePath, password: input.password, outDir: join(input.outputDir, 'pages') },
    fractionReporter(report),
  );
  return {
    detail: { images: rendered.length },
    persist: async (tx) => {
      for (const page of rendered) {
        await documentsRepository.setPageImage(tx, input.documentId, page.pageNumber, page.path);
      }
    },
  };
};

const generateTiles: StageHandler = async (input, report) => {
  const pages = await documentsRepository.listPages(input.context.database.sql, input.documentId);
  const images = pages
    .filter((page) => page.image_path)
    .map((page) => ({ pageNumber: page.page_number, imagePath: page.image_path! }));
  const tiles = await callWorker<NewTile[]>(
    input,
    'pdf:generateTiles',
    { pages: images, outDir: join(input.outputDir, 'tiles') },
    fractionReporter(report),
  );
  return {
    detail: { tiles: tiles.length },
    persist: async (tx) => {
      for (const tile of tiles) await documentsRepository.upsertTile(tx, input.documentId, tile);
    },
  };
};

const createEmbeddings: StageHandler = async (input, report) => {
  const sql = input.context.database.sql;
  const chunks = await documentsRepository.listChunks(sql, input.documentId);
  const tiles = await documentsRepository.listTiles(sql, input.documentId);
  const total = chunks.length + tiles.length;

  const chunkVectors: number[][] = [];
  let textModel = '';
  for (let start = 0; start < chunks.length; start += EMBEDDING_BATCH) {
    const batch = chunks.slice(start, start + EMBEDDING_BATCH).map((chunk) => chunk.text);
    const result = await callWorker<{ model: string; vectors: number[][] }>(input, 'embed:texts', {
      texts: batch,
    });
    textModel = result.model;
    chunkVectors.push(...result.vectors);
    await report(chunkVectors.length / Math.max(1, total));
  }

  const tileResult = await callWorker<{ model: string; vectors: number[][] }>(
    input,
    'embed:images',
    { paths: tiles.map((tile) => tile.file_path) },
    ({ done }) => void report((chunks.length + done) / Math.max(1, total)),
  );

  return {
    detail: { chunk_vectors: chunkVectors.length, tile_vectors: tileResult.vectors.length },
    persist: async (tx) => {
      for (const [index, chunk] of chunks.entries()) {
        await documentsRepository.setChunkEmbedding(tx, chunk.id, chunkVectors[index]!, textModel);
      }
      for (const [index, tile] of tiles.entries()) {
        await documentsRepository.setTileEmbedding(
          tx,
          tile.id,
          tileResult.vectors[index]!,
          tileResult.model,
        );
      }
    },
  };
};

const extractMaterials: StageHandler = async (input) => {
  const sql = input.context.database.sql;
  const pages = await documentsRepository.listPages(sql, input.documentId);
  const document = await documentsRepository.get(sql, input.documentId);
  const drafts = await callWorker<MaterialDraft[]>(input, 'pdf:extractMaterials', {
    pages: pages.map((page) => ({ pageNumber: page.page_number, text: page.text })),
    filename: document?.filename ?? '',
  });
  const keyed = drafts.map((draft) => ({ key: pdfMaterialKey(input.documentId, draft), draft }));
  return {
    // Drafts that share a key (the same code twice in the catalog) become one row.
    detail: { materials: new Set(keyed.map((item) => item.key)).size },
    persist: async (tx) => {
      for (const { key, draft } of keyed) {
        await materialsRepository.upsert(tx, key, draft, {
          sourceType: 'pdf',
          sourceName: document?.filename ?? null,
          documentId: input.documentId,
          jobId: input.context.job.id,
        });
      }
      await deleteStaleDocumentMaterials(
        tx,
        input.documentId,
        keyed.map((item) => item.key),
      );
    },
  };
};

/** Links each material to the tiles of its page, the images a reviewer checks it against. */
const linkMaterials: StageHandler = async (input) => {
  const sql = input.context.database.sql;
  const materials = await materialsRepository.listForDocument(sql, input.documentId);
  const tiles = await documentsRepository.listTiles(sql, input.documentId);
  const links: Array<[string, string]> = [];
  for (const material of materials) {
    for (const tile of tiles) {
      if (tile.page_number === material.page_number) links.push([material.id, tile.id]);
    }
  }
  return {
    detail: { links: links.length },
    persist: async (tx) => {
      for (const [materialId, tileId] of links)
        await materialsRepository.linkTile(tx, materialId, tileId);
    },
  };
};

/** Refreshes planner statistics for the search indexes and stores summary counts on the job. */
const indexDocument: StageHandler = async (input) => {
  const sql = input.context.database.sql;
  await sql.exec('analyze document_chunks; analyze document_tiles; analyze materials;');
  const counts = await documentsRepository.counts(sql, input.documentId);
  const links = await materialsRepository.countTileLinks(sql, input.documentId);
  const summary = { ...counts, material_tile_links: links };
  return {
    detail: summary,
    persist: (tx) => jobsRepository.mergeMetadata(tx, input.context.job.id, { summary }),
  };
};

export const pdfStageHandlers: Record<PdfStage, StageHandler> = {
  pdf_loaded: loadPdf,
  text_extracted: extractText,
  chunks_created: createChunks,
  images_extracted: extractImages,
  tiles_generated: generateTiles,
  embeddings_created: createEmbeddings,
  materials_extracted: extractMaterials,
  materials_linked: linkMaterials,
  document_indexed: indexDocument,
};
