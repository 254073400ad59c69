import { createContext, useContext, type ReactNode } from 'react';
import type { KaiApi } from '../../../contract/kai-api.ts';

const ApiContext = createContext<KaiApi | null>(null);

/** Makes the core's API available to every component below it. */
export function ApiProvider({ api, children }: { api: KaiApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** Returns the core's API; components call it for actions and view data. */
export function useApi(): KaiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider> above the component.');
  return api;
}
