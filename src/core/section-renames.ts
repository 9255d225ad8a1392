/** A section id after a template's declared renames (`renamed: {old-id: new-id}`), followed through chains (a → b → c), prefix by prefix. */
export function idAfterRenames(id: string, renames: Readonly<Record<string, string>>): string {
  let current = id;
  for (let guard = 0; guard < 32; guard++) {
    const key = Object.keys(renames).filter((old) => current === old || current.startsWith(`${old}/`)).sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return current;
    current = renames[key]! + current.slice(key.length);
  }
  return current;
}
