import type { StateCreator } from 'zustand';
import type { ImportPreview } from '../../../contract/calls/imports-calls.ts';
import type { DataImportJobRow, MaterialRow } from '../../../contract/rows.ts';
import type { MaterialTargetField } from '../../../contract/vocabulary.ts';
import { readStoredMapping } from '../lib/stored-mapping.ts';
import type { AppState } from './app-store.ts';

/** Feed field per materials column, as `imports:start` takes it. */
export type ImportMapping = Partial<Record<MaterialTargetField, string>>;

/** The feed being previewed and mapped, the import history, and the import being watched. */
export interface ImportSlice {
  preview: ImportPreview | null;
  previewError: string | null;
  /** True while a dropped feed is uploaded and previewed. */
  previewLoading: boolean;
  mapping: ImportMapping;
  /** Columns the user changed from the proposal; their confidence no longer applies. */
  editedTargets: ReadonlySet<MaterialTargetField>;
  sourceName: string;
  saveAsTemplate: boolean;
  imports: readonly DataImportJobRow[];
  /** The import whose progress, products and failed rows the view shows. */
  watchedImportId: string | null;
  importMaterials: readonly MaterialRow[];
  beginPreview(): void;
  /** Shows a preview and starts from its proposed mapping (or its saved template's). */
  setPreview(preview: ImportPreview, sourceName: string): void;
  setPreviewError(message: string): void;
  clearPreview(): void;
  setMappingField(target: MaterialTargetField, source: string | null): void;
  setSourceName(name: string): void;
  setSaveAsTemplate(save: boolean): void;
  replaceImports(rows: readonly DataImportJobRow[]): void;
  upsertImport(row: DataImportJobRow): void;
  watchImport(id: string | null): void;
  setImportMaterials(id: string, rows: readonly MaterialRow[]): void;
}

/** Returns the mapping a preview proposes: its saved template if one matched, else its guess. */
export function proposedMapping(preview: ImportPreview): ImportMapping {
  if (preview.template) return readStoredMapping(preview.template.field_mappings).mapping;
  const mapping: ImportMapping = {};
  for (const proposal of preview.mapping) mapping[proposal.target] = proposal.source;
  return mapping;
}

function newestFirst(a: DataImportJobRow, b: DataImportJobRow): number {
  return a.created_at === b.created_at
    ? a.id.localeCompare(b.id)
    : a.created_at > b.created_at
      ? -1
      : 1;
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set) => ({
  preview: null,
  previewError: null,
  previewLoading: false,
  mapping: {},
  editedTargets: new Set(),
  sourceName: '',
  saveAsTemplate: false,
  imports: [],
  watchedImportId: null,
  importMaterials: [],

  beginPreview() {
    set({ previewLoading: true, previewError: null, preview: null });
  },

  setPreview(preview, sourceName) {
    set({
      preview,
      previewError: null,
      previewLoading: false,
      mapping: proposedMapping(preview),
      editedTargets: new Set(),
      sourceName,
      saveAsTemplate: false,
    });
  },

  setPreviewError(message) {
    set({ previewError: message, previewLoading: false });
  },

  clearPreview() {
    set({ preview: null, previewError: null, previewLoading: false, mapping: {} });
  },

  setMappingField(target, source) {
    set((state) => {
      const mapping = { ...state.mapping };
      if (source) mapping[target] = source;
      else delete mapping[target];
      return { mapping, editedTargets: new Set(state.editedTargets).add(target) };
    });
  },

  setSourceName(sourceName) {
    set({ sourceName });
  },

  setSaveAsTemplate(saveAsTemplate) {
    set({ saveAsTemplate });
  },

  replaceImports(rows) {
    set({ imports: [...rows].sort(newestFirst) });
  },

  upsertImport(row) {
    set((state) => {
      const index = state.imports.findIndex((entry) => entry.id === row.id);
      if (index < 0) return { imports: [...state.imports, row].sort(newestFirst) };
      if (state.imports[index]!.updated_at > row.updated_at) return {};
      const imports = [...state.imports];
      imports[index] = row;
      return { imports };
    });
  },

  watchImport(id) {
    set((state) =>
      state.watchedImportId === id ? {} : { watchedImportId: id, importMaterials: [] },
    );
  },

  setImportMaterials(id, rows) {
    set((state) => (state.watchedImportId === id ? { importMaterials: rows } : {}));
  },
});
