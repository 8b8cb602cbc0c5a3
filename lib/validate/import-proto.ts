/**
 * Prefills request or response fields from a message pasted out of a checkout. Parses with
 * protobufjs; anything the design cannot express (maps, oneofs, enums, nested or unknown types) is
 * named in a message and skipped, never silently dropped.
 */
import protobuf from "protobufjs";
import { isKnownType } from "../design/validate";
import type { FieldDesign } from "../design/model";
import { STAND_IN_ENUMS, STAND_IN_MESSAGES } from "./personhog-stand-in";

export interface ImportedMessage {
  readonly name: string | null;
  readonly fields: FieldDesign[];
  readonly problems: string[];
}

const MAX_PASTE = 20_000;

/**
 * The paste without the file-level statements a checkout's file starts with (its own syntax,
 * package, imports and options would clash with ours). One line each, so each match attempt
 * reads at most one line: `^\s*` and `[^;]*` could run to the end of the text from every line
 * start, quadratic in the paste (0.4 s for 20,000 newlines).
 */
export const withoutFileStatements = (text: string): string =>
  text.replace(/^[ \t]*(?:syntax|package|import|option)\b[^;\n]*;/gm, "");

export function importProtoMessage(text: string): ImportedMessage {
  if (text.length > MAX_PASTE)
    return {
      name: null,
      fields: [],
      problems: [`The pasted text is longer than ${MAX_PASTE} characters.`],
    };
  const body = withoutFileStatements(text);
  let root: protobuf.Root;
  try {
    const standIn = Object.entries(STAND_IN_MESSAGES).map(([, t]) => t);
    root = protobuf.parse(
      ['syntax = "proto3";', "package workbench.paste;", STAND_IN_ENUMS, ...standIn, body].join(
        "\n",
      ),
      { keepCase: true },
    ).root;
  } catch (err) {
    return {
      name: null,
      fields: [],
      problems: [
        `This is not a proto message: ${err instanceof Error ? err.message : String(err)}`,
      ],
    };
  }
  const ns = root.lookup("workbench.paste");
  const pasted =
    ns instanceof protobuf.Namespace
      ? ns.nestedArray.filter(
          (n): n is protobuf.Type =>
            n instanceof protobuf.Type && !Object.hasOwn(STAND_IN_MESSAGES, n.name),
        )
      : [];
  const message = pasted[0];
  if (!message)
    return { name: null, fields: [], problems: ["No message found in the pasted text."] };
  const problems: string[] =
    pasted.length > 1 ? [`Only the first message (${message.name}) was imported.`] : [];
  const fields: FieldDesign[] = [];
  for (const f of message.fieldsArray.sort((a, b) => a.id - b.id)) {
    if (f instanceof protobuf.MapField)
      problems.push(`${f.name}: map fields are not supported; it was skipped.`);
    else if (f.partOf && !f.partOf.name.startsWith("_"))
      problems.push(`${f.name}: oneof members are not supported; it was skipped.`);
    else if (f.name === "read_options")
      problems.push(
        "read_options is added automatically for reads; it was not imported as a field.",
      );
    else if (!isKnownType(f.type))
      problems.push(`${f.name}: type ${f.type} is not one the workbench knows; it was skipped.`);
    else
      fields.push({
        name: f.name,
        type: f.type,
        optional: Boolean(f.options?.proto3_optional) || Boolean(f.partOf),
        repeated: f.repeated,
        comment: f.comment ?? "",
      });
  }
  if (message.nestedArray.length > 0)
    problems.push(`Nested types in ${message.name} were not imported.`);
  return { name: message.name, fields, problems };
}
