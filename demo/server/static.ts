/**
 * The page's files, with no build step: HTML and CSS as they are, the TypeScript modules in demo/web compiled
 * one by one on request (esbuild's transform, which tsx already brings), and slack-message-parser's ES modules.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

export interface StaticFile {
  readonly type: string;
  readonly body: string;
}

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const PARSER_DIR = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('slack-message-parser')),
  '../esm',
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** Maps a URL path to a file inside `root`, refusing anything that would leave it. */
const inside = (root: string, relative: string): string | undefined => {
  if (!/^[A-Za-z0-9_./-]+$/.test(relative) || relative.includes('..')) return undefined;
  const file = path.resolve(root, relative);
  return file.startsWith(`${root}${path.sep}`) ? file : undefined;
};

const compiled = new Map<string, { mtimeMs: number; code: string }>();

const compile = async (file: string): Promise<string> => {
  const { mtimeMs } = await stat(file);
  const hit = compiled.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.code;
  const source = await readFile(file, 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcefile: file,
  });
  compiled.set(file, { mtimeMs, code });
  return code;
};

const readIfExists = async (file: string | undefined): Promise<string | undefined> => {
  if (file === undefined) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The file for a GET path, or undefined (404). `/app/x.js` is demo/web/x.ts compiled. */
export const staticFile = async (urlPath: string): Promise<StaticFile | undefined> => {
  if (urlPath === '/' || urlPath === '/index.html') {
    const body = await readIfExists(path.join(WEB_DIR, 'index.html'));
    return body === undefined ? undefined : { type: TYPES['.html'] ?? '', body };
  }
  if (urlPath === '/style.css') {
    const body = await readIfExists(path.join(WEB_DIR, 'style.css'));
    return body === undefined ? undefined : { type: TYPES['.css'] ?? '', body };
  }
  const app = /^\/app\/([a-z0-9-]+)\.js$/.exec(urlPath);
  if (app?.[1]) {
    const file = inside(WEB_DIR, `${app[1]}.ts`);
    if (file === undefined || (await readIfExists(file)) === undefined) return undefined;
    return { type: TYPES['.js'] ?? '', body: await compile(file) };
  }
  const vendor = /^\/vendor\/slack-message-parser\/(.+\.js)$/.exec(urlPath);
  if (vendor?.[1]) {
    const body = await readIfExists(inside(PARSER_DIR, vendor[1]));
    return body === undefined ? undefined : { type: TYPES['.js'] ?? '', body };
  }
  return undefined;
};
