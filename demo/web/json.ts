/** Small readers for untyped JSON (payloads, views, recorded calls). */
import type { Json } from '../workspace/types.js';

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A non-empty string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The objects in an array (anything else is skipped). */
export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
