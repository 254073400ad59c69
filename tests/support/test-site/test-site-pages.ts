/** HTML of the test site's own pages, the ones not taken from the corpus fixtures. */

/** Wraps body markup in a minimal HTML document. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** Renders the home page, which links every route plus off-site and non-http links to ignore. */
export function homePage(offsiteUrl: string | null): string {
  const offsite = offsiteUrl ? `<a href="${offsiteUrl}/from-test-site">Partner shop</a>` : '';
  return htmlPage(
    'Test building-materials shop',
    `<h1>Test shop</h1>
<nav>
  <a href="/catalog/">Catalogue</a>
  <a href="/catalog/?utm_source=newsletter&amp;utm_medium=email#top">Catalogue again (tracking)</a>
  <a href="/products/dveri-alba.html">Door Alba</a>
  <a href="/products/petshop-flea-tablets.html">Flea tablets</a>
  <a href="/products/acme-anvil.html">Anvil</a>
  <a href="/products/tile-adhesive.html">Tile adhesive</a>
  <a href="/products/og-paint.html">Facade paint</a>
  <a href="/articles/jsonld-comment.html">Article</a>
  <a href="/listings/ehituskaup24-makita.html">Makita at Ehituskaup24</a>
  <a href="/listings/geizhals-trockner.html">Dryers at Geizhals</a>
  <a href="/listings/tooriistamaailm-makita.html">Makita at Tooriistamaailm</a>
  <a href="/listings/tooriistamaailm-shell.html">Makita shell page</a>
  <a href="/blocked/k-rauta.html">K-Rauta</a>
  <a href="/missing/inserv.html">Inserv</a>
  <a href="/gone.html">Gone</a>
  <a href="/private/secret.html">Secret</a>
  <a href="/private/open-house.html">Open house</a>
  <a href="/search?session=abc123&amp;q=tiles">Search</a>
  <a href="/catalog/tiles/print">Print view</a>
  <a href="/catalog/tiles/printable-guide.html">Printable guide</a>
  <a href="/guides/base-demo.html">Base demo</a>
  <a href="/moved/start">Moved</a>
  <a href="/old/adhesive">Old adhesive URL</a>
  <a href="/loop/a">Loop</a>
  <a href="/hops/0">Many hops</a>
  <a href="/cookie-gate.html">Members</a>
  <a href="/slow.html">Slow</a>
  <a href="/busy.html">Busy</a>
  <a href="/flaky.html">Flaky</a>
  <a href="/broken.html">Broken</a>
  <a href="/overloaded.html">Overloaded</a>
  <a href="/huge.html">Huge</a>
  <a href="/download?id=7">Download</a>
  <a href="/files/price-list.pdf">Price list</a>
</nav>
<footer>
  ${offsite}
  <a href="mailto:sales@shop.example">Mail</a>
  <a href="javascript:void(0)">Menu</a>
  <a href="ftp://127.0.0.1/pub/catalogue.zip">FTP</a>
  <a href="tel:+3725550000">Phone</a>
  <a href="#top">Top</a>
</footer>`,
  );
}

/** Renders the catalogue hub, which links two listings, one with `&amp;amp;` in its href. */
export function catalogPage(): string {
  return htmlPage(
    'Catalogue',
    `<nav class="breadcrumb"><span>Home</span> <a href="/catalog/">Catalogue</a></nav>
<h1>Catalogue</h1>
<a href="/catalog/tiles?page=1">Tiles</a>
<a href="/catalog/tiles?page=1&amp;utm_campaign=spring">Tiles (campaign link)</a>
<a href="/catalog/adhesives?brand=kiilto&amp;amp;type=flex">Flexible adhesives</a>`,
  );
}

/**
 * Renders tile listing page 1, 2 or 3. Page 3's "next" link points to itself, and its sort
 * link leads to a URL that serves the same bytes.
 */
export function tileListingPage(page: number): string {
  const tiles = [1, 2].map((slot) => {
    const number = (page - 1) * 2 + slot;
    return `<div class="product-tile">
  <a href="/catalog/tiles/item-${number}.html"><img src="/img/tile-${number}.jpg" alt=""></a>
  <h3 class="product-title"><a href="/catalog/tiles/item-${number}.html">Ceramic tile T-${number} 30x60</a></h3>
  <span class="price">${10 + number},90&nbsp;€</span>
  <del class="old-price">${20 + number},00&nbsp;€</del>
</div>`;
  });
  const next =
    page === 1
      ? '/catalog/tiles?page=2&amp;utm_source=pager'
      : `/catalog/tiles?page=${Math.min(page + 1, 3)}`;
  const extra =
    page === 1
      ? '<a href="/catalog/tiles?page=2">2</a>'
      : page === 3
        ? '<a href="/catalog/tiles?sort=default&amp;page=3">Default order</a>'
        : '';
  return htmlPage(
    `Tiles, page ${page}`,
    `<nav class="breadcrumb"><span>Home</span> <a href="/catalog/">Catalogue</a> <a href="/catalog/tiles?page=1">Tiles</a></nav>
<div class="listing">${tiles.join('\n')}</div>
<div class="pager">${extra}<a rel="next" href="${next}">Next</a></div>`,
  );
}

/** Renders a tile's detail page, with JSON-LD that carries a SKU. */
export function tileItemPage(number: number): string {
  const product = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: `Ceramic tile T-${number} 30x60`,
    sku: `TILE-${number}`,
    category: 'Tiles',
    offers: { '@type': 'Offer', price: `${10 + number}.90`, priceCurrency: 'EUR' },
  };
  return htmlPage(
    `Ceramic tile T-${number}`,
    `<h1>Ceramic tile T-${number} 30x60</h1><a href="/catalog/tiles?page=1">Back to tiles</a>`,
    jsonLd(product),
  );
}

/** Renders the adhesives listing, linked with an href whose `&amp;amp;` decodes once. */
export function adhesivesListingPage(): string {
  const tiles = [
    'Flex adhesive C2TE S1|18,50',
    'Rapid adhesive C2FT|21,90',
    'Mosaic adhesive white|24,00',
  ].map((entry, index) => {
    const [name, price] = entry.split('|');
    return `<li class="item"><a class="item-name" href="/catalog/adhesives/item-${index + 1}">${name}</a>
<div class="item-price">${price} EUR</div></li>`;
  });
  return htmlPage(
    'Flexible adhesives',
    `<h1>Adhesives</h1><ul class="items">${tiles.join('\n')}</ul>`,
  );
}

/**
 * Renders a product page whose JSON-LD has a JavaScript comment, a trailing comma, a `@graph`, an
 * offers array with a price range and an `@id` reference to the brand.
 */
export function tileAdhesivePage(): string {
  const script = `{
  "@context": "https://schema.org",
  // The shop's template writes comments into its JSON-LD.
  "@graph": [
    { "@type": "Organization", "@id": "#brand", "name": "Kiilto" },
    {
      "@type": "Product",
      "name": "Tile adhesive Kiilto Extra &amp; Flex 25 kg",
      "sku": "KIILTO-EXTRA-25",
      "gtin13": "6411512345678",
      "brand": { "@id": "#brand" },
      "category": ["Building materials", "Adhesives"],
      "image": "/img/kiilto-extra.jpg",
      "offers": [
        { "@type": "Offer", "sku": "KIILTO-EXTRA-25-1", "price": "18.90", "priceCurrency": "EUR" },
        { "@type": "Offer", "sku": "KIILTO-EXTRA-25-40", "price": "16.50 - 17.40", "priceCurrency": "EUR" },
      ],
    }
  ]
}`;
  return htmlPage(
    'Tile adhesive Kiilto Extra',
    `<h1>Tile adhesive</h1><a href="/products/og-paint.html">See also: facade paint</a>`,
    `<script type="application/ld+json">${script}</script>`,
  );
}

/** Renders a product described only by Open Graph tags. */
export function ogPaintPage(): string {
  return htmlPage(
    'Facade paint',
    '<h1>Facade paint Tikkurila 9 l</h1><p>Silicone facade paint.</p>',
    `<meta property="og:type" content="product">
<meta property="og:title" content="Facade paint Tikkurila 9 l">
<meta property="og:url" content="/products/og-paint.html">
<meta property="og:image" content="/img/facade-paint.jpg">
<meta property="product:price:amount" content="89.90">
<meta property="product:price:currency" content="EUR">
<meta property="product:retailer_item_id" content="TIK-FACADE-9">`,
  );
}

/** Renders a page with `<base href>`, so its relative link resolves under /products/. */
export function baseDemoPage(): string {
  return htmlPage(
    'Guide',
    '<p>Read about <a href="og-paint.html">facade paint</a>.</p>',
    '<base href="/products/">',
  );
}

/** Renders the product page at the end of a redirect chain, linked from nowhere else. */
export function movedFinalPage(): string {
  return htmlPage(
    'Moved product',
    '<h1>Gypsum board 12.5 mm</h1>',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Gypsum board 12.5 mm',
      sku: 'GYPSUM-125',
      offers: { '@type': 'Offer', price: 7.2, priceCurrency: 'EUR' },
    }),
  );
}

/** Renders the product page served only with the cookie that the first response set. */
export function memberPage(): string {
  return htmlPage(
    'Members price',
    '<h1>Mineral wool 100 mm</h1>',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Mineral wool 100 mm',
      sku: 'WOOL-100',
      offers: { '@type': 'Offer', price: '32.00', priceCurrency: 'EUR' },
    }),
  );
}

/** Renders a product page that only the sitemap lists. */
export function sitemapOnlyPage(): string {
  return htmlPage(
    'Sitemap only',
    '<h1>Roof tile clay red</h1>',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Roof tile clay red',
      sku: 'ROOF-RED',
      offers: { '@type': 'Offer', price: '1.35', priceCurrency: 'EUR' },
    }),
  );
}

/** Renders a plain page without products, for routes that must simply complete. */
export function plainPage(title: string): string {
  return htmlPage(title, `<h1>${title}</h1><p>No products on this page.</p>`);
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}
