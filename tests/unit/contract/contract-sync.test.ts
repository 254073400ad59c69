import { describe, expect, it } from 'vitest';
import * as contract from '../../../contract/index.ts';
import type * as rows from '../../../contract/rows.ts';
import * as vocabulary from '../../../main/jobs/job-vocabulary.ts';
import { TARGET_FIELDS } from '../../../main/pipelines/import/mapping-dictionary.ts';
import type { DocumentCounts, TileRow } from '../../../main/store/documents-repository.ts';
import type { BackgroundJobRow } from '../../../main/store/jobs-repository.ts';
import type * as imports from '../../../main/store/imports-repository.ts';
import type { MaterialRow } from '../../../main/store/materials-repository.ts';
import type * as scraping from '../../../main/store/scraping-repository.ts';
import type { StageEventRow, StageSummary } from '../../../main/store/stage-events-repository.ts';

/** True when A and B are assignable both ways; a drifted mirror makes the assignment fail. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// These assignments are the type-level check: `tsc` fails when a mirror drifts.
const jobRowInSync: Same<rows.BackgroundJobRow, BackgroundJobRow> = true;
const stageEventInSync: Same<rows.StageEventRow, StageEventRow> = true;
const stageSummaryInSync: Same<rows.StageSummary, StageSummary> = true;
const materialInSync: Same<rows.MaterialRow, MaterialRow> = true;
const countsInSync: Same<rows.DocumentCounts, DocumentCounts> = true;
const tileInSync: Same<rows.TileRow, TileRow> = true;
const importInSync: Same<rows.DataImportJobRow, imports.DataImportJobRow> = true;
const failureInSync: Same<rows.ImportRowFailureRow, imports.ImportRowFailureRow> = true;
const templateInSync: Same<rows.ImportMappingTemplateRow, imports.ImportMappingTemplateRow> = true;
const sessionInSync: Same<rows.ScrapingSessionRow, scraping.ScrapingSessionRow> = true;
const pageInSync: Same<rows.ScrapingPageRow, scraping.ScrapingPageRow> = true;

describe('unit', () => {
  it('row mirrors match repository types', () => {
    expect([
      jobRowInSync,
      stageEventInSync,
      stageSummaryInSync,
      materialInSync,
      countsInSync,
      tileInSync,
      importInSync,
      failureInSync,
      templateInSync,
      sessionInSync,
      pageInSync,
    ]).toEqual(Array.from({ length: 11 }, () => true));
  });

  it('job statuses match the core', () => {
    expect(contract.JOB_STATUSES).toEqual(vocabulary.JOB_STATUSES);
  });

  it('job types match the core', () => {
    expect(contract.JOB_TYPES).toEqual(vocabulary.JOB_TYPES);
  });

  it('import target fields match the importer', () => {
    expect(contract.MATERIAL_TARGET_FIELDS).toEqual(TARGET_FIELDS);
  });

  it('stage events match the core', () => {
    expect(contract.STAGE_EVENTS).toEqual(vocabulary.STAGE_EVENTS);
  });

  it('call names follow domain:verb', () => {
    const malformed = Object.keys(contract.CALLS).filter(
      (name) => !/^[a-z]+:[a-z][a-zA-Z]*$/.test(name),
    );
    expect(malformed).toEqual([]);
  });

  it('event names follow domain:verb', () => {
    const malformed = contract.EVENT_NAMES.filter((name) => !/^[a-z]+:[a-z][a-zA-Z]*$/.test(name));
    expect(malformed).toEqual([]);
  });

  it('client exposes every call', () => {
    const api = contract.createKaiClient(
      { call: async () => contract.ok(null), subscribe: () => () => undefined },
      { mode: 'browser' },
    ) as unknown as Record<string, Record<string, unknown>>;
    const missing = Object.keys(contract.CALLS).filter((name) => {
      const [domain, verb] = name.split(':') as [string, string];
      return typeof api[domain]?.[verb] !== 'function';
    });
    expect(missing).toEqual([]);
  });
});
