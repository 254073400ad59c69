import { describe, expect, it } from 'vitest';
import * as contract from '../../../contract/index.ts';
import { TARGET_FIELDS } from '../../../main/pipelines/import/mapping-dictionary.ts';

describe('unit', () => {
  it('import target fields match the importer', () => {
    expect(contract.MATERIAL_TARGET_FIELDS).toEqual(TARGET_FIELDS);
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
