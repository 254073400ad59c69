/**
 * Column and element names that suppliers use for each material field, in English, German,
 * French, Spanish, Italian, Portuguese, Russian and Hungarian, with some Dutch and Polish.
 * Names are compared after {@link normalizeFieldName}, so accents, case, `snake_case`,
 * `camelCase` and namespace prefixes do not matter.
 */

/** Material fields a feed column can be mapped to. */
export const TARGET_FIELDS = [
  'name',
  'sku',
  'description',
  'category',
  'material_type',
  'dimensions',
  'thickness',
  'finish',
  'color',
  'price',
  'currency',
  'manufacturer',
  'image_urls',
  'product_url',
  'stock',
  'barcode',
] as const;

export type TargetField = (typeof TARGET_FIELDS)[number];

/** A synonym, optionally with a weight below 1 for names that only sometimes mean the field. */
type Synonym = string | [string, number];

interface TargetVocabulary {
  synonyms: Synonym[];
  /** Words that, inside a longer name, show the column means something else. */
  penalties?: string[];
}

export const FIELD_VOCABULARY: Record<TargetField, TargetVocabulary> = {
  name: {
    synonyms: [
      ...['name', 'title', 'product name', 'product title', 'item name', 'designation', 'label'],
      ...['bezeichnung', 'artikelbezeichnung', 'produktname', 'produktbezeichnung', 'benennung'],
      ...['artikelname', 'kurztext', 'kurztext1', 'titel', 'nom', 'libelle', 'intitule'],
      ...['nom du produit', 'nom produit', 'titre', 'nombre', 'titulo', 'denominacion'],
      ...['nombre del producto', 'nombre producto', 'nome', 'denominazione', 'titolo'],
      ...['nome prodotto', 'designacao', 'nome do produto', 'наименование', 'название'],
      ...['наименование товара', 'megnevezes', 'nev', 'termeknev', 'termek neve', 'naam', 'nazwa'],
      ['product', 0.7],
      ['producto', 0.7],
      ['produto', 0.7],
      ['товар', 0.7],
      ['termek', 0.7],
      ['model', 0.6],
    ],
    penalties: ['seo', 'alt', 'image', 'file', 'option', 'attribute', 'group', 'category', 'sub'],
  },
  sku: {
    synonyms: [
      ...['sku', 'article number', 'article no', 'item number', 'item no', 'part number', 'code'],
      ...['product code', 'ref', 'reference', 'model number', 'supplier aid', 'supplier pid'],
      ...['art nr', 'artnr', 'artikelnummer', 'artikel nr', 'bestellnummer', 'materialnummer'],
      ...['code article', 'code produit', 'referencia', 'codigo', 'codigo producto', 'codice'],
      ...['codice articolo', 'riferimento', 'codigo do produto', 'артикул', 'код', 'код товара'],
      ...['cikkszam', 'termekkod', 'kod', 'variant sku', 'prod id', 'artikelcode'],
      ['mpn', 0.6],
      ['product id', 0.6],
      ['id', 0.5],
      ['handle', 0.3],
    ],
    penalties: ['parent', 'category', 'group', 'tax', 'barcode', 'ean', 'image', 'order', 'rule'],
  },
  description: {
    synonyms: [
      ...['description', 'long description', 'body', 'body html', 'details', 'product description'],
      ...['detailed description', 'beschreibung', 'langtext', 'produktbeschreibung'],
      ...['artikelbeschreibung', 'description longue', 'descriptif', 'descripcion'],
      ...['descripcion larga', 'descrizione', 'descricao', 'описание', 'leiras', 'termekleiras'],
      ...['omschrijving', 'opis'],
      ['short description', 0.7],
      ['summary', 0.6],
      ['kurztext2', 0.6],
    ],
    penalties: ['seo', 'meta', 'alt', 'image', 'mime', 'type', 'category'],
  },
  category: {
    synonyms: [
      ...['category', 'categories', 'product category', 'category name', 'product group'],
      ...['kategorie', 'warengruppe', 'produktgruppe', 'artikelgruppe', 'hauptwarengruppe'],
      ...['categorie', 'famille', 'rayon', 'categoria', 'familia', 'rubro', 'категория'],
      ...['группа', 'раздел', 'kategoria', 'termekcsoport', 'csoport', 'waren gruppe'],
      ['product type', 0.8],
      ['group', 0.7],
      ['subcategory', 0.6],
      ['google product category', 0.6],
      ['collection', 0.5],
      ['category id', 0.5],
    ],
    penalties: ['tax', 'shipping', 'discount', 'rabatt', 'price'],
  },
  material_type: {
    synonyms: [
      ...['material', 'material type', 'materials', 'werkstoff', 'materialart', 'matiere'],
      ...['materiau', 'tipo de material', 'materiale', 'материал', 'anyag', 'anyagfajta'],
      ['type', 0.7],
      ['typ', 0.7],
      ['tipo', 0.7],
      ['tipologia', 0.7],
      ['тип', 0.7],
      ['tipus', 0.7],
      ['art', 0.5],
    ],
    penalties: ['tax', 'price', 'shipping', 'product type', 'mime', 'unit', 'visibility', 'file'],
  },
  dimensions: {
    synonyms: [
      ...['dimensions', 'dimension', 'size', 'format', 'measurements', 'measures', 'abmessungen'],
      ...['abmessung', 'masse', 'grosse', 'taille', 'dimensiones', 'medidas', 'tamano'],
      ...['formato', 'dimensioni', 'misure', 'dimensoes', 'tamanho', 'размер', 'размеры'],
      ...['габариты', 'meret', 'meretek', 'afmetingen', 'wymiary'],
    ],
    penalties: [
      'image',
      'pic',
      'file',
      'font',
      'weight',
      'note',
      'shipping',
      'packaging',
      'logo',
      'picture',
    ],
  },
  thickness: {
    synonyms: [
      ...['thickness', 'starke', 'dicke', 'materialstarke', 'epaisseur', 'espesor', 'grosor'],
      ...['spessore', 'espessura', 'толщина', 'vastagsag', 'dikte', 'grubosc'],
    ],
  },
  finish: {
    synonyms: [
      ...['finish', 'surface', 'surface finish', 'finishing', 'oberflache', 'finition'],
      ...['acabado', 'terminacion', 'finitura', 'superficie', 'acabamento', 'отделка'],
      ...['поверхность', 'фактура', 'felulet', 'feluletkezeles', 'afwerking', 'wykonczenie'],
      ['texture', 0.6],
      ['ausfuhrung', 0.6],
    ],
  },
  color: {
    synonyms: [
      ...['color', 'colour', 'colors', 'farbe', 'farbton', 'couleur', 'teinte', 'colore', 'cor'],
      ...['цвет', 'szin', 'kleur', 'kolor'],
    ],
  },
  price: {
    synonyms: [
      ...['price', 'unit price', 'list price', 'regular price', 'variant price', 'retail price'],
      ...['base price', 'net price', 'gross price', 'preis', 'listenpreis', 'verkaufspreis'],
      ...['vk preis', 'bruttopreis', 'nettopreis', 'einzelpreis', 'prix', 'prix ht', 'prix ttc'],
      ...['prix vente', 'prix de vente', 'tarif', 'precio', 'precio unitario', 'pvp', 'prezzo'],
      ...['prezzo listino', 'preco', 'preco unitario', 'цена', 'стоимость', 'ar', 'egysegar'],
      ...['listaar', 'netto ar', 'brutto ar', 'prijs', 'cena'],
      ['sale price', 0.7],
      ['price min', 0.8],
      ['euro', 0.6],
      ['amount', 0.5],
    ],
    penalties: [
      ...['achat', 'purchase', 'cost', 'einkauf', 'compra', 'acquisto', 'wholesale', 'compare'],
      ...['tva', 'vat', 'mwst', 'iva', 'ндс', 'afa', 'currency', 'wahrung', 'devise', 'moneda'],
      ...['valuta', 'валюта', 'rule', 'discount', 'rabatt', 'shipping', 'versand', 'date'],
      ...['factor', 'quantity', 'unit measure', 'price max', 'summe'],
    ],
  },
  currency: {
    synonyms: [
      ...['currency', 'currency code', 'currency id', 'price currency', 'wahrung', 'devise'],
      ...['monnaie', 'moneda', 'divisa', 'valuta', 'moeda', 'валюта', 'penznem', 'deviza'],
    ],
  },
  manufacturer: {
    synonyms: [
      ...['manufacturer', 'manufacturer name', 'brand', 'brand name', 'vendor', 'maker'],
      ...['producer', 'make', 'hersteller', 'herstellername', 'marke', 'fabrikat', 'fabricant'],
      ...['marque', 'fabricante', 'marca', 'produttore', 'производитель', 'бренд', 'марка'],
      ...['gyarto', 'marka', 'merk', 'producent'],
      ['supplier', 0.6],
      ['supplier name', 0.6],
      ['lieferant', 0.6],
      ['fournisseur', 0.6],
      ['proveedor', 0.6],
      ['fornitore', 0.6],
      ['fornecedor', 0.6],
      ['поставщик', 0.6],
      ['szallito', 0.6],
      ['seller name', 0.5],
    ],
    penalties: ['id', 'aid', 'pid', 'group', 'grupo', 'gruppe', 'type', 'reference', 'number'],
  },
  image_urls: {
    synonyms: [
      ...['image', 'images', 'image url', 'image urls', 'image link', 'image src', 'picture'],
      ...['pictures', 'photo', 'photos', 'img', 'main image', 'gallery', 'media', 'bild'],
      ...['bilder', 'bild url', 'bildlink', 'abbildung', 'foto', 'fotos', 'visuel', 'imagen'],
      ...['imagenes', 'imagen url', 'immagine', 'immagini', 'imagem', 'imagens', 'изображение'],
      ...['изображения', 'картинка', 'фото', 'kep', 'kepek', 'afbeelding', 'zdjecie'],
      ['additional image link', 0.8],
      ['mime source', 0.8],
      ['high pic', 0.8],
      ['gallery path', 0.8],
      ['image name', 0.7],
      ['variant image', 0.7],
      ['thumbnail', 0.6],
    ],
    penalties: ['alt', 'position', 'width', 'height', 'size', 'count', 'title', 'descr', 'type'],
  },
  product_url: {
    synonyms: [
      ...['url', 'link', 'product url', 'product link', 'permalink', 'deeplink', 'deep link'],
      ...['landing page', 'external url', 'produkt url', 'produktlink', 'lien', 'url produit'],
      ...['lien produit', 'enlace', 'url producto', 'enlace producto', 'collegamento'],
      ...['link prodotto', 'link do produto', 'ссылка', 'ссылка на товар', 'hivatkozas'],
      ...['termek link'],
    ],
    penalties: ['image', 'img', 'picture', 'photo', 'bild', 'imagen', 'download', 'logo', 'mime'],
  },
  stock: {
    synonyms: [
      ...['stock', 'stock quantity', 'quantity', 'qty', 'inventory', 'inventory qty'],
      ...['available quantity', 'bestand', 'lagerbestand', 'lager', 'quantite', 'existencias'],
      ...['cantidad', 'giacenza', 'quantita', 'estoque', 'quantidade', 'остаток', 'наличие'],
      ...['количество', 'склад', 'keszlet', 'raktarkeszlet', 'mennyiseg', 'voorraad'],
      ['availability', 0.7],
      ['verfugbarkeit', 0.7],
      ['disponibilite', 0.7],
      ['disponibilidad', 0.7],
      ['disponibilita', 0.7],
      ['disponibilidade', 0.7],
      ['in stock', 0.6],
      ['menge', 0.5],
    ],
    penalties: [
      ...['low', 'min', 'minimum', 'policy', 'tracker', 'backorder', 'price', 'unit', 'interval'],
      ...['order', 'step', 'pack'],
    ],
  },
  barcode: {
    synonyms: [
      ...['barcode', 'bar code', 'ean', 'ean13', 'ean 13', 'gtin', 'gtin13', 'upc', 'isbn'],
      ...['variant barcode', 'ean code', 'strichcode', 'code barre', 'code barres', 'gencod'],
      ...['codigo de barras', 'codice a barre', 'штрихкод', 'штрих код', 'vonalkod'],
      ...['streepjescode', 'kod kreskowy'],
      ['jan', 0.6],
    ],
  },
};

/**
 * Normalises a field path for comparison: the last path segment (with the parent for an
 * attribute), without namespace prefix, split at `_`, `-`, `.`, punctuation and camelCase,
 * lower-cased, with accents removed and `ß` as `ss`.
 */
export function normalizeFieldName(path: string): string {
  const segments = path.split('.').filter((s) => s !== '' && s !== '#text');
  const last = segments.at(-1) ?? path;
  const parts =
    last.startsWith('@') && segments.length > 1 ? [segments.at(-2) ?? '', last] : [last];
  return parts
    .map((part) => part.replace(/^@/, '').replace(/^[A-Za-z][\w-]*:/, ''))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const NORMALIZED = Object.fromEntries(
  Object.entries(FIELD_VOCABULARY).map(([target, vocabulary]) => [
    target,
    {
      synonyms: vocabulary.synonyms.map((entry) => {
        const [phrase, weight] = typeof entry === 'string' ? [entry, 1] : entry;
        return { phrase: normalizeFieldName(phrase), weight };
      }),
      penalties: (vocabulary.penalties ?? []).map((p) => normalizeFieldName(p)),
    },
  ]),
) as Record<TargetField, { synonyms: { phrase: string; weight: number }[]; penalties: string[] }>;

/**
 * Scores 0-1 how well a field name means `target`. An exact synonym scores 1, a synonym as a
 * word group inside the name (`Price per box`) 0.8, and a name word ending in a synonym
 * (German compounds such as `Aktionspreis`) 0.7. The score is multiplied by the synonym's
 * weight, and by 0.4 when a penalty word also occurs.
 */
export function scoreFieldName(target: TargetField, path: string): number {
  const name = normalizeFieldName(path);
  if (name === '') return 0;
  const words = name.split(' ');
  const vocabulary = NORMALIZED[target];
  let best = 0;
  for (const { phrase, weight } of vocabulary.synonyms) {
    let score = 0;
    if (name === phrase) score = 1;
    else if (` ${name} `.includes(` ${phrase} `)) score = 0.8;
    else if (phrase.length >= 4 && !phrase.includes(' ') && words.some((w) => w.endsWith(phrase))) {
      score = 0.7;
    }
    best = Math.max(best, score * weight);
  }
  if (best > 0 && best < 1 && vocabulary.penalties.some((p) => ` ${name} `.includes(` ${p} `))) {
    best *= 0.4;
  }
  return best;
}
