import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './utils/aliexpress/urls';

// Permissions are listed and explained in the README ("Permissions"); tests/unit/manifest.test.ts
// fails on anything beyond that list.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // explicit imports everywhere: easier to read and no name clashes between utils
  imports: false,
  manifest: {
    name: 'AliProof',
    description: 'Dispute deadlines, evidence capture and export for AliExpress buyers. Everything stays on your computer.',
    permissions: ['storage'],
    host_permissions: HOST_PERMISSIONS,
  },
});
