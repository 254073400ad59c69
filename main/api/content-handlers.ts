/** Handlers of `materials:list` and `documents:tiles`. */
import { documentsRepository } from '../store/documents-repository.ts';
import { jobsRepository } from '../store/jobs-repository.ts';
import { materialsRepository } from '../store/materials-repository.ts';
import type { CallHandlers } from './api-context.ts';
import { ApiFailure } from './api-errors.ts';
import { relativeAssetPath } from './asset-paths.ts';

export const contentHandlers: CallHandlers<'materials:list' | 'documents:tiles'> = {
  async 'materials:list'(input, { core }) {
    const materials = await materialsRepository.list(core.database.sql, {
      jobId: input.jobId,
      documentId: input.documentId,
      search: input.search,
      limit: input.limit,
    });
    return { materials };
  },

  async 'documents:tiles'(input, { core, assetUrl }) {
    const sql = core.database.sql;
    const job = await jobsRepository.get(sql, input.jobId);
    if (!job) throw new ApiFailure('not_found', `Job ${input.jobId} was not found.`);
    if (!job.document_id) return { documentId: null, total: 0, tiles: [] };

    // NOTE: listTiles reads every tile of the document and the page is cut here. That is
    // cheap for a few thousand tiles; far larger documents need paging in SQL.
    const all = await documentsRepository.listTiles(sql, job.document_id);
    const tiles = [];
    for (const tile of all.slice(input.offset, input.offset + input.limit)) {
      const relativePath = relativeAssetPath(core.database.dataDir, tile.file_path);
      if (!relativePath) continue;
      const { id, page_number, x, y, width, height } = tile;
      tiles.push({ id, page_number, x, y, width, height, url: assetUrl(relativePath) });
    }
    return { documentId: job.document_id, total: all.length, tiles };
  },
};
