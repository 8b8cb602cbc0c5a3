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

/** snake_case field → lowerCamelCase (protobuf-es field names). */
export function camelFromSnake(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

/** snake_case → PascalCase. */
export function pascalFromSnake(snake: string): string {
  const camel = camelFromSnake(snake);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
