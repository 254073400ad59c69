import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { APP_ID, electronAssetUrl, PRODUCT_NAME } from '../../../main/shell/app-identity.ts';

const builderConfig = new URL('../../../electron-builder.yml', import.meta.url);

describe('unit', () => {
  it('appId matches the installer config', async () => {
    const yaml = await readFile(builderConfig, 'utf8');
    expect(/^appId: (\S+)/m.exec(yaml)?.[1]).toBe(APP_ID);
  });

  it('productName matches the installer config', async () => {
    const yaml = await readFile(builderConfig, 'utf8');
    expect(/^productName: (.+)$/m.exec(yaml)?.[1]).toBe(PRODUCT_NAME);
  });

  it('asset URLs encode each segment', () => {
    expect(electronAssetUrl('documents/a b/tiles/p1#2.jpg')).toBe(
      'kai-asset://data/documents/a%20b/tiles/p1%232.jpg',
    );
  });
});
