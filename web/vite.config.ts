import { defineConfig } from 'vite';

// Plain static files: `npm run build` writes dist/, which any web server can host.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2048 },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: { port: 5173, strictPort: true },
});
