import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Folders of the data files pdfjs reads at run time. Each is a plain file-system path that
 * ends in `/`, because pdfjs appends file names to it.
 */
export interface PdfAssetPaths {
  /** Packed Adobe CMaps (`*.bcmap`). Without them CJK text in non-embedded fonts is dropped. */
  cMapDir: string;
  /** The 14 standard fonts (Foxit `.pfb`, Liberation `.ttf`) used when a PDF does not embed them. */
  standardFontDir: string;
  /** WebAssembly decoders for JPEG 2000 (OpenJPEG), JBIG2 and colour management (QCMS). */
  wasmDir: string;
  /** ICC profiles used to convert CMYK images. */
  iccDir: string;
}

/**
 * Appends the trailing `/` that pdfjs requires on every asset folder (it rejects a backslash).
 * Node's `fs` accepts the mixed separators this gives on Windows.
 */
function asFolder(dir: string): string {
  return dir.endsWith('/') ? dir : dir + '/';
}

/**
 * Returns the asset folders of the installed `pdfjs-dist` package, or those below `rootDir`
 * when given. A packaged app passes the folder it unpacked `pdfjs-dist` to, because files
 * inside an asar archive cannot be read by path.
 */
export function pdfAssetPaths(rootDir?: string): PdfAssetPaths {
  const root =
    rootDir ?? path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapDir: asFolder(path.join(root, 'cmaps')),
    standardFontDir: asFolder(path.join(root, 'standard_fonts')),
    wasmDir: asFolder(path.join(root, 'wasm')),
    iccDir: asFolder(path.join(root, 'iccs')),
  };
}

/** Returns `paths` with a trailing separator on every folder. */
export function normaliseAssetPaths(paths: PdfAssetPaths): PdfAssetPaths {
  return {
    cMapDir: asFolder(paths.cMapDir),
    standardFontDir: asFolder(paths.standardFontDir),
    wasmDir: asFolder(paths.wasmDir),
    iccDir: asFolder(paths.iccDir),
  };
}
