import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../contract/calls/imports-calls.ts';
import type { AppNotification } from '../../../contract/notifications.ts';
import type { DataImportJobRow, ScrapingSessionRow } from '../../../contract/rows.ts';
import { createAppStore } from '../../../renderer/src/store/app-store.ts';
import { readStoredMapping } from '../../../renderer/src/lib/stored-mapping.ts';
import { proposedMapping } from '../../../renderer/src/store/import-slice.ts';
import { MAX_NOTICES } from '../../../renderer/src/store/notices-slice.ts';

function notice(id: string): AppNotification {
  return {
    id,
    kind: 'job_failed',
    title: `Job failed: ${id}`,
    body: 'The file is not a PDF.',
    target: { kind: 'job', jobId: id },
    createdAt: '2025-03-10T12:00:00Z',
  };
}

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    path: '/data/uploads/feed.csv',
    importType: 'csv',
    format: 'csv',
    encoding: 'utf-8',
    preset: null,
    template: null,
    sampledRecords: 20,
    recordPath: null,
    warnings: [],
    fields: [
      { path: 'designation', fillRate: 1, samples: ['Oak plank'] },
      { path: 'ref', fillRate: 1, samples: ['012621'] },
    ],
    mapping: [{ target: 'sku', source: 'ref', confidence: 0.9 }],
    ...overrides,
  };
}

describe('notices slice', () => {
  it('shows a notice once although two events carry it', () => {
    const store = createAppStore();
    store.getState().pushNotice(notice('a'));
    store.getState().pushNotice(notice('a'));
    expect(store.getState().notices).toHaveLength(1);
  });

  it('drops the oldest past the limit', () => {
    const store = createAppStore();
    for (let index = 0; index <= MAX_NOTICES; index += 1)
      store.getState().pushNotice(notice(`n${index}`));
    expect(store.getState().notices).toHaveLength(MAX_NOTICES);
    expect(store.getState().notices[0]!.id).toBe('n1');
  });
});

describe('settings slice', () => {
  it('takes the engine stall threshold', () => {
    const store = createAppStore();
    expect(store.getState().stallAfterMs).toBeNull();
    store.getState().setSettings({
      dataDir: '/data',
      concurrency: 2,
      heartbeatMs: 10_000,
      stallAfterMs: 45_000,
      notifications: { enabled: true, doNotDisturb: false },
      restartRequired: false,
    });
    expect(store.getState().stallAfterMs).toBe(45_000);
  });
});

describe('import slice', () => {
  it('starts from the proposed mapping', () => {
    expect(proposedMapping(preview())).toEqual({ sku: 'ref' });
  });

  it('prefers a matching template', () => {
    const withTemplate = preview({
      template: {
        id: 't',
        supplier: 'Pallmann',
        field_signature: 'sig',
        import_type: 'csv',
        field_mappings: {
          version: 1,
          fields: { name: { source: 'designation', confidence: 1 }, sku: { source: 'ref' } },
        },
        created_at: '2025-03-10T12:00:00Z',
        updated_at: '2025-03-10T12:00:00Z',
      },
    });
    expect(proposedMapping(withTemplate)).toEqual({ name: 'designation', sku: 'ref' });
  });

  it('records edited columns and unmaps', () => {
    const store = createAppStore();
    store.getState().setPreview(preview(), 'feed');
    store.getState().setMappingField('name', 'designation');
    store.getState().setMappingField('sku', null);
    expect(store.getState().mapping).toEqual({ name: 'designation' });
    expect([...store.getState().editedTargets].sort()).toEqual(['name', 'sku']);
  });

  it('keeps the newer copy of an import', () => {
    const store = createAppStore();
    const row = (updated: string, processed: number): DataImportJobRow => ({
      id: 'i',
      background_job_id: 'j',
      source_name: 'Pallmann',
      import_type: 'csv',
      status: 'processing',
      file_path: '/data/feed.csv',
      encoding: 'utf-8',
      preset: null,
      total_products: 149,
      processed_products: processed,
      failed_products: 0,
      last_committed_row: processed,
      field_mappings: {},
      created_at: '2025-03-10T12:00:00Z',
      updated_at: updated,
      error_message: null,
    });
    store.getState().upsertImport(row('2025-03-10T12:00:05Z', 100));
    store.getState().upsertImport(row('2025-03-10T12:00:01Z', 10));
    expect(store.getState().imports[0]!.processed_products).toBe(100);
  });
});

describe('scraper slice', () => {
  it('lists sessions newest first', () => {
    const store = createAppStore();
    const session = (id: string, created: string): ScrapingSessionRow => ({
      id,
      background_job_id: `job-${id}`,
      source_url: `https://supplier.example/${id}`,
      status: 'scraping',
      total_pages: 0,
      completed_pages: 0,
      failed_pages: 0,
      materials_processed: 0,
      progress_percentage: 0,
      scraping_config: {},
      created_at: created,
      updated_at: created,
      error_message: null,
    });
    store.getState().upsertSession(session('old', '2025-03-10T12:00:00Z'));
    store.getState().upsertSession(session('new', '2025-03-10T13:00:00Z'));
    expect(store.getState().sessions.map((row) => row.id)).toEqual(['new', 'old']);
  });
});

describe('readStoredMapping', () => {
  it('reads the importer nested shape', () => {
    const stored = readStoredMapping({
      version: 1,
      preset: null,
      recordPath: 'catalogo.producto',
      fields: {
        name: { source: 'nombre', confidence: 1 },
        image_urls: { source: ['imagen_url', 'foto'], confidence: 0.8 },
        price: { source: null, confidence: 0 },
      },
    });
    expect(stored.mapping).toEqual({ name: 'nombre', image_urls: 'imagen_url' });
    expect(stored.recordPath).toBe('catalogo.producto');
  });

  it('reads a flat mapping', () => {
    const stored = readStoredMapping({ name: 'designation', sku: 'ref', unknown: 'x' });
    expect(stored.mapping).toEqual({ name: 'designation', sku: 'ref' });
    expect(stored.recordPath).toBeNull();
  });
});
