import type { ImportPreview } from '../../../../contract/calls/imports-calls.ts';
import {
  MATERIAL_TARGET_FIELDS,
  type MaterialTargetField,
} from '../../../../contract/vocabulary.ts';
import { confidenceLabel, confidenceLevel } from '../../lib/confidence.ts';
import { useAppStore } from '../../store/app-store.ts';

const TARGET_LABELS: Record<MaterialTargetField, string> = {
  name: 'Name (required)',
  sku: 'SKU',
  description: 'Description',
  category: 'Category',
  material_type: 'Material type',
  dimensions: 'Dimensions',
  thickness: 'Thickness',
  finish: 'Finish',
  color: 'Colour',
  price: 'Price',
  currency: 'Currency',
  manufacturer: 'Manufacturer',
  image_urls: 'Image URLs',
  product_url: 'Product URL',
  stock: 'Stock',
  barcode: 'Barcode (EAN/GTIN)',
};

/**
 * Renders one row per materials column: the feed field mapped to it, how sure the proposal was (a
 * coloured badge with a text label), and sample values of the chosen field.
 */
export function MappingEditor({ preview }: { preview: ImportPreview }) {
  const mapping = useAppStore((state) => state.mapping);
  const edited = useAppStore((state) => state.editedTargets);
  const setMappingField = useAppStore((state) => state.setMappingField);
  const proposals = new Map(preview.mapping.map((proposal) => [proposal.target, proposal]));
  const fields = new Map(preview.fields.map((field) => [field.path, field]));

  return (
    <table className="data mapping-table">
      <caption className="visually-hidden">Field mapping</caption>
      <thead>
        <tr>
          <th scope="col">Materials column</th>
          <th scope="col">Feed field</th>
          <th scope="col">Confidence</th>
          <th scope="col">Sample values</th>
        </tr>
      </thead>
      <tbody>
        {MATERIAL_TARGET_FIELDS.map((target) => {
          const source = mapping[target] ?? '';
          const proposal = proposals.get(target);
          const selectId = `mapping-${target}`;
          return (
            <tr key={target} data-target={target}>
              <th scope="row">
                <label htmlFor={selectId}>{TARGET_LABELS[target]}</label>
              </th>
              <td>
                <select
                  id={selectId}
                  value={source}
                  onChange={(event) => setMappingField(target, event.target.value || null)}
                >
                  <option value="">Not mapped</option>
                  {preview.fields.map((field) => (
                    <option key={field.path} value={field.path}>
                      {field.path}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <ConfidenceCell
                  edited={edited.has(target)}
                  fromTemplate={preview.template !== null}
                  confidence={proposal && proposal.source === source ? proposal.confidence : null}
                  mapped={source !== ''}
                />
              </td>
              <td className="samples">{fields.get(source)?.samples.join(' · ') ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ConfidenceCell({
  edited,
  fromTemplate,
  confidence,
  mapped,
}: {
  edited: boolean;
  fromTemplate: boolean;
  confidence: number | null;
  mapped: boolean;
}) {
  if (!mapped) return <span className="muted">–</span>;
  if (edited) return <span className="badge neutral">Set by you</span>;
  if (confidence !== null) {
    return (
      <span className={`badge ${confidenceLevel(confidence)}`}>{confidenceLabel(confidence)}</span>
    );
  }
  if (fromTemplate) return <span className="badge high">From template</span>;
  return <span className="muted">–</span>;
}
