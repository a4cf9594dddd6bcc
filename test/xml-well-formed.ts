/**
 * A strict enough XML well-formedness check for generated OOXML parts (happy-dom's DOMParser accepts broken
 * XML silently): balanced tags, quoted attributes, known entities, no control characters, one root.
 */
const TOKEN =
  /<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|</g;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push("control character");
  for (const [entity] of xml.matchAll(/&[^;&\s<]{0,12};?/g)) {
    if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(entity)) problems.push(`bad entity ${entity}`);
  }
  const stack: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, name, , selfClosing] = match;
    if (token === "<") problems.push(`stray < at ${match.index}`);
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(", ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
