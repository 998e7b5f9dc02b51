import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupMonaco } from './monaco/setup-monaco.js';
import { App } from './app.js';
import './styles.css';

setupMonaco();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
