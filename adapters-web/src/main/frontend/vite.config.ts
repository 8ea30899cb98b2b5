import { defineConfig } from 'vite';

// The app is built into the web adapter's classes, so the jar serves it at / (UiController).
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/public',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // the world map is a separate chunk: only the dashboard loads it
    chunkSizeWarningLimit: 200,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  },
  // `npm run dev`: the dev server on :5173 forwards the API to a BanGUI on :8080, so the app stays same-origin
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  // styles.css as text for the contrast test of its theme colours
  test: { environment: 'node', include: ['src/**/*.test.ts'], css: { include: [/styles\.css/] } },
} as never);
