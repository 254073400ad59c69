import type { RecordFields } from './feed-types.ts';
import { TEXT_KEY } from './record-fields.ts';

/** An element of the record being read, kept only until the record's end tag. */
export interface XmlElementNode {
  name: string;
  attributes: [string, string][];
  children: XmlElementNode[];
  text: string;
}

/** Creates an empty element node. */
export function createElementNode(name: string, attributes: [string, string][]): XmlElementNode {
  return { name, attributes, children: [], text: '' };
}

/**
 * Flattens an element into record fields. A child that occurs once becomes dotted keys
 * (`PRODUCT_DETAILS.EAN`), and repeated text-only children become an array of strings. Other
 * repeated children become an array of objects flattened the same way, so values of one
 * repeated element (an amount and its currency) stay together.
 */
export function flattenElement(node: XmlElementNode): RecordFields {
  const out: RecordFields = {};
  for (const [name, value] of node.attributes) out[`@${name}`] = value;
  for (const [name, group] of groupChildren(node.children)) {
    const [first] = group;
    if (group.length === 1 && first) {
      addSingleChild(out, name, first);
    } else if (group.every(isTextOnly)) {
      out[name] = group.map(textOf).filter((text) => text !== '');
    } else {
      out[name] = group.map(toObject);
    }
  }
  return out;
}

function groupChildren(children: XmlElementNode[]): Map<string, XmlElementNode[]> {
  const groups = new Map<string, XmlElementNode[]>();
  for (const child of children) {
    const group = groups.get(child.name);
    if (group) group.push(child);
    else groups.set(child.name, [child]);
  }
  return groups;
}

function addSingleChild(out: RecordFields, name: string, child: XmlElementNode): void {
  const text = textOf(child);
  if (isTextOnly(child)) {
    out[name] = text;
    return;
  }
  if (text !== '') out[name] = text;
  for (const [key, value] of Object.entries(flattenElement(child))) out[`${name}.${key}`] = value;
}

function toObject(child: XmlElementNode): RecordFields {
  const object = flattenElement(child);
  const text = textOf(child);
  if (text !== '') object[TEXT_KEY] = text;
  return object;
}

function isTextOnly(node: XmlElementNode): boolean {
  return node.attributes.length === 0 && node.children.length === 0;
}

function textOf(node: XmlElementNode): string {
  return node.text.trim();
}
