// Bundles what runs outside plain Node with esbuild: the renderer (and, added by the shell, the preload).
// Run as `node build/bundle.ts`; add a bundle by appending to `bundles`.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Bundle {
  name: string;
  options: BuildOptions;
}

export const rendererBundle: Bundle = {
  name: 'renderer',
  options: {
    entryPoints: [
      { in: 'renderer/src/main.ts', out: 'app' },
      { in: 'renderer/src/styles/app.css', out: 'app' },
      { in: 'renderer/index.html', out: 'index' },
    ],
    outdir: 'dist/renderer',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Electron 45 ships Chromium 140+; Debian's Chromium runs the browser suite.
    target: ['chrome130'],
    loader: { '.html': 'copy' },
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
  },
};

export const bundles: Bundle[] = [
  rendererBundle,
  {
    // The sandboxed preload: one CommonJS file, because a sandboxed preload can require only 'electron'.
    name: 'preload',
    options: {
      entryPoints: ['app/preload.ts'],
      outfile: 'dist/app/preload.cjs',
      bundle: true,
      format: 'cjs',
      platform: 'browser',
      target: ['chrome130'],
      external: ['electron'],
      legalComments: 'none',
      charset: 'utf8',
    },
  },
];

export interface BundleReport {
  name: string;
  files: { file: string; bytes: number }[];
}

export async function bundleAll(list: Bundle[] = bundles): Promise<BundleReport[]> {
  const reports: BundleReport[] = [];
  for (const { name, options } of list) {
    const result = await build({ absWorkingDir: ROOT, logLevel: 'warning', metafile: true, ...options });
    reports.push({ name, files: outputs(result.metafile) });
  }
  return reports;
}

function outputs(metafile: Metafile | undefined): BundleReport['files'] {
  return Object.entries(metafile?.outputs ?? {}).map(([file, output]) => ({ file, bytes: output.bytes }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const report of await bundleAll()) {
    const total = report.files.reduce((sum, file) => sum + file.bytes, 0);
    const files = report.files.map((file) => `${path.basename(file.file)} ${(file.bytes / 1024).toFixed(1)} kB`).join(', ');
    console.log(`bundle ${report.name}: ${(total / 1024).toFixed(1)} kB (${files})`);
  }
}
