/**
 * Reads a field from a raw record. An exact key wins (CSV headers may contain dots); otherwise a
 * dotted path walks nested objects (`properties.zipcode`, `attributes.OBJECTID`). Keys match
 * case-insensitively and ignoring surrounding spaces as a fallback, because portals change the
 * case of keys between JSON and CSV exports and Excel leaves trailing spaces in headers.
 */
export function readField(record: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(record, path)) return record[path];
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = readKey(current as Record<string, unknown>, part);
    if (current === undefined) return undefined;
  }
  return current;
}

/** True when the record has the field (even with a null value). */
export function hasField(record: Readonly<Record<string, unknown>>, path: string): boolean {
  if (Object.prototype.hasOwnProperty.call(record, path)) return true;
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return false;
    const key = findKey(current as Record<string, unknown>, part);
    if (key === undefined) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function readKey(object: Record<string, unknown>, key: string): unknown {
  const found = findKey(object, key);
  return found === undefined ? undefined : object[found];
}

function findKey(object: Record<string, unknown>, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(object, key)) return key;
  const wanted = key.trim().toLowerCase();
  return Object.keys(object).find((k) => k.trim().toLowerCase() === wanted);
}
