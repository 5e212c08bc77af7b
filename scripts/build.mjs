// npm run build: compiles src/ to dist/ with tsc and copies the files the code reads at run time (the approval
// Lua scripts in src/approvals/lua), so `node dist/main.js` runs with production dependencies only.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

/** Every file under src that is not TypeScript (today: *.lua), copied beside the compiled code. */
const copyAssets = (dir) => {
  for (const name of readdirSync(dir)) {
    const from = path.join(dir, name);
    if (statSync(from).isDirectory()) copyAssets(from);
    else if (!name.endsWith('.ts')) cpSync(from, path.join(dist, path.relative(src, from)));
  }
};
copyAssets(src);
