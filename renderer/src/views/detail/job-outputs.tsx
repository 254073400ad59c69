import type { DocumentTilesOutput } from '../../../../contract/calls/files-calls.ts';
import type { DocumentCounts, MaterialRow } from '../../../../contract/rows.ts';

/** Materials shown in the table; the JSON export carries all of them. */
const MATERIAL_ROWS_SHOWN = 200;

/** Renders the output counts of a job's document. */
export function OutputCounts({ outputs }: { outputs: DocumentCounts }) {
  return (
    <dl className="counts">
      <div>
        <dt>Pages</dt>
        <dd>{outputs.pages}</dd>
      </div>
      <div>
        <dt>Chunks</dt>
        <dd>{outputs.chunks}</dd>
      </div>
      <div>
        <dt>Tiles</dt>
        <dd>{outputs.tiles}</dd>
      </div>
      <div>
        <dt>Materials</dt>
        <dd>{outputs.materials}</dd>
      </div>
    </dl>
  );
}

function formatPrice(material: MaterialRow): string {
  if (material.price === null) return '';
  return `${material.price.toLocaleString(undefined, { maximumFractionDigits: 2 })}${material.currency ? ` ${material.currency}` : ''}`;
}

/** Renders the materials a job produced as a table. */
export function MaterialsTable({
  materials,
  caption,
}: {
  materials: readonly MaterialRow[];
  caption: string;
}) {
  if (materials.length === 0) return <p className="muted">No materials yet.</p>;
  const shown = materials.slice(0, MATERIAL_ROWS_SHOWN);
  return (
    <div className="table-scroll">
      <table className="data materials-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">SKU</th>
            <th scope="col">Category</th>
            <th scope="col">Dimensions</th>
            <th scope="col">Finish</th>
            <th scope="col">Colour</th>
            <th scope="col">Price</th>
            <th scope="col">Page</th>
            <th scope="col">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((material) => (
            <tr key={material.id}>
              <td>{material.name}</td>
              <td className="mono">{material.sku}</td>
              <td>{material.category}</td>
              <td>{material.dimensions}</td>
              <td>{material.finish}</td>
              <td>{material.color}</td>
              <td>{formatPrice(material)}</td>
              <td>{material.page_number ?? ''}</td>
              <td>{Math.round(material.confidence * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {materials.length > shown.length ? (
        <p className="muted">
          Showing {shown.length} of {materials.length}; the JSON export has them all.
        </p>
      ) : null}
    </div>
  );
}

/** Renders tile thumbnails grouped by page. */
export function TileGallery({ tiles }: { tiles: DocumentTilesOutput | null }) {
  if (!tiles || tiles.tiles.length === 0) return <p className="muted">No tiles yet.</p>;
  const pages = new Map<number, DocumentTilesOutput['tiles']>();
  for (const tile of tiles.tiles) {
    const list = pages.get(tile.page_number) ?? [];
    list.push(tile);
    pages.set(tile.page_number, list);
  }
  return (
    <div className="tile-pages">
      {[...pages.entries()].map(([page, pageTiles]) => (
        <figure key={page} className="tile-page">
          <figcaption>Page {page}</figcaption>
          <div className="tile-grid">
            {pageTiles.map((tile) => (
              <img
                key={tile.id}
                src={tile.url}
                alt={`Page ${page} tile at ${tile.x}, ${tile.y}`}
                width={72}
                height={72}
                loading="lazy"
              />
            ))}
          </div>
        </figure>
      ))}
      {tiles.total > tiles.tiles.length ? (
        <p className="muted">
          Showing {tiles.tiles.length} of {tiles.total} tiles.
        </p>
      ) : null}
    </div>
  );
}
