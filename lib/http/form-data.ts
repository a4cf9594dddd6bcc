/**
 * FormData → plain object for zod: repeated fields named in `arrays` become arrays (in document order),
 * every other field keeps its last value. Files are ignored.
 */
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of arrays) out[name] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    if (arrays.includes(name)) (out[name] as string[]).push(value);
    else out[name] = value;
  }
  return out;
}
