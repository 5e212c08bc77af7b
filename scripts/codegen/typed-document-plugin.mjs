// A GraphQL Code Generator plugin (used with the near-operation-file preset, after typescript-operations): for the
// one operation in a `.graphql` file it emits
//   export const <Name>Document = typedDocument<<Name>Query, <Name>QueryVariables>('<Name>', `<document text>`);
// The text is the operation plus every fragment it spreads, printed; the types are the ones typescript-operations
// wrote just above. Unlike @graphql-codegen/typed-document-node it needs no cast and sends plain text.
import { Kind, print, visit } from 'graphql';

const SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** Names of the fragments a node spreads, directly. */
const spreadsIn = (node) => {
  const names = new Set();
  visit(node, {
    FragmentSpread(spread) {
      names.add(spread.name.value);
    },
  });
  return names;
};

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction<{ typedDocumentFrom: string; externalFragments?: { node: import('graphql').FragmentDefinitionNode; name: string }[] }>} */
export const plugin = (_schema, documents, config) => {
  const definitions = documents.flatMap((d) => d.document?.definitions ?? []);
  const fragments = new Map();
  for (const f of config.externalFragments ?? []) fragments.set(f.name, f.node);
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const out = [];
  for (const op of definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = op.name?.value;
    if (!name) throw new Error('every Admin API operation needs a name');
    const needed = [];
    const queue = [...spreadsIn(op)];
    while (queue.length > 0) {
      const next = queue.shift();
      if (needed.includes(next)) continue;
      const fragment = fragments.get(next);
      if (!fragment) throw new Error(`${name} spreads the unknown fragment ${next}`);
      needed.push(next);
      queue.push(...spreadsIn(fragment));
    }
    const text = [op, ...needed.sort().map((n) => fragments.get(n))].map((d) => print(d)).join('\n\n');
    const type = `${name}${SUFFIX[op.operation]}`;
    out.push(
      `export const ${name}Document = typedDocument<${type}, ${type}Variables>('${name}', ${JSON.stringify(text)});`,
    );
  }
  if (out.length === 0) return '';
  return { prepend: [`import { typedDocument } from '${config.typedDocumentFrom}';`], content: `${out.join('\n')}\n` };
};
