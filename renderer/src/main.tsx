import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPersistentStorage } from './app/persistentStorage';
import './styles.css';

// Ask early, before the first case is written; the answer only changes what the library says about storage.
void startPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
