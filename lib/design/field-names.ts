/**
 * Field names and types as generated code needs them. A name that is not lower snake_case, or a
 * type the workbench does not know, has no spelling in Rust, Python or TypeScript: no code is
 * generated for such a design (lib/generate/index.ts), and these problems say why. Keywords are
 * fine: each language spells them its own way (escape/). Two names that one language spells the
 * same (`x_1` and `x1` are both `x1` in JSON and protobuf-es) break that language's build.
 */
import { camelFromSnake } from "../catalogue/naming";
import { rustIdent } from "../escape/rust";
import { tsParam } from "../escape/typescript";
import type { Design, FieldDesign } from "./model";
import { quoted, type Problem } from "./problem";
import { FIELD_NAME, isKnownType } from "./validate";

function messages(design: Design): { fields: readonly FieldDesign[]; path: string }[] {
  const request = { fields: design.request, path: "request" };
  if (design.response.kind !== "new") return [request];
  return [request, { fields: design.response.fields, path: "response.fields" }];
}

/** Names and types no code can be generated for (each an error with the field's path). */
export function invalidFieldNames(design: Design): Problem[] {
  return messages(design).flatMap(({ fields, path }) =>
    fields.flatMap((f, i): Problem[] => [
      ...(FIELD_NAME.test(f.name)
        ? []
        : [
            {
              path: `${path}.${i}.name`,
              severity: "error" as const,
              message: `Field name ${quoted(f.name.slice(0, 70))} must be snake_case (lowercase letters, digits, _), starting with a letter, at most 64 characters: no code is generated until it is.`,
              rule: "field-names",
            },
          ]),
      ...(isKnownType(f.type)
        ? []
        : [
            {
              path: `${path}.${i}.type`,
              severity: "error" as const,
              message: `Unknown type ${quoted(f.type.slice(0, 70))}: no code is generated until the field has a known type.`,
              rule: "field-types",
            },
          ]),
    ]),
  );
}

interface Spelling {
  readonly where: string;
  readonly spell: (name: string) => string;
  /** Only request fields become the wrapper's parameters. */
  readonly requestOnly?: boolean;
}
const SPELLINGS: readonly Spelling[] = [
  { where: "JSON and TypeScript (protobuf-es)", spell: camelFromSnake },
  { where: "Rust (prost)", spell: rustIdent },
  { where: "the TypeScript wrapper's parameters", spell: tsParam, requestOnly: true },
];

/** Distinct names of one message that a generated language spells the same. */
export function fieldNameClashes(design: Design): Problem[] {
  const problems: Problem[] = [];
  for (const { fields, path } of messages(design)) {
    for (const { where, spell, requestOnly } of SPELLINGS) {
      if (requestOnly && path !== "request") continue;
      const first = new Map<string, string>();
      fields.forEach((f, i) => {
        if (!FIELD_NAME.test(f.name)) return; // invalidFieldNames reports it
        const spelled = spell(f.name);
        const earlier = first.get(spelled);
        if (earlier === undefined) first.set(spelled, f.name);
        else if (earlier !== f.name)
          problems.push({
            path: `${path}.${i}.name`,
            severity: "error",
            message: `${earlier} and ${f.name} are both ${spelled} in ${where}: rename one.`,
            rule: "unique-fields",
          });
      });
    }
  }
  return problems;
}
