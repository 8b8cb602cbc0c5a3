/**
 * Step 2, Python: regenerate the stubs, re-export the new messages, add the client wrapper and its
 * fake. Code is laid out as ruff format would (PostHog's line length is 120) and indented for its
 * place inside the class, so it pastes without reformatting.
 */
import { PYTHON_PATHS } from "../catalogue/paths";
import { SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import type { Design } from "../design/model";
import type { Generator } from "./context";
import { pyString } from "../escape/python";
import { code, type Block } from "./code";
import { bracketed } from "./python-layout";
import { fakeBody } from "./python-fake";
import { snippet } from "./snippet-builder";

const GENERATED = PYTHON_PATHS.generated;
/** fake_client.py imports these generated modules directly; any other must be added there. */
const FAKE_IMPORTS = new Set(["cohort_pb2", "feature_flag_pb2", "group_pb2", "person_pb2"]);

function signature(design: Design, request: string, response: string, snake: string): Block {
  const params = ["self", `request: ${request}`];
  if (design.operation === "write") params.push("timeout: float | None = None");
  return bracketed(`def ${snake}`, params, ` -> ${response}:`);
}

export const pythonSnippets: Generator = ({ design, d }) => {
  const write = design.operation === "write";
  const shared = !d.newResponse;
  const reqModule = `${design.domain}_pb2`;
  // The generated module that declares the response: a shared one may live in another domain.
  const respDomain = (shared && SHARED_RESPONSES[d.responseMessage]?.domain) || design.domain;
  const respModule = `${respDomain}_pb2`;

  const reexported = [d.requestMessage, ...(shared ? [] : [d.responseMessage])].sort((a, b) =>
    a.toLowerCase().localeCompare(b.toLowerCase()),
  );
  const timeout = write ? "timeout or self._timeout" : "self._timeout";
  const clientCode = code`
    ${signature(design, d.requestMessage, d.responseMessage, d.snake)}
        ${bracketed(`return self._stub.${d.rpc}`, ["request", `timeout=${timeout}`], "")}
  `;
  const fakeResponse = `${respModule}.${d.responseMessage}`;
  const body = fakeBody(design, fakeResponse);
  const fakeCode = code`
    ${signature(design, `${reqModule}.${d.requestMessage}`, fakeResponse, d.snake)}
        self.calls.append(_Call(${pyString(d.snake)}, request))
        ${body.lines}
  `;

  const unimported = [...new Set([reqModule, respModule])].filter((m) => !FAKE_IMPORTS.has(m));

  return [
    snippet({
      id: "python-codegen",
      file: "(terminal)",
      anchor: "from the repository root, after the proto change",
      code: "bin/generate_personhog_proto.sh",
      notes: [
        `It rewrites ${GENERATED}/ from every .proto under proto/personhog; your messages land in personhog/types/v1/${design.domain}_pb2.py (with its .pyi stub), the method in service/v1/service_pb2_grpc.py.`,
        "Commit the generated files with the proto change: CI rejects stale stubs.",
        "It stops early if grpc_tools or protoletariat is missing: run uv sync first.",
      ],
    }),
    snippet({
      id: "python-reexports",
      file: PYTHON_PATHS.reexports,
      anchor: `in the "from posthog.personhog_client.proto.generated.personhog.types.v1.${reqModule} import (...)" block; keep the block alphabetical`,
      code: reexported.map((name) => `${name},`),
      indent: 4,
      notes: [
        shared
          ? `${d.responseMessage} is shared with other RPCs: it is already re-exported if a wrapper returns it; add it only if the ${respModule} block lacks it.`
          : "Both messages are new, so both are re-exported for client.py and callers.",
      ],
    }),
    snippet({
      id: "python-client-method",
      file: PYTHON_PATHS.client,
      anchor: `in class PersonHogClient, beside the other wrappers for ${d.domain.label}`,
      code: clientCode,
      indent: 4,
      notes: [
        `Also import ${reexported.join(" and ")} in client.py's "from posthog.personhog_client.proto import (...)" list${shared ? `, and ${d.responseMessage} if it is not there yet` : ""}.`,
        write
          ? "Writes take an optional timeout so a caller can allow a slow batch more than the default; the guide shows only the read shape."
          : "Reads use the client's default timeout (PERSONHOG_TIMEOUT_MS), as the guide shows.",
        !write &&
          design.readOptions &&
          "Nothing to do for consistency: the interceptor turns request.read_options into the x-read-consistency header.",
        "No per-method metrics: MetricsInterceptor labels every call with its RPC name.",
      ],
    }),
    snippet({
      id: "python-fake-method",
      file: PYTHON_PATHS.fake,
      anchor:
        "in class FakePersonHogClient, in the PersonHogClient interface section, in client.py's order",
      code: fakeCode,
      indent: 4,
      notes: [
        "Same name and signature as the real wrapper, so tests that swap in the fake keep working.",
        `The fake imports the generated modules directly (${reqModule}${respModule === reqModule ? "" : `, ${respModule}`}), not the re-exports.`,
        unimported.length > 0 &&
          `fake_client.py does not import ${unimported.join(", ")} yet: add it to its "from ${GENERATED}.personhog.types.v1 import (...)" line.`,
        ...body.notes,
        design.target === "guide" &&
          "The guide's example also stores the response on the _Call; current fakes record (name, request) first and rarely keep the response.",
      ],
    }),
  ];
};
