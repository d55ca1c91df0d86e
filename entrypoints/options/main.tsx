// The options page entry: mounts the settings page with the browser-backed data functions.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SettingsPage } from '../../components/settings/SettingsPage';
import { optionsData } from './data';
import './options.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SettingsPage data={optionsData} />
  </StrictMode>,
);
