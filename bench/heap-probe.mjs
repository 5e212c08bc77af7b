// Loaded with `node --expose-gc --import ./bench/heap-probe.mjs dist/main.js` by bench/heap.ts: on SIGUSR2 the
// process collects garbage and prints its memory use before and after as one JSON line on stderr;
// with HEAP_SNAPSHOT_DIR set it also writes a heap snapshot there. Not part of the bot.
import { writeHeapSnapshot } from 'node:v8';

process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  for (let i = 0; i < 5; i++) globalThis.gc?.();
  const usage = process.memoryUsage();
  const snapshot = process.env.HEAP_SNAPSHOT_DIR
    ? writeHeapSnapshot(`${process.env.HEAP_SNAPSHOT_DIR}/bot-${Date.now()}.heapsnapshot`)
    : undefined;
  process.stderr.write(`${JSON.stringify({ heapProbe: usage, before, snapshot })}\n`);
});
