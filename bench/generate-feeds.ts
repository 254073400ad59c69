import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes `chunks` through a stream, waiting for drain so memory stays flat. */
async function writeAll(path: string, rows: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  for (const row of rows) {
    if (!stream.write(row)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

function* productIndexes(targetBytes: number, bytesPerProduct: number): Generator<number> {
  const count = Math.ceil(targetBytes / bytesPerProduct);
  for (let index = 0; index < count; index += 1) yield index;
}

function description(index: number): string {
  return `Glasierte Feinsteinzeugfliese fuer Innen- und Aussenbereiche, Serie ${index % 97}, rektifiziert, frostsicher`;
}

/** Writes a generic product XML feed of about `targetBytes` bytes; returns the product count. */
export async function generateXmlFeed(path: string, targetBytes: number): Promise<number> {
  let count = 0;
  function* rows() {
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<catalog>\n';
    for (const index of productIndexes(targetBytes, 430)) {
      count += 1;
      yield (
        `  <product>\n    <sku>FL-${index}</sku>\n    <name>Fliese ${index} Feinsteinzeug</name>\n` +
        `    <description>${description(index)}</description>\n    <dimensions>60x60 cm</dimensions>\n` +
        `    <price currency="EUR">${(10 + (index % 90)).toFixed(2)}</price>\n` +
        `    <image>https://cdn.example/fliesen/${index}.jpg</image>\n  </product>\n`
      );
    }
    yield '</catalog>\n';
  }
  await writeAll(path, rows());
  return count;
}

/** Writes a semicolon CSV feed of about `targetBytes` bytes; returns the product count. */
export async function generateCsvFeed(path: string, targetBytes: number): Promise<number> {
  let count = 0;
  function* rows() {
    yield 'Artikelnummer;Bezeichnung;Beschreibung;Format;Preis;Bild\n';
    for (const index of productIndexes(targetBytes, 190)) {
      count += 1;
      yield (
        `FL-${index};Fliese ${index} Feinsteinzeug;"${description(index)}";60x60 cm;` +
        `${10 + (index % 90)},${String(index % 100).padStart(2, '0')} €;https://cdn.example/fliesen/${index}.jpg\n`
      );
    }
  }
  await writeAll(path, rows());
  return count;
}
