/** Turns {@link VNode}s into DOM nodes with createElement, setAttribute and text nodes only. */
import type { VNode } from './vnode.js';

const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

export const toDom = (node: VNode): Node => {
  if (typeof node === 'string') return document.createTextNode(node);
  const el = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false || /^on/i.test(name)) continue;
    if (name === 'href' && !SAFE_HREF.test(String(value))) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children) el.append(toDom(child));
  return el;
};

/** Replaces everything inside `host` with `nodes`. */
export const mount = (host: Element, nodes: VNode | readonly VNode[]): void => {
  const list: readonly VNode[] = Array.isArray(nodes) ? nodes : [nodes as VNode];
  host.replaceChildren(...list.map(toDom));
};
