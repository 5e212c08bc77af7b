import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { hasShared, sharedDir } from './shared.js';

/**
 * Block Kit checks used by the Slack fake and by tests: the shared JSON Schema (draft 2020-12) plus the
 * limits the schema does not enforce (50 blocks per message, duplicate block_id / action_id). Each check
 * returns a list of human-readable problems; an empty list means "Slack would accept this".
 * Without `../shared` the schema part is skipped and only the limit checks run.
 */

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  modalTitle: 24,
  modalButtonText: 24,
  privateMetadata: 3000,
  id: 255,
} as const;

/**
 * Slack refuses a message (`msg_blocks_too_long`) when the text across all its blocks passes roughly 12,000
 * characters. Undocumented; measured by users (slackapi/bolt-js #2509, #2867). RULES.md asks the bot to stay under
 * 10,000.
 */
export const MESSAGE_BLOCK_TEXT_LIMIT = 12_000;

const SCHEMA_ID = 'https://tightknit.com/schemas/slack-block-kit.schema.json';
const schemaPath = path.join(sharedDir, 'slack/block-kit-schema/slack-block-kit.schema.json');

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined =>
  isObject(v) && typeof v.text === 'string' ? v.text : undefined;

interface Validators {
  block: Map<string, ValidateFunction>;
  modal: ValidateFunction;
  home: ValidateFunction;
}

let validators: Validators | undefined;

const loadValidators = (): Validators | undefined => {
  if (!hasShared) return undefined;
  if (validators) return validators;
  const schema: Json = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormatsModule.default(ajv);
  ajv.addSchema(schema);
  const compileDef = (name: string) => ajv.compile({ $ref: `${SCHEMA_ID}#/$defs/${name}` });
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  const union = isObject(defs.block) && Array.isArray(defs.block.oneOf) ? defs.block.oneOf : [];
  const block = new Map<string, ValidateFunction>();
  for (const entry of union) {
    const name = isObject(entry) && typeof entry.$ref === 'string' ? entry.$ref.split('/').pop() : undefined;
    const def = name ? defs[name] : undefined;
    const type = isObject(def) && isObject(def.properties) ? def.properties.type : undefined;
    if (name && isObject(type) && typeof type.const === 'string') block.set(type.const, compileDef(name));
  }
  validators = { block, modal: compileDef('modal_view'), home: compileDef('home_view') };
  return validators;
};

const MAX_SCHEMA_ERRORS_PER_BLOCK = 5;

const formatErrors = (prefix: string, errors: ErrorObject[] | null | undefined): string[] => {
  const lines = (errors ?? []).map((e) => {
    const extra = typeof e.params.additionalProperty === 'string' ? ` "${e.params.additionalProperty}"` : '';
    return `${prefix} ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
  });
  return [...new Set(lines)].slice(0, MAX_SCHEMA_ERRORS_PER_BLOCK);
};

const schemaErrorsForBlock = (block: unknown, where: string): string[] => {
  const v = loadValidators();
  if (!v || !isObject(block)) return [];
  const type = typeof block.type === 'string' ? block.type : '';
  const validate = v.block.get(type);
  if (!validate) return [`${where}: unknown block type "${type}"`];
  return validate(block) ? [] : formatErrors(`${where} (${type}):`, validate.errors);
};

const tooLong = (where: string, what: string, value: string | undefined, max: number): string[] =>
  value !== undefined && value.length > max
    ? [`${where}: ${what} is ${value.length} chars (max ${max})`]
    : [];

const elementsOf = (block: Json): Json[] => {
  const list: unknown[] = [];
  if (Array.isArray(block.elements)) list.push(...block.elements);
  if (block.accessory !== undefined) list.push(block.accessory);
  if (block.element !== undefined) list.push(block.element);
  return list.filter(isObject);
};

const limitErrorsForBlock = (block: unknown, where: string): string[] => {
  if (!isObject(block)) return [`${where}: block must be an object`];
  const errors: string[] = [];
  if (typeof block.type !== 'string') errors.push(`${where}: block has no type`);
  if (typeof block.block_id === 'string') errors.push(...tooLong(where, 'block_id', block.block_id, 255));
  if (block.type === 'header') {
    errors.push(...tooLong(where, 'header text', textOf(block.text), BLOCK_KIT_LIMITS.headerText));
  }
  if (block.type === 'section') {
    errors.push(...tooLong(where, 'section text', textOf(block.text), BLOCK_KIT_LIMITS.sectionText));
    const fields = Array.isArray(block.fields) ? block.fields : [];
    if (fields.length > BLOCK_KIT_LIMITS.sectionFields) {
      errors.push(`${where}: section has ${fields.length} fields (max ${BLOCK_KIT_LIMITS.sectionFields})`);
    }
    fields.forEach((f, i) => {
      errors.push(...tooLong(where, `field ${i} text`, textOf(f), BLOCK_KIT_LIMITS.sectionFieldText));
    });
  }
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    if (block.elements.length > BLOCK_KIT_LIMITS.actionsElements) {
      errors.push(`${where}: actions block has ${block.elements.length} elements (max 25)`);
    }
  }
  if (block.type === 'context' && Array.isArray(block.elements)) {
    if (block.elements.length > BLOCK_KIT_LIMITS.contextElements) {
      errors.push(`${where}: context block has ${block.elements.length} elements (max 10)`);
    }
  }
  const actionIds = new Set<string>();
  for (const element of elementsOf(block)) {
    if (element.type === 'button') {
      errors.push(...tooLong(where, 'button text', textOf(element.text), BLOCK_KIT_LIMITS.buttonText));
      if (typeof element.value === 'string') {
        errors.push(...tooLong(where, 'button value', element.value, BLOCK_KIT_LIMITS.buttonValue));
      }
    }
    if (typeof element.action_id === 'string') {
      errors.push(...tooLong(where, 'action_id', element.action_id, BLOCK_KIT_LIMITS.id));
      if (actionIds.has(element.action_id)) {
        errors.push(`${where}: duplicate action_id "${element.action_id}" in one block`);
      }
      actionIds.add(element.action_id);
    }
  }
  return errors;
};

const checkBlockList = (blocks: unknown, max: number, label: string): string[] => {
  if (!Array.isArray(blocks)) return [`${label} must be an array of blocks`];
  if (blocks.length === 0) return [`${label} must not be empty`];
  const errors: string[] = [];
  if (blocks.length > max) errors.push(`${label} has ${blocks.length} blocks (max ${max})`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const where = `${label}[${i}]`;
    errors.push(...limitErrorsForBlock(block, where), ...schemaErrorsForBlock(block, where));
    if (isObject(block) && typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) errors.push(`${where}: duplicate block_id "${block.block_id}"`);
      blockIds.add(block.block_id);
    }
  });
  return errors;
};

/** The characters of every text object (`plain_text`, `mrkdwn`) anywhere in `blocks`: what the limit counts. */
export const blockTextLength = (blocks: unknown): number => {
  if (Array.isArray(blocks)) return blocks.reduce((sum: number, b) => sum + blockTextLength(b), 0);
  if (!isObject(blocks)) return 0;
  const own =
    (blocks.type === 'plain_text' || blocks.type === 'mrkdwn') && typeof blocks.text === 'string'
      ? blocks.text.length
      : 0;
  return own + Object.values(blocks).reduce((sum: number, v) => sum + blockTextLength(v), 0);
};

/** Problems with a message's `blocks` (chat.postMessage / postEphemeral / update, response_url). */
export const checkMessageBlocks = (blocks: unknown): string[] =>
  checkBlockList(blocks, BLOCK_KIT_LIMITS.messageBlocks, 'blocks');

const viewLevelSchemaErrors = (validate: ValidateFunction | undefined, view: Json): string[] => {
  if (!validate || validate(view)) return [];
  // Block-level problems are reported (more precisely) per block by checkBlockList.
  const viewLevel = (validate.errors ?? []).filter((e) => !e.instancePath.startsWith('/blocks/'));
  return formatErrors('view:', viewLevel);
};

const checkViewCommon = (view: Json): string[] => [
  ...checkBlockList(view.blocks, BLOCK_KIT_LIMITS.viewBlocks, 'view.blocks'),
  ...tooLong(
    'view',
    'private_metadata',
    typeof view.private_metadata === 'string' ? view.private_metadata : undefined,
    BLOCK_KIT_LIMITS.privateMetadata,
  ),
  ...tooLong('view', 'callback_id', typeof view.callback_id === 'string' ? view.callback_id : undefined, 255),
];

/** Problems with a modal view (views.open / views.update / views.push). */
export const checkModal = (view: unknown): string[] => {
  if (!isObject(view)) return ['view must be an object'];
  const errors: string[] = [];
  if (view.type !== 'modal') errors.push(`view.type must be "modal" (got ${JSON.stringify(view.type)})`);
  const title = textOf(view.title);
  if (title === undefined) errors.push('view.title is required');
  errors.push(...tooLong('view', 'title', title, BLOCK_KIT_LIMITS.modalTitle));
  errors.push(...tooLong('view', 'submit text', textOf(view.submit), BLOCK_KIT_LIMITS.modalButtonText));
  errors.push(...tooLong('view', 'close text', textOf(view.close), BLOCK_KIT_LIMITS.modalButtonText));
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) errors.push('view: a modal with input blocks needs submit');
  errors.push(...checkViewCommon(view), ...viewLevelSchemaErrors(loadValidators()?.modal, view));
  return [...new Set(errors)];
};

/** Problems with an App Home view (views.publish). */
export const checkHomeView = (view: unknown): string[] => {
  if (!isObject(view)) return ['view must be an object'];
  const errors: string[] = [];
  if (view.type !== 'home') errors.push(`view.type must be "home" (got ${JSON.stringify(view.type)})`);
  errors.push(...checkViewCommon(view), ...viewLevelSchemaErrors(loadValidators()?.home, view));
  return [...new Set(errors)];
};

/** Problems with any view: dispatches on `type` (modal or home). */
export const checkView = (view: unknown): string[] =>
  isObject(view) && view.type === 'home' ? checkHomeView(view) : checkModal(view);
