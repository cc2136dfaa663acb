// Bundles the workspace's script islands (and the CSS they import) into ../wwwroot/lib, where the server serves
// them as /lib/<name>.js and /lib/<name>.css. Run by the server project's build when the bundles are missing or
// older than these sources; `node build.mjs` by hand does the same.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

await build({
  absWorkingDir: here,
  entryPoints: ['src/case-diagram.js', 'src/task-form.js', 'src/start-form.js', 'src/procedure-modeler.js', 'src/case-migration.js', 'src/simulate-draft.js'],
  outdir: path.join(here, '..', 'wwwroot', 'lib'),
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  // The libraries' stylesheets refer to a few images; copied beside the bundles, served from 'self' (the CSP).
  loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file' },
  assetNames: 'assets/[name]-[hash]',
  logLevel: 'warning',
});
