/** How one RPC name is spelled in each language. Pure string functions, no knowledge of personhog. */

/** PascalCase → snake_case, keeping acronyms together: GetPersonsByUuids → get_persons_by_uuids. */
export function snakeCase(pascal: string): string {
  return pascal
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/** PascalCase → lowerCamelCase, the spelling protobuf-es uses for methods and fields. */
export function lowerCamel(pascal: string): string {
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * snake_case field → lowerCamelCase as protobuf-es spells it (protoc's JSON name): each `_` is
 * dropped and capitalises the next letter; a digit takes the capital (`a_1b` → `a1b`).
 */
export function camelFromSnake(snake: string): string {
  let out = "";
  let capital = false;
  for (const ch of snake) {
    if (ch === "_") capital = true;
    else {
      out += capital && !/[0-9]/.test(ch) ? ch.toUpperCase() : ch;
      capital = false;
    }
  }
  return out;
}

/** snake_case → PascalCase. */
export function pascalFromSnake(snake: string): string {
  const camel = camelFromSnake(snake);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
