import { describe, expectTypeOf, it } from 'vitest';
import type { CallInput, CallOutput, KaiApi } from '../../../contract/index.ts';

describe('unit', () => {
  it('contract types map channels to functions', () => {
    expectTypeOf<KaiApi['jobs']['list']>()
      .parameter(0)
      .toEqualTypeOf<CallInput<'jobs:list'> | undefined>();
    expectTypeOf<KaiApi['jobs']['get']>().parameter(0).toEqualTypeOf<CallInput<'jobs:get'>>();
    expectTypeOf<CallOutput<'jobs:retry'>>().toEqualTypeOf<{ changed: number; ids: string[] }>();
  });
});
