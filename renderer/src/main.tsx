import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts travel with the app (no remote fonts): Latin/Cyrillic, Korean and Japanese faces,
// each split by unicode-range so the browser fetches only the subsets a map uses.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-jp/400.css';
import '@xyflow/react/dist/style.css';
import './app/styles.css';
// shared/'s messages (a refused file, import notes) follow the UI language
import './i18n/message-language-sync';
import { App } from './app/App';
import { applyTheme, initialTheme } from './app/apply-theme';
import { applyLanguagePreference } from './app/language';
import { startDesktopIntegration } from './app/desktop';
import { startDataSafety } from './app/data-safety';
import { runOperation } from './app/operations';
import { installOperationRunner } from './operations/run-operation';

// the features' buttons run operations through this slot: they may not import app/ themselves
installOperationRunner(runOperation);
applyTheme(initialTheme());
const languageReady = applyLanguagePreference();
startDesktopIntegration();
startDataSafety();
// The benchmark's hooks: only with `?bench` in the URL, in a chunk of their own.
if (new URLSearchParams(window.location.search).has('bench')) void import('./app/bench-hooks').then((m) => m.installBenchHooks());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
// The first render waits for a non-English table (a few kB, fetched at once), so the first
// screen is already in the person's language; English resolves at once.
void languageReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
