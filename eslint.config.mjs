import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // `const { left, ...rest } = x` names what it leaves out: that is the point, not a slip.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not a React hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // Build output: the snapshot and the esbuild-bundled lab worker.
      "lab-assets/**",
      // Stand-ins for PostHog's files that apply edits: PostHog's style, not ours.
      "lib/apply/fixtures/**",
    ],
  },
  {
    // lib/ is the pure core: it runs in Node and the browser, so no React and no UI imports.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "next", "next/*"],
              message: "lib/ stays free of React and Next.",
            },
            {
              group: ["@/components/*", "@/app/*", "@/workers/*"],
              message: "lib/ imports nothing above it.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
