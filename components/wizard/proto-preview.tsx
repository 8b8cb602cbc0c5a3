import { protoSnippets } from "@/lib/generate/proto";
import { rpcNameProblems } from "@/lib/design/rpc-name";

export function ProtoPreview({ name }: { readonly name: string }) {
  const problems = rpcNameProblems(name);
  if (problems.length > 0) {
    return (
      <ul
        data-testid="name-problems"
        className="list-disc pl-5 text-sm text-red-700 dark:text-red-300"
      >
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    );
  }
  return (
    <div data-testid="proto-snippets" className="space-y-3">
      {protoSnippets(name).map((s) => (
        <figure key={s.id}>
          <figcaption className="text-xs text-slate-600 dark:text-slate-400">
            <code>{s.file}</code> · {s.anchor}
          </figcaption>
          <pre
            data-testid={`snippet-${s.id}`}
            className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900"
          >
            {s.code}
          </pre>
        </figure>
      ))}
    </div>
  );
}
