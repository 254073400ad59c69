import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ApiProvider } from './hooks/api-context.tsx';
import { storedTheme } from './hooks/use-theme.ts';
import { startCoreSync } from './services/core-sync.ts';
import { useAppStore } from './store/app-store.ts';
import { connectCore } from './transport/connect-core.ts';
import './styles/theme.css';
import './styles/base.css';
import './styles/views.css';

const connection = connectCore();
useAppStore.getState().setTheme(storedTheme());
startCoreSync(connection, useAppStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={connection.api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
