/**
 * Reads the small subset of YAML that compose.yaml is written in: block mappings and sequences,
 * plain and quoted scalars (kept as text), flow sequences of scalars, comments. Anything else
 * (anchors, tags, block scalars, flow mappings, tabs, duplicate keys, bad indentation) is refused
 * rather than guessed: no YAML library is among the dependencies, and the deployment files must
 * not need one. Where PyYAML is on the machine, the deployment test checks that both agree.
 */
interface Line {
  indent: number;
  text: string;
  number: number;
}

export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
const ENTRY_START = /^[A-Za-z0-9_][A-Za-z0-9_./-]*:(?: |$)/;

export function readYamlSubset(source: string): YamlValue {
  const lines = toLines(source);
  const first = lines[0];
  if (!first) return null;
  const [value, next] = parseBlock(lines, 0, first.indent);
  const rest = lines[next];
  if (rest) fail(rest, 'unexpected indentation');
  return value;
}

function toLines(source: string): Line[] {
  const lines: Line[] = [];
  for (const [index, raw] of source.split('\n').entries()) {
    if (raw.includes('\t')) throw new Error(`line ${index + 1}: tab`);
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '') continue;
    lines.push({ indent: text.length - text.trimStart().length, text: text.trimStart(), number: index + 1 });
  }
  return lines;
}

function stripComment(raw: string): string {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || raw[i - 1] === ' ')) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function parseBlock(lines: Line[], at: number, indent: number): [YamlValue, number] {
  const line = lines[at] as Line;
  return line.text === '-' || line.text.startsWith('- ')
    ? parseSequence(lines, at, indent)
    : parseMapping(lines, at, indent);
}

function parseMapping(lines: Line[], at: number, indent: number): [YamlValue, number] {
  const map: { [key: string]: YamlValue } = {};
  let i = at;
  for (let line = lines[i]; line && line.indent === indent; line = lines[i]) {
    const match = KEY.exec(line.text);
    if (!match) fail(line, 'expected "key: value"');
    const [, key = '', rest] = match;
    if (Object.hasOwn(map, key)) fail(line, `duplicate key ${key}`);
    i += 1;
    const child = lines[i];
    if (rest !== undefined && rest !== '') {
      map[key] = readScalar(rest, line);
    } else if (child && child.indent > indent) {
      [map[key], i] = parseBlock(lines, i, child.indent);
    } else {
      map[key] = null;
    }
  }
  const after = lines[i];
  if (after && after.indent > indent) fail(after, 'unexpected indentation');
  return [map, i];
}

function parseSequence(lines: Line[], at: number, indent: number): [YamlValue, number] {
  const list: YamlValue[] = [];
  let i = at;
  for (let line = lines[i]; line && line.indent === indent; line = lines[i]) {
    if (!line.text.startsWith('- ')) fail(line, 'expected "- item"');
    const rest = line.text.slice(1);
    const itemIndent = indent + 1 + (rest.length - rest.trimStart().length);
    if (ENTRY_START.test(rest.trimStart())) {
      // "- key: value": a mapping whose first entry shares the dash's line.
      lines[i] = { ...line, indent: itemIndent, text: rest.trimStart() };
      const [item, next] = parseMapping(lines, i, itemIndent);
      list.push(item);
      i = next;
    } else {
      list.push(readScalar(rest, line));
      i += 1;
    }
  }
  return [list, i];
}

function readScalar(raw: string, line: Line): YamlValue {
  const text = raw.trim();
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) fail(line, 'flow sequence on one line only');
    return splitFlow(text.slice(1, -1), line).map((item) => readScalar(item, line));
  }
  if (text.startsWith('"')) {
    if (!/^"[^"\\]*"$/.test(text)) fail(line, 'double-quoted text without escapes only');
    return text.slice(1, -1);
  }
  if (text.startsWith("'")) {
    if (!/^'([^']|'')*'$/.test(text)) fail(line, 'bad single-quoted text');
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (/^[-?:,\]{}&*!|>%@`]/.test(text) && !/^-[^ ]/.test(text)) fail(line, `unsupported: ${text}`);
  if (text.includes(': ') || text.endsWith(':')) fail(line, `": " in plain text: ${text}`);
  return text;
}

function splitFlow(inner: string, line: Line): string[] {
  const items: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (const char of inner) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      items.push(current);
      current = '';
      continue;
    } else if ('[]{}'.includes(char)) {
      fail(line, 'nested flow collections');
    }
    current += char;
  }
  if (current.trim() !== '') items.push(current);
  return items;
}

function fail(line: Line, why: string): never {
  throw new Error(`line ${line.number}: ${why}`);
}
