// valid: build configuration runs before anything is served
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

export default defineConfig(async () => ({
  define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
}));
