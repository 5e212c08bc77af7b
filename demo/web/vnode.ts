/**
 * A tiny description of HTML that the pure renderers return and dom.ts turns into elements with textContent and
 * setAttribute only (never innerHTML), so text from the bot cannot become markup.
 */

export type AttrValue = string | number | boolean | undefined;

export interface VElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly children: readonly VNode[];
}

export type VNode = VElement | string;

type Child = VNode | readonly Child[] | null | undefined | false;

const flatten = (children: readonly Child[]): VNode[] =>
  children.flatMap((c): VNode[] => {
    if (c === null || c === undefined || c === false) return [];
    if (typeof c === 'string') return c === '' ? [] : [c];
    if (Array.isArray(c)) return flatten(c);
    return [c as VElement];
  });

export const h = (
  tag: string,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: Child[]
): VElement => ({
  tag,
  attrs,
  children: flatten(children),
});

/** The text a person would read (for tests and labels). */
export const textOf = (node: VNode | readonly VNode[]): string => {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'string') return node;
  const el = node as VElement;
  return el.tag === 'br' ? '\n' : el.children.map(textOf).join('');
};

/** Every element matching `test`, depth first (for tests). */
export const findAll = (node: VNode | readonly VNode[], test: (el: VElement) => boolean): VElement[] => {
  if (Array.isArray(node)) return node.flatMap((n) => findAll(n, test));
  if (typeof node === 'string') return [];
  const el = node as VElement;
  return [...(test(el) ? [el] : []), ...el.children.flatMap((c) => findAll(c, test))];
};
