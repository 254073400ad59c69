import { afterEach, describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/cli/cli-context.ts';
import { desktopDataDir } from '../../../main/shell/desktop-data-dir.ts';

const saved = { KAI_DATA_DIR: process.env.KAI_DATA_DIR, XDG_DATA_HOME: process.env.XDG_DATA_HOME };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('unit', () => {
  it.each([
    ['no variables', {}],
    ['KAI_DATA_DIR', { KAI_DATA_DIR: '/srv/kai' }],
    ['relative KAI_DATA_DIR', { KAI_DATA_DIR: 'data' }],
    ['XDG_DATA_HOME', { XDG_DATA_HOME: '/home/staff/.data' }],
  ])('desktop data dir matches CLI: %s', (_name, env: Record<string, string>) => {
    delete process.env.KAI_DATA_DIR;
    delete process.env.XDG_DATA_HOME;
    Object.assign(process.env, env);
    expect(desktopDataDir()).toBe(resolveDataDir(undefined));
  });
});
